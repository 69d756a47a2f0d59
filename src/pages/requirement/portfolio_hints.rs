//! On requirement pages 8.2.4 and 8.3.3: completeness hints from the portfolio.

use crate::app::AppState;
use crate::app::route;
use crate::pages::portfolio::{HintList, plural};
use clausebook_core::framework::Node;
use clausebook_core::portfolio::{Gap, Part};
use leptos::prelude::*;
use leptos_router::components::A;

/// On requirement pages 8.2.4 and 8.3.3: completeness hints from the portfolio.
#[component]
pub fn RequirementHints(node: &'static Node) -> impl IntoView {
    let state = expect_context::<AppState>();
    let relevant = [Gap::NoOwner, Gap::NoCustomers, Gap::NoSlaTargets]
        .iter()
        .any(|g| g.requirement() == node.id.0);
    relevant.then(|| {
        let figures = Memo::new(move |_| {
            state.workbook.with(|w| {
                w.as_ref().map(|w| {
                    (
                        w.portfolio.count(Part::Catalogue),
                        w.portfolio.hints_for(&node.id),
                    )
                })
            })
        });
        view! {
            <section class="card portfolio-hints" aria-labelledby="portfolio-hints-title">
                <h2 id="portfolio-hints-title">"From the service portfolio"</h2>
                {move || match figures.get() {
                    None => view! { <p>"Create a workbook to keep a service portfolio."</p> }.into_any(),
                    Some((0, _)) => {
                        view! {
                            <p>
                                "No services are live yet. Record them in the "
                                <A href=route("/portfolio")>"portfolio"</A>
                                "."
                            </p>
                        }
                            .into_any()
                    }
                    Some((live, hints)) if hints.is_empty() => {
                        view! {
                            <p class="success">
                                {format!(
                                    "All {} have what this requirement asks the portfolio for.",
                                    plural(live, "live service", "live services"),
                                )}
                            </p>
                        }
                            .into_any()
                    }
                    Some((live, hints)) => {
                        view! {
                            <p>
                                {format!(
                                    "{} of {} need attention:",
                                    hints.len(),
                                    plural(live, "live service", "live services"),
                                )}
                            </p>
                            <HintList hints />
                        }
                            .into_any()
                    }
                }}
            </section>
        }
    })
}
