//! The log: its filter (kept in the URL), the board or table, the count and
//! the CSV export.

use super::{Board, Filters, Table};
use crate::app::AppState;
use crate::app::route;
use crate::platform::browser;
use clausebook_core::improvement::{self, Filter, SearchIndex};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};

/// How long search typing pauses before the search is written to the URL.
const SEARCH_URL_DELAY: std::time::Duration = std::time::Duration::from_millis(400);

/// Whether the log shows as a board or a table (kept in the URL as `view`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LogView {
    Board,
    Table,
}

fn log_href(filter: &Filter, view: LogView) -> String {
    let mut query = filter.to_query();
    if view == LogView::Table {
        if !query.is_empty() {
            query.push('&');
        }
        query.push_str("view=table");
    }
    if query.is_empty() {
        "/improvements".to_owned()
    } else {
        format!("/improvements?{query}")
    }
}

/// Filters, the board or table, and the CSV export.
#[component]
pub(super) fn ImprovementLogView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let query = use_query_map();
    let navigate = StoredValue::new_local(use_navigate());
    // A filter just picked, shown at once and written to the URL later (see
    // `set_filter`); the URL is the filter otherwise.
    let pending = RwSignal::new(None::<Filter>);
    let url_filter = Memo::new(move |_| query.with(|q| Filter::from_query(|k| q.get(k))));
    let filter = Memo::new(move |_| pending.get().unwrap_or_else(|| url_filter.get()));
    // An address that changes under a filter not yet written (Back, Forward,
    // a link) wins: writing the older filter later would replace it.
    Effect::new(move |_| {
        url_filter.track();
        pending.set(None);
    });
    let view_kind = Memo::new(move |_| {
        if query.with(|q| q.get("view")).as_deref() == Some("table") {
            LogView::Table
        } else {
            LogView::Board
        }
    });
    let today = browser::today();
    let total = Memo::new(move |_| {
        state
            .workbook
            .with(|w| w.as_ref().map(|w| w.improvements.items.len()).unwrap_or(0))
    });
    // Each item's searched text, lowercased once per change of the log
    // rather than on every keystroke (see `SearchIndex`). Only a search reads
    // it, so the log shows without it; it is worked out while the browser is
    // idle after that, so the first keystroke does not wait for it either.
    let search_index = Memo::new_with_compare(
        move |_| {
            state.workbook.with(|w| {
                w.as_ref()
                    .map(|w| SearchIndex::new(&w.improvements))
                    .unwrap_or_default()
            })
        },
        // Comparing two indexes costs about as much as building one.
        |_, _| true,
    );
    request_idle_callback(move || {
        let _ = search_index.try_with_untracked(|_| ());
    });
    // Where the matching items are in the log, in display order. Positions,
    // not copies: copying (and comparing) 2,000 items on every keystroke
    // took most of a frame. Recomputed whenever the workbook changes, so
    // readers that look them up in the workbook never see stale positions.
    let shown = Memo::new(move |_| {
        filter.with(|f| {
            state.workbook.with(|w| {
                let Some(w) = w.as_ref() else {
                    return Vec::new();
                };
                if f.search.trim().is_empty() {
                    f.positions(&w.improvements, today)
                } else {
                    search_index.with(|index| f.positions_indexed(&w.improvements, today, index))
                }
            })
        })
    });
    // Writing the URL (the router's navigation and history.replaceState)
    // takes longer than updating the list, so the list updates at once and
    // the URL follows: a picked filter or sort once the frame has painted,
    // search text once typing pauses. Run after every keystroke, the write
    // held up the frame after it, and browsers throttle pages that replace
    // their history entry more than a few times a second. Only the latest
    // change is written; a log that is gone by then (the person navigated
    // away) writes nothing.
    let writes = StoredValue::new(0u64);
    let write_url = move |ticket: u64| {
        if writes.try_get_value() != Some(ticket) {
            return;
        }
        let Some(Some(f)) = pending.try_get_untracked() else {
            return;
        };
        let Some(view) = view_kind.try_get_untracked() else {
            return;
        };
        let href = log_href(&f, view);
        navigate.try_with_value(|n| {
            n(
                &href,
                NavigateOptions {
                    replace: true,
                    scroll: false,
                    ..Default::default()
                },
            )
        });
        pending.set(None);
    };
    let set_filter = move |f: Filter| {
        let typing = filter.with_untracked(|now| {
            now.search != f.search
                && *now
                    == Filter {
                        search: now.search.clone(),
                        ..f.clone()
                    }
        });
        let ticket = writes.get_value().wrapping_add(1);
        writes.set_value(ticket);
        pending.set(Some(f));
        if typing {
            set_timeout(move || write_url(ticket), SEARCH_URL_DELAY);
        } else {
            request_animation_frame(move || {
                set_timeout(move || write_url(ticket), std::time::Duration::ZERO);
            });
        }
    };
    let export_message = RwSignal::new(None::<Result<String, String>>);
    let export_csv = move |_| {
        let Some(wb) = state.workbook.get_untracked() else {
            return;
        };
        let today = browser::today();
        let name = improvement::csv_file_name(&wb.organisation.name, today);
        let text = wb.improvements.to_csv(today);
        export_message.set(Some(
            browser::download(&name, &text, "text/csv;charset=utf-8")
                .map(|()| format!("Exported {name}.")),
        ));
    };
    let tab = move |v: LogView, label: &'static str| {
        view! {
            <li>
                // A plain link (the router still handles it): `A` would mark
                // both as current, since they differ only in the query.
                <a
                    href=move || filter.with(|f| route(&log_href(f, v)))
                    aria-current=move || (view_kind.get() == v).then_some("page")
                >
                    {label}
                </a>
            </li>
        }
    };
    view! {
        <section class="card log" aria-labelledby="log-title">
            <div class="log-head">
                <h2 id="log-title">"Improvement log"</h2>
                <nav class="view-switch" aria-label="Log views">
                    <ul>{tab(LogView::Board, "Board")} {tab(LogView::Table, "Table")}</ul>
                </nav>
                <button
                    type="button"
                    on:click=export_csv
                    disabled=move || total.get() == 0
                    aria-describedby="csv-hint"
                >
                    "Export CSV"
                </button>
            </div>
            <p id="csv-hint" class="hint">
                "CSV: one row per item, UTF-8, for spreadsheets. Filters do not apply to it."
            </p>
            <p class="success" role="status">
                {move || export_message.get().and_then(Result::ok)}
            </p>
            <p class="error" role="alert">
                {move || export_message.get().and_then(Result::err)}
            </p>
            <Filters filter set_filter />
            <p class="count" role="status">
                {move || {
                    let n = shown.with(Vec::len);
                    let t = total.get();
                    if filter.with(Filter::is_narrowing) {
                        format!("Showing {n} of {t} items.")
                    } else if t == 1 {
                        "1 item.".to_owned()
                    } else {
                        format!("{t} items.")
                    }
                }}
            </p>
            {move || match view_kind.get() {
                LogView::Board => view! { <Board items=shown today /> }.into_any(),
                LogView::Table => view! { <Table items=shown today filter set_filter /> }.into_any(),
            }}
        </section>
    }
}
