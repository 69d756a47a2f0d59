//! Badges: a status, stage or lifecycle as a coloured label with its name.

use clausebook_core::assessment::Status;
use clausebook_core::improvement::Stage;
use clausebook_core::portfolio::Lifecycle;
use leptos::prelude::*;

/// A requirement's status.
pub fn status_badge(s: Status) -> impl IntoView {
    view! { <span class=format!("badge status-{}", s.key())>{s.label()}</span> }
}

/// An improvement item's stage.
pub fn stage_badge(stage: Stage) -> impl IntoView {
    view! { <span class=stage_class(stage)>{stage.label()}</span> }
}

/// The classes of a stage's badge, for one whose stage changes in place.
pub fn stage_class(stage: Stage) -> String {
    format!("badge stage-{}", stage.key())
}

/// A service's lifecycle status.
pub fn lifecycle_badge(status: Lifecycle) -> impl IntoView {
    view! { <span class=format!("badge lifecycle-{}", status.key())>{status.label()}</span> }
}
