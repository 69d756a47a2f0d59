//! The ISO 9001 and ISO/IEC 27001 clauses an Annex SL answer also serves.

use crate::widgets::Card;
use clausebook_core::framework::{Framework, Node};
use clausebook_core::ims;
use leptos::prelude::*;

/// For ISO/IEC 20000-1 requirements shared through Annex SL: the ISO 9001
/// and ISO/IEC 27001 clauses the same answer also serves.
#[component]
pub(super) fn AlsoServes(framework: &'static Framework, node: &'static Node) -> impl IntoView {
    let data = ims::ims();
    let standards = data.counterparts(&framework.id.0, &node.id);
    (!standards.is_empty()).then(|| {
        view! {
            <Card heading_id="also-serves-title" title="Also serves" class="also-serves">
                <p class="hint">
                    "In an integrated management system, what you record here also answers these clauses (matched by topic, not number)."
                </p>
                {standards
                    .into_iter()
                    .map(|(outline, clauses)| {
                        view! {
                            <h3>{outline.name.clone()}</h3>
                            <ul>
                                {clauses
                                    .into_iter()
                                    .map(|c| {
                                        view! {
                                            <li>
                                                <span class="num">{c.number.clone()}</span>
                                                " "
                                                {c.title.clone()}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                    })
                    .collect_view()}
            </Card>
        }
    })
}
