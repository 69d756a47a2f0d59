//! Choosing the framework a new workbook is written against. A component
//! of its own so every create form (Overview welcome, Workbooks page) offers
//! the same choice.

use clausebook_core::framework::{self, Framework};
use leptos::prelude::*;

/// A radio group of the compiled-in frameworks. `selected` holds the choice;
/// it starts at whatever the caller put there (ISO/IEC 20000-1 by default).
#[component]
pub fn FrameworkChoice(
    selected: RwSignal<&'static Framework>,
    /// Prefix for element ids, so two forms on one page stay unique.
    #[prop(default = "framework")]
    id_prefix: &'static str,
) -> impl IntoView {
    view! {
        <fieldset class="framework-choice">
            <legend>"Framework"</legend>
            {framework::all()
                .into_iter()
                .map(|f| {
                    let id = format!("{id_prefix}-{}", f.id);
                    let hint = format!("{id}-hint");
                    view! {
                        <div class="choice">
                            <input
                                type="radio"
                                id=id.clone()
                                name=id_prefix
                                value=f.id.0.clone()
                                aria-describedby=hint.clone()
                                prop:checked=move || selected.get().id == f.id
                                on:change=move |_| selected.set(f)
                            />
                            <label for=id>{f.name.clone()}</label>
                            <p id=hint class="hint">
                                {f.subtitle.clone()}
                                {format!(
                                    " · rated on the {} (0–{})",
                                    f.capability_scale.name,
                                    f.capability_scale.max(),
                                )}
                            </p>
                        </div>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

/// The CC BY attribution for a framework whose text Clausebook shows
/// (FitSM), with a link to the licence; nothing for ISO.
#[component]
pub fn FrameworkAttribution(framework: &'static Framework) -> impl IntoView {
    framework.needs_attribution().then(|| {
        view! {
            <p class="attribution">
                {framework.attribution.clone()}
                " "
                <a href=framework.licence_url.clone() rel="license noopener" target="_blank">
                    "Read the CC BY 4.0 licence"
                    <span class="visually-hidden">" (opens in a new tab)"</span>
                </a>
            </p>
        }
    })
}
