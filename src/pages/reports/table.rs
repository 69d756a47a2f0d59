//! The pieces every report's tables and figures are made of.

use crate::widgets::column_heads;
use clausebook_core::assessment::Readiness;
use clausebook_core::calendar::IsoDate;
use leptos::prelude::*;

pub(super) fn date_text(d: Option<IsoDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// A report's table: its column headings and rows, in a container that
/// scrolls sideways on narrow screens rather than the page, focusable so
/// keyboard users can scroll it too. The container's name differs from the
/// section's so the two landmarks are told apart.
pub(super) fn report_table(
    label: String,
    class: Option<&'static str>,
    caption: Option<&'static str>,
    columns: &[&'static str],
    rows: impl IntoView + 'static,
) -> AnyView {
    view! {
        <div
            class="table-scroll report-table"
            role="region"
            aria-label=format!("{label} table")
            tabindex="0"
        >
            <table class=class>
                {caption.map(|c| view! { <caption>{c}</caption> })}
                {column_heads(columns)}
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// A date something is due by, marked when it has passed.
pub(super) fn due_date(date: Option<IsoDate>, overdue: bool) -> impl IntoView + use<> {
    view! {
        {date_text(date)}
        {overdue.then(|| view! { <span class="overdue">" overdue"</span> })}
    }
}

/// Several short entries in one cell, a line each.
pub(super) fn cell_lines(lines: Vec<String>) -> impl IntoView + use<> {
    lines
        .into_iter()
        .map(|e| view! { <span class="cell-line">{e}</span> })
        .collect_view()
}

pub(super) fn readiness_figures(r: &Readiness) -> impl IntoView + use<> {
    view! {
        <p class="report-figure">
            <strong data-testid="report-ready">{format!("{}%", r.ready_percent)}</strong>
            {format!(
                " of {} requirements at Largely or Fully implemented · weighted score {}/100 · {} of {} assessed",
                r.total,
                r.score,
                r.assessed(),
                r.total,
            )}
        </p>
    }
}
