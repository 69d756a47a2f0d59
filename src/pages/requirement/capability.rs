//! Current and target capability of a requirement.

use crate::app::AppState;
use crate::platform::browser;
use crate::widgets::ErrorLine;
use clausebook_core::assessment::{Capability, CapabilityLevel};
use clausebook_core::framework::Framework;
use leptos::prelude::*;

/// Current and target capability, with the meaning of each level.
#[component]
pub(super) fn CapabilityFields(
    framework: &'static Framework,
    id: &'static clausebook_core::framework::RequirementId,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let scale = &framework.capability_scale;
    // Only the framework's own levels are offered: FitSM stops at 4.
    let levels = move || {
        CapabilityLevel::ALL
            .into_iter()
            .filter_map(move |l| scale.level(l.number()).map(|s| (l, s)))
    };
    let capability = Memo::new(move |_| {
        state.workbook.with(|w| {
            w.as_ref()
                .map(|w| w.assessment(id).capability)
                .unwrap_or_default()
        })
    });
    let error = RwSignal::new(None::<String>);
    let apply = move |change: &dyn Fn(
        Capability,
    ) -> Result<
        Capability,
        clausebook_core::assessment::CapabilityError,
    >| {
        match change(capability.get_untracked()) {
            Ok(c) => {
                error.set(None);
                state.edit(|w| w.edit_assessment(id, browser::now(), |a| a.capability = c));
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    let select = move |which: &'static str, label: &'static str| {
        let current = which == "current";
        let value = move || capability.with(|c| if current { c.current() } else { c.target() });
        view! {
            <div class="field">
                <label for=format!("capability-{which}")>{label}</label>
                <select
                    id=format!("capability-{which}")
                    aria-describedby=format!("capability-{which}-meaning")
                    on:change=move |ev| {
                        let level = event_target_value(&ev).parse::<u8>().ok().and_then(|n| CapabilityLevel::try_from(n).ok());
                        if current {
                            apply(&|c| c.with_current(level));
                        } else {
                            apply(&|c| c.with_target(level));
                        }
                    }
                >
                    <option value="" prop:selected=move || value().is_none()>"Not rated"</option>
                    {levels()
                        .map(|(l, s)| {
                            view! {
                                <option value=l.number().to_string() prop:selected=move || value() == Some(l)>
                                    {scale.label(s.level)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
                <p id=format!("capability-{which}-meaning") class="hint">
                    {move || value().and_then(|l| scale.level(l.number())).map(|s| s.meaning.clone())}
                </p>
            </div>
        }
    };
    view! {
        <fieldset class="capability">
            <legend>{format!("Capability ({})", scale.name)}</legend>
            <div class="two-up">
                {select("current", "Current capability")}
                {select("target", "Target capability")}
            </div>
            <ErrorLine error=error />
            <details>
                <summary>"What the levels mean"</summary>
                <dl class="facts compact">
                    {scale
                        .levels
                        .iter()
                        .map(|s| view! { <dt>{scale.label(s.level)}</dt> <dd>{s.meaning.clone()}</dd> })
                        .collect_view()}
                </dl>
            </details>
        </fieldset>
    }
}
