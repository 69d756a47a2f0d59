//! The service's level targets: availability, and response and resolution
//! times per priority.

use super::ServiceMemo;
use crate::app::AppState;
use crate::pages::portfolio::apply;
use crate::widgets::{Card, column_heads};
use clausebook_core::portfolio::{self, Priority, ServiceId, Times};
use leptos::prelude::*;

#[component]
pub(super) fn SlaCard(id: ServiceId, service: ServiceMemo) -> impl IntoView {
    let state = expect_context::<AppState>();
    let initial = service.with_untracked(|s| s.as_ref().map(|s| s.sla.clone()).unwrap_or_default());
    let availability = RwSignal::new(
        initial
            .availability
            .map(portfolio::format_percent)
            .unwrap_or_default(),
    );
    let availability_error = RwSignal::new(None::<String>);
    let times_error = RwSignal::new(None::<String>);
    let save_availability = move |text: String| {
        availability.set(text.clone());
        match portfolio::parse_availability(&text) {
            Ok(value) => {
                availability_error.set(None);
                let _ = apply(state, |p| p.edit(id, |s| s.sla.availability = value));
            }
            Err(e) => availability_error.set(Some(e.to_string())),
        }
    };
    let rows = Priority::ALL
        .into_iter()
        .map(|priority| {
            let t = initial.times(priority);
            let show = |m: Option<u32>| m.map(portfolio::format_hours).unwrap_or_default();
            let response = RwSignal::new(show(t.response_minutes));
            let resolution = RwSignal::new(show(t.resolution_minutes));
            let save = move || {
                let parsed =
                    portfolio::parse_hours(&response.get_untracked(), "response target", priority)
                        .and_then(|r| {
                            portfolio::parse_hours(
                                &resolution.get_untracked(),
                                "resolution target",
                                priority,
                            )
                            .map(|s| (r, s))
                        });
                let result = parsed.map_err(|e| e.to_string()).and_then(|(r, s)| {
                    let times = Times {
                        response_minutes: r,
                        resolution_minutes: s,
                    };
                    apply(state, |p| {
                        let mut sla = p.get(id).map(|s| s.sla.clone()).unwrap_or_default();
                        sla.set_times(priority, times);
                        sla.check()?;
                        p.edit(id, |s| s.sla = sla)
                    })
                });
                times_error.set(result.err());
            };
            view! {
                <tr>
                    <th scope="row">
                        {priority.label()}
                        <span class="priority-meaning">{priority.meaning()}</span>
                    </th>
                    {hours_cell(priority, "response", response, save)}
                    {hours_cell(priority, "resolution", resolution, save)}
                </tr>
            }
        })
        .collect_view();
    view! {
        <Card heading_id="sla-title" title="Service level targets" class="form">
            <div class="field">
                <label for="sla-availability">"Availability (%)"</label>
                {number_input(
                    "sla-availability".to_owned(),
                    "sla-availability-error",
                    availability,
                    save_availability,
                )}
                <p id="sla-availability-error" class="error" role="alert">
                    {move || availability_error.get()}
                </p>
            </div>
            <table class="sla-times">
                <caption>"Response and resolution times, in hours"</caption>
                {column_heads(&["Priority", "Response", "Resolution"])}
                <tbody>{rows}</tbody>
            </table>
            <p id="sla-times-error" class="error" role="alert">
                {move || times_error.get()}
            </p>
        </Card>
    }
}

/// One target of a priority's row: hours as typed, saved on every keystroke.
fn hours_cell(
    priority: Priority,
    which: &'static str,
    text: RwSignal<String>,
    save: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let id = format!("sla-{}-{which}", priority.label().to_lowercase());
    view! {
        <td>
            <label class="visually-hidden" for=id.clone()>
                {format!("{} {which} (hours)", priority.label())}
            </label>
            {number_input(
                id,
                "sla-times-error",
                text,
                move |typed| {
                    text.set(typed);
                    save();
                },
            )}
        </td>
    }
}

/// A figure typed as text (a percentage, hours), described by the message
/// `error_id` shows when it does not read; `typed` takes every keystroke.
fn number_input(
    id: String,
    error_id: &'static str,
    text: RwSignal<String>,
    typed: impl Fn(String) + 'static,
) -> impl IntoView {
    view! {
        <input
            id=id
            class="hours"
            type="text"
            inputmode="decimal"
            autocomplete="off"
            maxlength=clausebook_core::limits::MAX_NUMBER_CHARS
            aria-describedby=error_id
            prop:value=move || text.get()
            on:input=move |ev| typed(event_target_value(&ev))
        />
    }
}
