//! The service's level targets: availability, and response and resolution
//! times per priority.

use super::ServiceMemo;
use crate::app::AppState;
use crate::pages::portfolio::apply;
use crate::widgets::Card;
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
    let save_availability = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
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
                <input
                    id="sla-availability"
                    class="hours"
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    aria-describedby="sla-availability-error"
                    prop:value=move || availability.get()
                    on:input=save_availability
                />
                <p id="sla-availability-error" class="error" role="alert">
                    {move || availability_error.get()}
                </p>
            </div>
            <table class="sla-times">
                <caption>"Response and resolution times, in hours"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Priority"</th>
                        <th scope="col">"Response"</th>
                        <th scope="col">"Resolution"</th>
                    </tr>
                </thead>
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
            <input
                id=id
                class="hours"
                type="text"
                inputmode="decimal"
                autocomplete="off"
                aria-describedby="sla-times-error"
                prop:value=move || text.get()
                on:input=move |ev| {
                    text.set(event_target_value(&ev));
                    save();
                }
            />
        </td>
    }
}
