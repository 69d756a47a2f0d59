//! Choosing the framework a new workbook is written against. A component
//! of its own so every create form (Overview welcome, Workbooks page) offers
//! the same choice.

use super::radio_group::{Radio, RadioGroup};
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
    let frameworks = framework::all();
    let radios = frameworks
        .iter()
        .map(|f| Radio {
            id: format!("{id_prefix}-{}", f.id),
            label: f.name.clone(),
            value: Some(f.id.0.clone()),
            hint: Some(format!(
                "{} · rated on the {} (0–{})",
                f.subtitle,
                f.capability_scale.name,
                f.capability_scale.max(),
            )),
        })
        .collect();
    let current = Signal::derive(move || {
        let chosen = &selected.get().id;
        frameworks.iter().position(|f| &f.id == chosen)
    });
    let pick = UnsyncCallback::new(move |at: usize| {
        if let Some(f) = frameworks.get(at) {
            selected.set(*f);
        }
    });
    view! {
        <RadioGroup
            class="framework-choice"
            item_class="choice"
            legend="Framework"
            name=id_prefix
            radios
            current
            on_pick=pick
        />
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
