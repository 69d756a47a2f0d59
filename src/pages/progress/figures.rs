//! The figures of a point in time, the same in every table of this page.

use clausebook_core::baseline::Figures;
use clausebook_core::calendar::IsoDate;
use leptos::prelude::*;

/// The date, the requirements assessed, the share ready and the weighted
/// score, a cell each.
pub(super) fn figure_cells(date: IsoDate, f: Figures) -> impl IntoView + use<> {
    view! {
        <td>{date.to_string()}</td>
        <td>{format!("{} of {}", f.assessed, f.total)}</td>
        <td>{format!("{}%", f.ready_percent)}</td>
        <td>{format!("{}%", f.score)}</td>
    }
}
