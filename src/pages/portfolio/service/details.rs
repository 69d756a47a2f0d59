//! The service's details, each saved as it is typed.

use super::ServiceMemo;
use crate::app::AppState;
use crate::pages::portfolio::apply;
use crate::widgets::{Card, DateField, TextField, choices, record_select};
use clausebook_core::calendar::IsoDate;
use clausebook_core::limits::{MAX_NAME_CHARS, MAX_OWNER_CHARS};
use clausebook_core::portfolio::{Criticality, Service, ServiceId, ServiceKind};
use leptos::prelude::*;

/// One string field of a service, as the details form shows it.
struct FieldSpec {
    dom_id: &'static str,
    label: &'static str,
    max: usize,
    multiline: bool,
    get: fn(&Service) -> &String,
    set: fn(&mut Service, String),
}

/// A text input or textarea bound to one string field of the service.
fn text_field(
    state: AppState,
    id: ServiceId,
    service: ServiceMemo,
    spec: FieldSpec,
) -> impl IntoView {
    let FieldSpec {
        dom_id,
        label,
        max,
        multiline,
        get,
        set,
    } = spec;
    view! {
        <TextField
            id=dom_id
            label
            max
            multiline
            value=Signal::derive(move || {
                service.with(|s| s.as_ref().map(|s| get(s).clone()).unwrap_or_default())
            })
            on_input=UnsyncCallback::new(move |text| {
                let _ = apply(state, |p| p.edit(id, |s| set(s, text)));
            })
        />
    }
}

#[component]
pub(super) fn DetailsCard(id: ServiceId, service: ServiceMemo) -> impl IntoView {
    let state = expect_context::<AppState>();
    let name = RwSignal::new(
        service.with_untracked(|s| s.as_ref().map(|s| s.name.clone()).unwrap_or_default()),
    );
    let name_error = RwSignal::new(None::<String>);
    let date_error = RwSignal::new(None::<String>);
    let short = clausebook_core::limits::MAX_SHORT_CHARS;
    let long = clausebook_core::limits::MAX_TEXT_CHARS;
    let date_field = move |dom_id: &'static str,
                           label: &'static str,
                           get: fn(&Service) -> Option<IsoDate>,
                           set: fn(&mut Service, Option<IsoDate>)| {
        view! {
            <DateField
                id=dom_id
                label
                error=date_error
                value=Signal::derive(move || service.with(|s| s.as_ref().and_then(get)))
                on_change=UnsyncCallback::new(move |date| {
                    let _ = apply(state, |p| p.edit(id, |s| set(s, date)));
                })
            />
        }
    };
    let edit = move |f: &dyn Fn(&mut Service)| {
        let _ = apply(state, |p| p.edit(id, f));
    };
    view! {
        <Card heading_id="details-title" title="Details" class="form">
            <TextField
                id="service-name"
                label="Name"
                max=MAX_NAME_CHARS
                required=true
                error=name_error
                value=name.into()
                on_input=UnsyncCallback::new(move |text: String| {
                    name.set(text.clone());
                    match apply(state, |p| p.rename(id, &text)) {
                        Ok(()) => name_error.set(None),
                        Err(e) => name_error.set(Some(e)),
                    }
                })
            />
            {text_field(state, id, service, FieldSpec { dom_id: "service-description", label: "Outcome for customers", max: long, multiline: true, get: |s| &s.description, set: |s, v| s.description = v })}
            {record_select(service, edit, "service-kind", "Type", choices(&ServiceKind::ALL, ServiceKind::key, ServiceKind::label), |s| s.kind.key(), |s, k| s.kind = ServiceKind::from_key(k).unwrap_or(s.kind))}
            {text_field(state, id, service, FieldSpec { dom_id: "service-owner", label: "Owner", max: MAX_OWNER_CHARS, multiline: false, get: |s| &s.owner, set: |s, v| s.owner = v })}
            {text_field(state, id, service, FieldSpec { dom_id: "service-customers", label: "Customers", max: short, multiline: false, get: |s| &s.customers, set: |s, v| s.customers = v })}
            {record_select(service, edit, "service-criticality", "Criticality", choices(&Criticality::ALL, Criticality::key, Criticality::label), |s| s.criticality.key(), |s, k| s.criticality = Criticality::from_key(k).unwrap_or(s.criticality))}
            {text_field(state, id, service, FieldSpec { dom_id: "service-hours", label: "Service hours", max: short, multiline: false, get: |s| &s.service_hours, set: |s, v| s.service_hours = v })}
            {text_field(state, id, service, FieldSpec { dom_id: "service-suppliers", label: "Suppliers it depends on", max: long, multiline: true, get: |s| &s.suppliers, set: |s, v| s.suppliers = v })}
            {text_field(state, id, service, FieldSpec { dom_id: "service-continuity", label: "Continuity requirements", max: long, multiline: true, get: |s| &s.continuity, set: |s, v| s.continuity = v })}
            {text_field(state, id, service, FieldSpec { dom_id: "service-security", label: "Information security requirements", max: long, multiline: true, get: |s| &s.security, set: |s, v| s.security = v })}
            {text_field(state, id, service, FieldSpec { dom_id: "service-costs", label: "Cost or budget notes", max: long, multiline: true, get: |s| &s.cost_notes, set: |s, v| s.cost_notes = v })}
            {date_field(
                "service-target-date",
                "Target date (next milestone)",
                |s| s.target_date,
                |s, d| s.target_date = d,
            )}
            {date_field(
                "service-review-date",
                "Next review with customers",
                |s| s.review_date,
                |s, d| s.review_date = d,
            )}
            <p class="error" role="alert">
                {move || date_error.get()}
            </p>
        </Card>
    }
}
