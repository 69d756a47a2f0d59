//! The requirement's own text, where its licence lets it be shown.

use crate::widgets::FrameworkAttribution;
use clausebook_core::framework::{Framework, Node};
use leptos::prelude::*;

/// The requirement's own text, where its licence lets us show it (FitSM,
/// CC BY 4.0), with the attribution the licence asks for.
#[component]
pub(super) fn RequirementText(framework: &'static Framework, node: &'static Node) -> impl IntoView {
    view! {
        <section class="card requirement-text" aria-labelledby="requirement-text-title">
            <h2 id="requirement-text-title">{format!("{} text", framework.name)}</h2>
            <blockquote>
                <p>{node.text.clone()}</p>
            </blockquote>
            <FrameworkAttribution framework />
        </section>
    }
}
