//! Editing an evidence item in place.

use crate::app::AppState;
use crate::widgets::ErrorLine;
use clausebook_core::calendar::IsoDate;
use clausebook_core::evidence::EvidenceItem;
use clausebook_core::limits::{MAX_NAME_CHARS, MAX_OWNER_CHARS};
use leptos::prelude::*;

/// Edit every field of an evidence item in place; changes save as you type.
#[component]
pub(super) fn EvidenceForm(item: EvidenceItem) -> impl IntoView {
    let state = expect_context::<AppState>();
    let eid = item.id;
    let edit = move |f: &dyn Fn(&mut EvidenceItem)| {
        state.edit(|w| {
            if let Some(i) = w.evidence.get_mut(eid) {
                f(i);
            }
        })
    };
    let date_error = RwSignal::new(None::<String>);
    let title_error = RwSignal::new(None::<String>);
    let field_id = move |name: &str| format!("ev-{}-{name}", eid.0);
    let text_field = move |label: &'static str,
                           name: &'static str,
                           value: String,
                           setter: fn(&mut EvidenceItem, String)| {
        view! {
            <div class="field">
                <label for=field_id(name)>{label}</label>
                <input
                    id=field_id(name)
                    type="text"
                    maxlength=MAX_OWNER_CHARS
                    value=value
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        edit(&|i| setter(i, v.clone()));
                    }
                />
            </div>
        }
    };
    view! {
        <div class="evidence-form" role="group" aria-label=format!("Edit {eid}")>
            <div class="field">
                <label for=field_id("title")>"Title"</label>
                <input
                    id=field_id("title")
                    type="text"
                    maxlength=MAX_NAME_CHARS
                    value=item.title.clone()
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        if v.trim().is_empty() {
                            title_error.set(Some("Give the evidence item a title.".into()));
                        } else {
                            title_error.set(None);
                            edit(&|i| i.title = v.trim().to_owned());
                        }
                    }
                />
                <ErrorLine error=title_error />
            </div>
            {text_field("Reference or location", "reference", item.reference.clone(), |i, v| i.reference = v)}
            {text_field("Evidence owner", "owner", item.owner.clone(), |i, v| i.owner = v)}
            {text_field("Version", "version", item.version.clone(), |i, v| i.version = v)}
            <div class="field">
                <label for=field_id("review")>"Next review date"</label>
                <input
                    id=field_id("review")
                    type="date"
                    value=item.next_review.map(|d| d.to_string()).unwrap_or_default()
                    on:change=move |ev| match IsoDate::parse_optional(&event_target_value(&ev)) {
                        Ok(d) => {
                            date_error.set(None);
                            edit(&|i| i.next_review = d);
                        }
                        Err(e) => date_error.set(Some(e.to_string())),
                    }
                />
                <ErrorLine error=date_error />
            </div>
        </div>
    }
}
