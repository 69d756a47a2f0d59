//! The app's routes, one page each. In the release build (feature `split`)
//! every page is a chunk of its own: the first screen fetches only the
//! page it draws, and the others are fetched when they are opened, or when
//! the browser is idle after the first paint ([`preload_when_idle`]), so a
//! page change seldom waits for the network.

use crate::pages::{
    clauses::ClausesPage, compare::ComparePage, data::DataPage, improvements,
    overview::OverviewPage, portfolio, progress::ProgressPage, reports,
    requirement::RequirementPage, study::StudyPage, workbooks::WorkbooksPage,
};
use leptos::prelude::*;

/// Declares a route type per page: with `split`, a lazily loaded route;
/// without, the page itself. `view()` is what a `Route` draws.
macro_rules! pages {
    ($($route:ident => $page:path),* $(,)?) => {
        $(
            #[derive(Clone, Copy)]
            pub struct $route;

            #[cfg(feature = "split")]
            #[leptos_router::lazy_route]
            impl leptos_router::LazyRoute for $route {
                fn data() -> Self {
                    $route
                }

                fn view(_this: Self) -> AnyView {
                    $page().into_any()
                }
            }

            impl $route {
                #[cfg(feature = "split")]
                pub fn view() -> leptos_router::Lazy<$route> {
                    leptos_router::Lazy::new()
                }

                #[cfg(not(feature = "split"))]
                pub fn view() -> fn() -> AnyView {
                    || $page().into_any()
                }
            }
        )*

        /// Fetches every page's chunk, one after another, so that opening a
        /// page later does not wait for it.
        #[cfg(feature = "split")]
        async fn preload_all() {
            use leptos_router::LazyRoute;
            $(<$route as LazyRoute>::preload().await;)*
            crate::platform::perf::mark("clausebook:preloaded");
        }
    };
}

pages! {
    Overview => OverviewPage,
    Clauses => ClausesPage,
    Requirement => RequirementPage,
    Improvements => improvements::ImprovementsPage,
    Improvement => improvements::ImprovementPage,
    Portfolio => portfolio::PortfolioPage,
    Catalogue => portfolio::CataloguePage,
    Service => portfolio::ServicePage,
    Workbooks => WorkbooksPage,
    Reports => reports::ReportsPage,
    Report => reports::ReportPage,
    Data => DataPage,
    Progress => ProgressPage,
    Compare => ComparePage,
    Study => StudyPage,
}

/// Once the first screen is drawn and the browser has nothing else to do,
/// fetches the other pages' chunks. (Safari has no `requestIdleCallback`:
/// there a timeout after the first paint stands in for it.)
///
/// The benchmark sets `window.clausebookNoPreload` to time a page change to
/// a page whose code is not fetched yet, the slowest case a person can meet.
pub fn preload_when_idle() {
    #[cfg(feature = "split")]
    {
        let off = js_sys::Reflect::get(&gloo_utils::window(), &"clausebookNoPreload".into())
            .is_ok_and(|v| v.as_bool() == Some(true));
        if !off {
            crate::platform::browser::when_idle(|| leptos::task::spawn_local(preload_all()));
        }
    }
}
