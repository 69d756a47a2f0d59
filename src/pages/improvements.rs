//! Improvements: the PDCA improvement log as a board and a table, one page
//! per item, the requirement page's list of open items, and overdue items
//! on the Overview. Every rule lives in `clausebook_core::improvement`; this module only
//! shows it and reports refusals.

use crate::app::AppState;
use crate::app::route;
use crate::platform::browser;
use crate::widgets::Missing;
use clausebook_core::calendar::{IsoDate, Timestamp};
use clausebook_core::framework::{Framework, Node, Phase, RequirementId};
use clausebook_core::improvement::{
    self, ActDecision, Filter, ImprovementError, ImprovementId, ImprovementItem, ImprovementLog,
    Kind, NewItem, Priority, SearchIndex, SortKey, Source, Stage,
};
use clausebook_core::limits::{MAX_NAME_CHARS, MAX_NOTES_CHARS, MAX_OWNER_CHARS};
use clausebook_core::portfolio::ServiceId;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

/// The address of an item's own page.
pub fn item_href(id: ImprovementId) -> String {
    format!("/improvements/{id}")
}

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

/// Tries a stage move; on refusal returns the reason to show.
fn try_move(state: AppState, id: ImprovementId, to: Stage) -> Result<(), String> {
    let allowed = state
        .workbook
        .with_untracked(|w| w.as_ref().map(|w| w.improvements.check_move(id, to)));
    match allowed {
        None => return Err("Create a workbook on the Overview first.".to_owned()),
        Some(Err(e)) => return Err(e.to_string()),
        Some(Ok(())) => {}
    }
    let mut result = Ok(());
    state.edit(|w| {
        let now = browser::now();
        result = w
            .edit_improvements(now.clone(), |log| {
                log.move_item(id, to, browser::today(), now)
            })
            .map_err(|e| e.to_string());
    });
    result
}

/// Applies an edit to the log through one of the domain's edit methods.
fn edit_log(
    state: AppState,
    f: impl FnOnce(&mut ImprovementLog) -> Result<(), ImprovementError>,
) -> Result<(), String> {
    let mut result = Ok(());
    state.edit(|w| {
        result = w
            .edit_improvements(browser::now(), f)
            .map_err(|e| e.to_string())
    });
    result
}

/// Raises an item and returns its id.
fn raise(state: AppState, new: NewItem) -> Result<ImprovementId, String> {
    let mut result = Err("Create a workbook on the Overview first.".to_owned());
    state.edit(|w| {
        let now = browser::now();
        result = w
            .edit_improvements(now.clone(), |log| log.raise(new, browser::today(), now))
            .map_err(|e| e.to_string());
    });
    result
}

/// Moves keyboard focus to the first element matching `selector`, after the
/// next render. After a navigation the new page may not be rendered yet,
/// so this looks again on each frame, for up to about five seconds.
fn focus_later(selector: String) {
    focus_when_found(selector, 300);
}

fn focus_when_found(selector: String, frames_left: u32) {
    request_animation_frame(move || {
        let found = gloo_utils::document()
            .query_selector(&selector)
            .ok()
            .flatten()
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
        match found {
            Some(el) => {
                let _ = el.focus();
            }
            None if frames_left > 0 => focus_when_found(selector, frames_left - 1),
            None => {}
        }
    });
}

/// "25 Nov 2026, 14:05" in the user's time zone.
fn local_date_time(t: &Timestamp) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(t.as_str()));
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!(
        "{} {} {}, {:02}:{:02}",
        d.get_date(),
        MONTHS.get(d.get_month() as usize).copied().unwrap_or(""),
        d.get_full_year(),
        d.get_hours(),
        d.get_minutes()
    )
}

fn stage_class(stage: Stage) -> String {
    format!("badge stage-{}", stage.key())
}

// ---------------------------------------------------------------------------
// The log page

#[component]
pub fn ImprovementsPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let has_workbook = Memo::new(move |_| state.workbook.with(Option::is_some));
    view! {
        <h1>"Improvements"</h1>
        <p class="lead">
            "Auditors look hardest at how you learn from what goes wrong. Every nonconformity, corrective action and improvement idea goes round the same Plan–Do–Check–Act cycle that structures the standard itself (clause "
            <A href=route("/clauses/10.1")>"10.1"</A>
            " and "
            <A href=route("/clauses/10.2")>"10.2"</A>
            ")."
        </p>
        {move || {
            if has_workbook.get() {
                view! {
                    <RaiseForm />
                    <ImprovementLogView />
                }
                    .into_any()
            } else {
                view! {
                    <section class="card">
                        <p>
                            "To keep an improvement log, first "
                            <A href=route("/")>"create a workbook on the Overview"</A>
                            "."
                        </p>
                    </section>
                }
                    .into_any()
            }
        }}
        <CycleExplainer />
    }
    .into_any()
}

/// The short form that raises a new item and opens it.
#[component]
fn RaiseForm() -> impl IntoView {
    let state = expect_context::<AppState>();
    let navigate = StoredValue::new_local(use_navigate());
    let title = RwSignal::new(String::new());
    let kind = RwSignal::new(Kind::default());
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut new = NewItem::titled(&title.get_untracked());
        new.kind = kind.get_untracked();
        match raise(state, new) {
            Ok(id) => {
                error.set(None);
                title.set(String::new());
                navigate.with_value(|n| n(&item_href(id), NavigateOptions::default()));
            }
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <form class="card form raise" on:submit=submit novalidate aria-labelledby="raise-title">
            <h2 id="raise-title">"Raise an item"</h2>
            <div class="raise-fields">
                <div class="field">
                    <label for="raise-item-title">"Title"</label>
                    <input
                        id="raise-item-title"
                        type="text"
                        maxlength=MAX_NAME_CHARS
                        autocomplete="off"
                        aria-required="true"
                        prop:value=move || title.get()
                        on:input=move |ev| title.set(event_target_value(&ev))
                    />
                </div>
                <div class="field">
                    <label for="raise-item-kind">"Kind"</label>
                    <select
                        id="raise-item-kind"
                        on:change=move |ev| {
                            if let Some(k) = Kind::from_key(&event_target_value(&ev)) {
                                kind.set(k);
                            }
                        }
                    >
                        {Kind::ALL
                            .iter()
                            .map(|k| {
                                let k = *k;
                                view! {
                                    <option value=k.key() prop:selected=move || kind.get() == k>
                                        {k.label()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
            </div>
            <p class="error" role="alert">
                {move || error.get()}
            </p>
            <button type="submit" class="primary">
                "Raise item"
            </button>
        </form>
    }
}

/// Filters, the board or table, and the CSV export.
#[component]
fn ImprovementLogView() -> impl IntoView {
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

/// A select over one of the domain's choice enums, with an "any" option.
#[allow(clippy::too_many_arguments)]
fn filter_select<T: Copy + PartialEq + Send + Sync + 'static>(
    id: &'static str,
    label: &'static str,
    any: &'static str,
    all: &'static [T],
    key: fn(T) -> &'static str,
    text: fn(T) -> &'static str,
    current: impl Fn() -> Option<T> + Copy + Send + Sync + 'static,
    pick: impl Fn(Option<T>) + 'static,
) -> impl IntoView {
    // The options follow this one field, not the whole filter, so a search
    // keystroke does not revisit every option.
    let current = Memo::new(move |_| current());
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select
                id=id
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    pick(all.iter().copied().find(|v| key(*v) == value));
                }
            >
                <option value="" prop:selected=move || current.get().is_none()>
                    {any}
                </option>
                {all
                    .iter()
                    .copied()
                    .map(|v| {
                        view! {
                            <option value=key(v) prop:selected=move || current.get() == Some(v)>
                                {text(v)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

#[component]
fn Filters(filter: Memo<Filter>, set_filter: impl Fn(Filter) + Copy + 'static) -> impl IntoView {
    let state = expect_context::<AppState>();
    let framework = state.framework();
    let owners = Memo::new(move |_| {
        state.workbook.with(|w| {
            w.as_ref()
                .map(|w| w.improvements.owners())
                .unwrap_or_default()
        })
    });
    // What the owner and clause options follow: these fields alone, so a
    // search keystroke does not revisit each of their many options.
    let owner = Memo::new(move |_| filter.with(|f| f.owner.clone()));
    let requirement = Memo::new(move |_| filter.with(|f| f.requirement.clone()));
    let update = move |f: &dyn Fn(&mut Filter)| {
        let mut next = filter.get_untracked();
        f(&mut next);
        set_filter(next);
    };
    let clause_options = framework
        .leaves()
        .map(|n| {
            let id = n.id.clone();
            let selected_id = id.clone();
            view! {
                <option
                    value=id.0.clone()
                    prop:selected=move || {
                        requirement.with(|r| r.as_ref() == Some(&selected_id))
                    }
                >
                    {format!("{} {}", n.number, n.title)}
                </option>
            }
        })
        .collect_view();
    view! {
        <form class="filters" role="search" aria-label="Filter the log" on:submit=|ev| ev.prevent_default()>
            <div class="field search">
                <label for="filter-search">"Search"</label>
                <input
                    id="filter-search"
                    type="search"
                    autocomplete="off"
                    prop:value=move || filter.with(|f| f.search.clone())
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        update(&|f| f.search = text.clone());
                    }
                />
            </div>
            {filter_select(
                "filter-kind",
                "Kind",
                "All kinds",
                Kind::ALL,
                Kind::key,
                Kind::label,
                move || filter.with(|f| f.kind),
                move |v| update(&|f| f.kind = v),
            )}
            {filter_select(
                "filter-stage",
                "Stage",
                "All stages",
                Stage::ALL,
                Stage::key,
                Stage::label,
                move || filter.with(|f| f.stage),
                move |v| update(&|f| f.stage = v),
            )}
            {filter_select(
                "filter-priority",
                "Priority",
                "All priorities",
                Priority::ALL,
                Priority::key,
                Priority::label,
                move || filter.with(|f| f.priority),
                move |v| update(&|f| f.priority = v),
            )}
            <div class="field">
                <label for="filter-owner">"Owner"</label>
                <select
                    id="filter-owner"
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        update(&|f| f.owner = (!v.is_empty()).then(|| v.clone()));
                    }
                >
                    <option value="" prop:selected=move || owner.with(Option::is_none)>
                        "Anyone"
                    </option>
                    {move || {
                        owners
                            .get()
                            .into_iter()
                            .map(|o| {
                                let selected = o.clone();
                                let value = o.clone();
                                view! {
                                    <option
                                        value=value
                                        prop:selected=move || {
                                            owner
                                                .with(|o| {
                                                    o.as_deref().is_some_and(|x| x.eq_ignore_ascii_case(&selected))
                                                })
                                        }
                                    >
                                        {o}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
            <div class="field">
                <label for="filter-clause">"Linked clause"</label>
                <select
                    id="filter-clause"
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        update(&|f| f.requirement = (!v.is_empty()).then(|| RequirementId(v.clone())));
                    }
                >
                    <option value="" prop:selected=move || requirement.with(Option::is_none)>
                        "Any clause"
                    </option>
                    {clause_options}
                </select>
            </div>
            <div class="check overdue-filter">
                <input
                    id="filter-overdue"
                    type="checkbox"
                    prop:checked=move || filter.with(|f| f.overdue)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        update(&|f| f.overdue = on);
                    }
                />
                <label for="filter-overdue">"Only overdue"</label>
            </div>
            <button
                type="button"
                class="clear-filters"
                on:click=move |_| {
                    update(&|f| {
                        *f = Filter {
                            sort: f.sort,
                            descending: f.descending,
                            ..Filter::default()
                        }
                    })
                }
                disabled=move || !filter.with(Filter::is_narrowing)
            >
                "Clear filters"
            </button>
        </form>
    }
}

fn target_view(item: &ImprovementItem, today: IsoDate) -> impl IntoView + use<> {
    target_cell(item.target_date, item.is_overdue(today))
}

/// Target date, with an "Overdue" badge when it has passed.
fn target_cell(target: Option<IsoDate>, overdue: bool) -> impl IntoView + use<> {
    let date = target.map(|d| d.to_string());
    view! {
        {date.unwrap_or_else(|| "—".to_owned())}
        {overdue.then(|| view! { " " <span class="badge overdue">"Overdue"</span> })}
    }
}

#[component]
fn Board(items: Memo<Vec<usize>>, today: IsoDate) -> impl IntoView {
    let state = expect_context::<AppState>();
    let refusal = RwSignal::new(None::<(ImprovementId, String)>);
    let do_move = move |id: ImprovementId, to: Stage, forward: bool| match try_move(state, id, to) {
        Ok(()) => {
            refusal.set(None);
            let which = if forward { "move-next" } else { "move-back" };
            // Keep the keyboard on the card that moved.
            focus_later(format!(
                "[data-item=\"{id}\"] .{which}, [data-item=\"{id}\"] .card-link"
            ));
        }
        Err(e) => {
            refusal.set(Some((id, e)));
            focus_later("#board-refusal".to_owned());
        }
    };
    let columns = Stage::ALL
        .iter()
        .copied()
        .map(|stage| {
            let col_items = Memo::new(move |_| {
                items.with(|shown| {
                    state.workbook.with(|w| {
                        w.as_ref()
                            .map(|w| {
                                w.improvements
                                    .at(shown)
                                    .filter(|i| i.stage == stage)
                                    .cloned()
                                    .collect::<Vec<_>>()
                            })
                            .unwrap_or_default()
                    })
                })
            });
            let heading_id = format!("column-{}", stage.key());
            let labelled_by = heading_id.clone();
            view! {
                <section class=format!("board-column column-{}", stage.key()) aria-labelledby=labelled_by>
                    <h3 id=heading_id>
                        {stage.label()}
                        <span class="column-count">{move || format!(" ({})", col_items.with(Vec::len))}</span>
                    </h3>
                    <ul class="cards">
                        {move || {
                            col_items
                                .get()
                                .into_iter()
                                .map(|item| view! { <BoardCard item today do_move /> })
                                .collect_view()
                        }}
                    </ul>
                </section>
            }
        })
        .collect_view();
    view! {
        <div id="board-refusal" class="refusal" role="alert" tabindex="-1">
            {move || {
                refusal
                    .get()
                    .map(|(id, message)| {
                        view! {
                            <p>
                                <strong>"Not moved. "</strong>
                                {message}
                                " "
                                <A href=route(&item_href(id))>{format!("Open {id}")}</A>
                            </p>
                        }
                    })
            }}
        </div>
        <div class="board">{columns}</div>
    }
}

#[component]
fn BoardCard(
    item: ImprovementItem,
    today: IsoDate,
    do_move: impl Fn(ImprovementId, Stage, bool) + Copy + 'static,
) -> impl IntoView {
    let id = item.id;
    let overdue = item.is_overdue(today);
    let next = item.stage.next();
    let back = item.stage.previous();
    let target = target_view(&item, today);
    let title = item.title.clone();
    view! {
        <li class="board-card" class:is-overdue=overdue data-item=id.to_string()>
            <h4>
                <A href=route(&item_href(id)) attr:class="card-link">
                    <span class="item-id">{id.to_string()}</span>
                    " "
                    {title}
                </A>
            </h4>
            <p class="card-meta">
                <span class="badge kind">{item.kind.label()}</span>
                " "
                <span class=format!("badge priority-{}", item.priority.key())>
                    {format!("{} priority", item.priority.label())}
                </span>
            </p>
            <p class="card-meta">
                {(!item.owner.is_empty()).then(|| format!("{} · ", item.owner))}
                "Target "
                {target}
            </p>
            <div class="card-actions">
                {back
                    .map(|to| {
                        view! {
                            <button type="button" class="move-back" on:click=move |_| do_move(id, to, false)>
                                "Back"
                                <span class="visually-hidden">{format!(" {id}")}</span>
                                {format!(" to {}", to.label())}
                            </button>
                        }
                    })}
                {next
                    .map(|to| {
                        view! {
                            <button type="button" class="move-next" on:click=move |_| do_move(id, to, true)>
                                "Move"
                                <span class="visually-hidden">{format!(" {id}")}</span>
                                {format!(" to {}", to.label())}
                            </button>
                        }
                    })}
            </div>
        </li>
    }
}

/// What one table row shows, and nothing else (see the `For` in `Table`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct TableRow {
    id: ImprovementId,
    title: String,
    kind: Kind,
    stage: Stage,
    priority: Priority,
    owner: String,
    target: Option<IsoDate>,
    overdue: bool,
    clauses: String,
}

impl TableRow {
    fn new(item: &ImprovementItem, framework: &Framework, today: IsoDate) -> Self {
        Self {
            id: item.id,
            title: item.title.clone(),
            kind: item.kind,
            stage: item.stage,
            priority: item.priority,
            owner: item.owner.clone(),
            target: item.target_date,
            overdue: item.is_overdue(today),
            clauses: item
                .requirements
                .iter()
                .filter_map(|r| framework.node(r))
                .map(|n| n.number.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        }
    }
}

#[component]
fn Table(
    items: Memo<Vec<usize>>,
    today: IsoDate,
    filter: Memo<Filter>,
    set_filter: impl Fn(Filter) + Copy + 'static,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let framework = state.framework();
    // The headers follow the sort alone, so a search keystroke does not
    // revisit each of them.
    let order = Memo::new(move |_| filter.with(|f| (f.sort, f.descending)));
    let header = move |key: SortKey| {
        let aria_sort = move || match order.get() {
            (sort, _) if sort != key => "none",
            (_, true) => "descending",
            (_, false) => "ascending",
        };
        view! {
            <th scope="col" aria-sort=aria_sort>
                <button
                    type="button"
                    class="sort"
                    on:click=move |_| {
                        let mut f = filter.get_untracked();
                        if f.sort == key {
                            f.descending = !f.descending;
                        } else {
                            f.sort = key;
                            f.descending = false;
                        }
                        set_filter(f);
                    }
                >
                    {key.label()}
                    <span aria-hidden="true" class="sort-mark">
                        {move || match order.get() {
                            (sort, _) if sort != key => "",
                            (_, true) => " ▼",
                            (_, false) => " ▲",
                        }}
                    </span>
                </button>
            </th>
        }
    };
    // Only one page of rows is in the DOM at a time; a new filter or sort
    // starts again at the first page.
    let page = RwSignal::new(0usize);
    Effect::new(move |_| {
        filter.track();
        page.set(0);
    });
    let pages = Memo::new(move |_| items.with(|v| improvement::page_count(v.len())));
    let range = Memo::new(move |_| items.with(|v| improvement::page_rows(v.len(), page.get())));
    // The page's positions first: a keystroke that leaves the page's items
    // as they were (most do, on a long list) stops here, rather than
    // building and comparing a hundred rows.
    let page_items = Memo::new(move |_| {
        let range = range.get();
        items.with(|shown| shown.get(range).map(<[usize]>::to_vec).unwrap_or_default())
    });
    let rows = Memo::new(move |_| {
        page_items.with(|page| {
            state.workbook.with(|w| {
                let Some(w) = w.as_ref() else {
                    return Vec::new();
                };
                w.improvements
                    .at(page)
                    .map(|item| TableRow::new(item, framework, today))
                    .collect::<Vec<_>>()
            })
        })
    });
    let go = move |delta: isize| {
        let to = page.get_untracked().saturating_add_signed(delta);
        page.set(to.min(pages.get_untracked() - 1));
    };
    // Which page is shown, from 1 (the stored page may point past a list
    // that shrank). Outside `view!`, whose parser reads `>=` as a tag end.
    let shown_page = move || range.get().start / improvement::TABLE_PAGE_SIZE + 1;
    let has_next = move || shown_page() < pages.get();
    let pager = move || {
        (pages.get() > 1).then(|| {
            view! {
                <nav class="pager" aria-label="Table pages">
                    <button
                        type="button"
                        on:click=move |_| go(-1)
                        disabled=move || shown_page() == 1
                    >
                        "Previous page"
                    </button>
                    <p role="status">
                        {move || {
                            let r = range.get();
                            format!(
                                "Page {} of {}: items {}–{} of {}",
                                shown_page(),
                                pages.get(),
                                r.start + 1,
                                r.end,
                                items.with(Vec::len),
                            )
                        }}
                    </p>
                    <button
                        type="button"
                        on:click=move |_| go(1)
                        disabled=move || !has_next()
                    >
                        "Next page"
                    </button>
                </nav>
            }
        })
    };
    view! {
        <div class="table-scroll">
            <table class="improvement-table">
                <caption class="visually-hidden">
                    "Improvement items; column buttons sort the table"
                </caption>
                <thead>
                    <tr>
                        {SortKey::ALL.into_iter().map(header).collect_view()}
                        <th scope="col">"Clauses"</th>
                    </tr>
                </thead>
                <tbody>
                    // Keyed by everything a row shows: a keystroke that keeps
                    // an item on the page keeps its row, and only rows that
                    // come, go or change are built.
                    <For each=move || rows.get() key=TableRow::clone let:row>
                        <tr class:is-overdue=row.overdue>
                            <td class="nowrap" data-label="ID">
                                // A plain link (the router still handles it):
                                // `A` adds a memo and two effects per row that
                                // rerun on every URL change, so on every
                                // keystroke, and an item's page is never the
                                // current one here.
                                <a href=route(&item_href(row.id))>{row.id.to_string()}</a>
                            </td>
                            <td data-label="Title">{row.title}</td>
                            <td data-label="Kind">{row.kind.label()}</td>
                            <td data-label="Stage">
                                <span class=stage_class(row.stage)>{row.stage.label()}</span>
                            </td>
                            <td data-label="Priority">{row.priority.label()}</td>
                            <td data-label="Owner">{row.owner}</td>
                            <td class="nowrap" data-label="Target date">{target_cell(row.target, row.overdue)}</td>
                            <td data-label="Clauses">{row.clauses}</td>
                        </tr>
                    </For>
                </tbody>
            </table>
        </div>
        {pager}
        {move || {
            items
                .with(Vec::is_empty)
                .then(|| view! { <p class="empty">"No items match. Raise one above, or clear the filters."</p> })
        }}
    }
}

/// The PDCA explainer: which clauses of the standard sit in which phase.
#[component]
fn CycleExplainer() -> impl IntoView {
    let framework = expect_context::<AppState>().framework();
    let phases = Phase::ALL
        .into_iter()
        .map(|phase| {
            let clauses = framework
                .roots()
                .filter(|n| n.pdca == phase)
                .map(|n| {
                    view! {
                        <li>
                            <A href=route(&format!("/clauses/{}", n.id))>{format!("{} {}", n.number, n.title)}</A>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <li class=format!("pdca-step phase-{}", phase.label().to_lowercase())>
                    <h3>{phase.label()}</h3>
                    <p>{phase.meaning()}</p>
                    <ul>{clauses}</ul>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="cycle-title">
            <h2 id="cycle-title">"The cycle in this standard"</h2>
            <ol class="pdca">{phases}</ol>
        </section>
    }
}

// ---------------------------------------------------------------------------
// One item

#[component]
pub fn ImprovementPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let params = use_params_map();
    let raw = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    // One memo for both the id and whether it exists: two memos over the same
    // source, both read by the view, can leave it stale when only the id changes.
    let shown = Memo::new(move |_| {
        let id = raw.with(|r| r.parse::<ImprovementId>().ok());
        let exists = state.workbook.with(|w| match (w, id) {
            (None, _) => None,
            (Some(w), Some(id)) => Some(w.improvements.get(id).is_some()),
            (Some(_), None) => Some(false),
        });
        (exists, id)
    });
    move || {
        match shown.get() {
        (Some(true), Some(id)) => view! { <ItemView id /> }.into_any(),
        (None, _) => view! {
            <h1>"Improvement item"</h1>
            <p>"There is no workbook yet. " <A href=route("/")>"Create one on the Overview"</A> "."</p>
        }
        .into_any(),
        _ => view! {
            <Missing
                title="No such improvement item"
                message=format!("The log has no item “{}”.", raw.get())
                back_href="/improvements"
                back_text="See the improvement log"
            />
        }
        .into_any(),
    }
    }
}

#[component]
fn ItemView(id: ImprovementId) -> impl IntoView {
    let state = expect_context::<AppState>();
    let item = Memo::new(move |_| {
        state
            .workbook
            .with(|w| w.as_ref().and_then(|w| w.improvements.get(id).cloned()))
    });
    let stage = Memo::new(move |_| item.with(|i| i.as_ref().map(|i| i.stage).unwrap_or_default()));
    let title = move || item.with(|i| i.as_ref().map(|i| i.title.clone()).unwrap_or_default());
    let today = browser::today();
    let overdue = move || item.with(|i| i.as_ref().is_some_and(|i| i.is_overdue(today)));
    view! {
        <nav class="breadcrumb" aria-label="Breadcrumb">
            <ol>
                <li>
                    <A href=route("/improvements")>"Improvements"</A>
                </li>
                <li>{id.to_string()}</li>
            </ol>
        </nav>
        <h1>
            <span class="num">{id.to_string()}</span>
            " "
            {title}
        </h1>
        <p class="meta">
            <span class=move || stage_class(stage.get())>{move || stage.get().label()}</span>
            {move || overdue().then(|| view! { " " <span class="badge overdue">"Overdue"</span> })}
        </p>
        <ol class="stage-track" aria-label="PDCA stages">
            {Stage::ALL
                .iter()
                .copied()
                .map(|s| {
                    view! {
                        <li
                            class:current=move || stage.get() == s
                            class:done=move || { stage.get() > s }
                            aria-current=move || (stage.get() == s).then_some("step")
                        >
                            {s.label()}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
        <div class="item-layout">
            <div class="item-main">
                <StagePanel id item />
                <PlanSection id item />
                <DoSection id item />
                <CheckSection id item />
                <ActSection id item />
            </div>
            <div class="item-side">
                <DetailsSection id item />
                <LinksSection id item />
                <FollowUps id item />
                <History item />
            </div>
        </div>
    }
    .into_any()
}

type ItemMemo = Memo<Option<ImprovementItem>>;

/// The current stage, the moves it allows, and why a move was refused.
#[component]
fn StagePanel(id: ImprovementId, item: ItemMemo) -> impl IntoView {
    let state = expect_context::<AppState>();
    let navigate = StoredValue::new_local(use_navigate());
    let stage = Memo::new(move |_| item.with(|i| i.as_ref().map(|i| i.stage).unwrap_or_default()));
    let ineffective =
        Memo::new(move |_| item.with(|i| i.as_ref().is_some_and(|i| i.check_ineffective())));
    let refusal = RwSignal::new(None::<String>);
    let announce = RwSignal::new(None::<String>);
    let status_ref = NodeRef::<leptos::html::P>::new();
    let go = move |to: Stage| match try_move(state, id, to) {
        Ok(()) => {
            refusal.set(None);
            announce.set(Some(format!("{id} moved to {to}.")));
            request_animation_frame(move || {
                if let Some(p) = status_ref.get() {
                    let _ = p.focus();
                }
            });
        }
        Err(e) => refusal.set(Some(e)),
    };
    let follow_up = move |_| {
        let mut result = Err(String::new());
        state.edit(|w| {
            let now = browser::now();
            result = w
                .edit_improvements(now.clone(), |log| {
                    log.open_follow_up(id, browser::today(), now)
                })
                .map_err(|e| e.to_string());
        });
        match result {
            Ok(new_id) => {
                refusal.set(None);
                navigate.with_value(|n| n(&item_href(new_id), NavigateOptions::default()));
            }
            Err(e) => refusal.set(Some(e)),
        }
    };
    view! {
        <section class="card stage-panel" aria-labelledby="stage-title">
            <h2 id="stage-title">"Stage"</h2>
            <p class="stage-now" tabindex="-1" node_ref=status_ref>
                {move || format!("{id} is in {}. ", stage.get())}
                {move || stage.get().meaning()}
            </p>
            <p class="visually-hidden" role="status">
                {move || announce.get()}
            </p>
            <div class="actions">
                {move || {
                    let s = stage.get();
                    let next = s.next().map(|to| {
                        view! {
                            <button type="button" class="primary" on:click=move |_| go(to)>
                                {if to == Stage::Closed { "Close item".to_owned() } else { format!("Move to {to}") }}
                            </button>
                        }
                    });
                    let back = s.previous().map(|to| {
                        view! {
                            <button type="button" on:click=move |_| go(to)>
                                {if s == Stage::Closed { "Reopen in Act".to_owned() } else { format!("Back to {to}") }}
                            </button>
                        }
                    });
                    let check_moves = (s == Stage::Check).then(|| {
                        view! {
                            <button type="button" on:click=move |_| go(Stage::Plan)>
                                "Return to Plan for a new cycle"
                            </button>
                            {move || {
                                ineffective
                                    .get()
                                    .then(|| {
                                        view! {
                                            <button type="button" on:click=follow_up>
                                                "Open follow-up item"
                                            </button>
                                        }
                                    })
                            }}
                        }
                    });
                    view! { {next} {back} {check_moves} }
                }}
            </div>
            <p class="error refusal-message" role="alert">
                {move || refusal.get()}
            </p>
        </section>
    }
}

/// A text field of one stage's record: editable only while the item is in that stage.
#[allow(clippy::too_many_arguments)]
fn stage_text(
    item: ItemMemo,
    section: Stage,
    field_id: &'static str,
    label: &'static str,
    hint: Option<&'static str>,
    multiline: bool,
    max: usize,
    get: fn(&ImprovementItem) -> String,
    save: impl Fn(String) + Copy + 'static,
) -> impl IntoView {
    let locked = move || item.with(|i| i.as_ref().is_none_or(|i| i.stage != section));
    let value = move || item.with(|i| i.as_ref().map(get).unwrap_or_default());
    let hint_id = format!("{field_id}-hint");
    let described = hint.map(|_| hint_id.clone());
    let input = if multiline {
        view! {
            <textarea
                id=field_id
                rows="3"
                maxlength=max
                aria-describedby=described.clone()
                readonly=locked
                prop:value=value
                on:input=move |ev| save(event_target_value(&ev))
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=field_id
                type="text"
                maxlength=max
                autocomplete="off"
                aria-describedby=described.clone()
                readonly=locked
                prop:value=value
                on:input=move |ev| save(event_target_value(&ev))
            />
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=field_id>{label}</label>
            {input}
            {hint.map(|h| view! { <p id=hint_id class="hint">{h}</p> })}
        </div>
    }
}

/// A date of one stage's record.
fn stage_date(
    item: ItemMemo,
    section: Stage,
    field_id: &'static str,
    label: &'static str,
    get: fn(&ImprovementItem) -> Option<IsoDate>,
    save: impl Fn(Option<IsoDate>) + Copy + 'static,
) -> impl IntoView {
    let locked = move || item.with(|i| i.as_ref().is_none_or(|i| i.stage != section));
    let error = RwSignal::new(None::<String>);
    let error_id = format!("{field_id}-error");
    view! {
        <div class="field">
            <label for=field_id>{label}</label>
            <input
                id=field_id
                type="date"
                aria-describedby=error_id.clone()
                readonly=locked
                prop:value=move || {
                    item.with(|i| i.as_ref().and_then(get).map(|d| d.to_string()).unwrap_or_default())
                }
                on:change=move |ev| match IsoDate::parse_optional(&event_target_value(&ev)) {
                    Ok(d) => {
                        error.set(None);
                        save(d);
                    }
                    Err(e) => error.set(Some(e.to_string())),
                }
            />
            <p id=error_id class="error" role="alert">
                {move || error.get()}
            </p>
        </div>
    }
}

/// The frame of a stage's section: heading, whether it is current, and errors.
fn stage_section(
    item: ItemMemo,
    section: Stage,
    error: RwSignal<Option<String>>,
    body: AnyView,
) -> impl IntoView {
    let stage = move || item.with(|i| i.as_ref().map(|i| i.stage).unwrap_or_default());
    let heading_id = format!("section-{}", section.key());
    let labelled_by = heading_id.clone();
    view! {
        <section
            class=format!("card stage-section section-{}", section.key())
            class:current=move || stage() == section
            aria-labelledby=labelled_by
        >
            <h2 id=heading_id>
                {section.label()}
                {move || (stage() == section).then(|| view! { <span class="badge current-badge">"Current stage"</span> })}
            </h2>
            <p class="hint">
                {move || {
                    let s = stage();
                    if s == section {
                        section.meaning().to_owned()
                    } else {
                        format!("Can be changed while the item is in {section}.")
                    }
                }}
            </p>
            {body}
            <p class="error" role="alert">
                {move || error.get()}
            </p>
        </section>
    }
}

#[component]
fn PlanSection(id: ImprovementId, item: ItemMemo) -> impl IntoView {
    let state = expect_context::<AppState>();
    let error = RwSignal::new(None::<String>);
    let save = move |f: fn(&mut improvement::PlanRecord, String), v: String| {
        error.set(edit_log(state, |log| log.edit_plan(id, |p| f(p, v))).err());
    };
    let body = view! {
        {stage_text(item, Stage::Plan, "plan-problem", "Problem or opportunity", None, true, MAX_NOTES_CHARS, |i| i.plan.problem.clone(), move |v| save(|p, v| p.problem = v, v))}
        {stage_text(item, Stage::Plan, "plan-root-cause", "Root cause", Some("For a nonconformity: why it happened, not only what happened."), true, MAX_NOTES_CHARS, |i| i.plan.root_cause.clone(), move |v| save(|p, v| p.root_cause = v, v))}
        {stage_text(item, Stage::Plan, "plan-actions", "Planned actions", None, true, MAX_NOTES_CHARS, |i| i.plan.planned_actions.clone(), move |v| save(|p, v| p.planned_actions = v, v))}
        {stage_text(item, Stage::Plan, "plan-measure", "Success measure", Some("What you will measure to know it worked."), false, MAX_NOTES_CHARS, |i| i.plan.success_measure.clone(), move |v| save(|p, v| p.success_measure = v, v))}
        {stage_text(item, Stage::Plan, "plan-target", "Success target", None, false, MAX_NOTES_CHARS, |i| i.plan.success_target.clone(), move |v| save(|p, v| p.success_target = v, v))}
    }
    .into_any();
    stage_section(item, Stage::Plan, error, body)
}

#[component]
fn DoSection(id: ImprovementId, item: ItemMemo) -> impl IntoView {
    let state = expect_context::<AppState>();
    let error = RwSignal::new(None::<String>);
    let body = view! {
        {stage_text(item, Stage::Do, "do-actions", "Actions taken", None, true, MAX_NOTES_CHARS, |i| i.doing.actions_taken.clone(), move |v| {
            error.set(edit_log(state, |log| log.edit_do(id, |d| d.actions_taken = v)).err());
        })}
        {stage_date(item, Stage::Do, "do-date", "Done on", |i| i.doing.done_on, move |v| {
            error.set(edit_log(state, |log| log.edit_do(id, |d| d.done_on = v)).err());
        })}
    }
    .into_any();
    stage_section(item, Stage::Do, error, body)
}

#[component]
fn CheckSection(id: ImprovementId, item: ItemMemo) -> impl IntoView {
    let state = expect_context::<AppState>();
    let error = RwSignal::new(None::<String>);
    let locked = move || item.with(|i| i.as_ref().is_none_or(|i| i.stage != Stage::Check));
    let effective = move || item.with(|i| i.as_ref().and_then(|i| i.check.effective));
    let set_effective = move |v: bool| {
        error.set(edit_log(state, |log| log.edit_check(id, |c| c.effective = Some(v))).err());
    };
    let body = view! {
        {stage_text(item, Stage::Check, "check-result", "Measured result", Some("The result against the success target set in Plan."), true, MAX_NOTES_CHARS, |i| i.check.result.clone(), move |v| {
            error.set(edit_log(state, |log| log.edit_check(id, |c| c.result = v)).err());
        })}
        <fieldset class="choices">
            <legend>"Were the actions effective?"</legend>
            <div class="check">
                <input
                    type="radio"
                    id="check-effective-yes"
                    name="check-effective"
                    disabled=locked
                    prop:checked=move || effective() == Some(true)
                    on:change=move |_| set_effective(true)
                />
                <label for="check-effective-yes">"Effective"</label>
            </div>
            <div class="check">
                <input
                    type="radio"
                    id="check-effective-no"
                    name="check-effective"
                    disabled=locked
                    prop:checked=move || effective() == Some(false)
                    on:change=move |_| set_effective(false)
                />
                <label for="check-effective-no">"Not effective"</label>
            </div>
        </fieldset>
        {stage_text(item, Stage::Check, "check-verified-by", "Verified by", None, false, MAX_OWNER_CHARS, |i| i.check.verified_by.clone(), move |v| {
            error.set(edit_log(state, |log| log.edit_check(id, |c| c.verified_by = v)).err());
        })}
        {stage_date(item, Stage::Check, "check-date", "Checked on", |i| i.check.checked_on, move |v| {
            error.set(edit_log(state, |log| log.edit_check(id, |c| c.checked_on = v)).err());
        })}
    }
    .into_any();
    stage_section(item, Stage::Check, error, body)
}

#[component]
fn ActSection(id: ImprovementId, item: ItemMemo) -> impl IntoView {
    let state = expect_context::<AppState>();
    let error = RwSignal::new(None::<String>);
    let locked = move || item.with(|i| i.as_ref().is_none_or(|i| i.stage != Stage::Act));
    let decision = move || item.with(|i| i.as_ref().and_then(|i| i.act.decision));
    let choices = ActDecision::ALL
        .iter()
        .copied()
        .map(|d| {
            let input_id = format!("act-{}", d.key());
            view! {
                <div class="check">
                    <input
                        type="radio"
                        id=input_id.clone()
                        name="act-decision"
                        disabled=locked
                        prop:checked=move || decision() == Some(d)
                        on:change=move |_| {
                            error.set(edit_log(state, |log| log.edit_act(id, |a| a.decision = Some(d))).err());
                        }
                    />
                    <label for=input_id>{d.label()}</label>
                </div>
            }
        })
        .collect_view();
    let body = view! {
        <fieldset class="choices">
            <legend>"Decision"</legend>
            {choices}
        </fieldset>
        {stage_text(item, Stage::Act, "act-lessons", "Lessons learned", None, true, MAX_NOTES_CHARS, |i| i.act.lessons.clone(), move |v| {
            error.set(edit_log(state, |log| log.edit_act(id, |a| a.lessons = v)).err());
        })}
    }
    .into_any();
    stage_section(item, Stage::Act, error, body)
}

/// Title, kind, source, priority, owner and dates: editable at any stage.
#[component]
fn DetailsSection(id: ImprovementId, item: ItemMemo) -> impl IntoView {
    let state = expect_context::<AppState>();
    let error = RwSignal::new(None::<String>);
    let edit = move |f: &dyn Fn(&mut ImprovementItem)| {
        error.set(edit_log(state, |log| log.edit_details(id, f)).err());
    };
    let get = move |f: fn(&ImprovementItem) -> String| {
        move || item.with(|i| i.as_ref().map(f).unwrap_or_default())
    };
    let date_error = RwSignal::new(None::<String>);
    fn choice_select<T: Copy + PartialEq + Send + Sync + 'static>(
        field_id: &'static str,
        label: &'static str,
        all: &'static [T],
        key: fn(T) -> &'static str,
        text: fn(T) -> &'static str,
        current: impl Fn() -> Option<T> + Copy + Send + Sync + 'static,
        pick: impl Fn(T) + 'static,
    ) -> impl IntoView {
        view! {
            <div class="field">
                <label for=field_id>{label}</label>
                <select
                    id=field_id
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        if let Some(v) = all.iter().copied().find(|v| key(*v) == value) {
                            pick(v);
                        }
                    }
                >
                    {all
                        .iter()
                        .copied()
                        .map(|v| {
                            view! {
                                <option value=key(v) prop:selected=move || current() == Some(v)>
                                    {text(v)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
        }
    }
    view! {
        <section class="card form details" aria-labelledby="details-title">
            <h2 id="details-title">"Details"</h2>
            <div class="field">
                <label for="item-title">"Title"</label>
                <input
                    id="item-title"
                    type="text"
                    maxlength=MAX_NAME_CHARS
                    autocomplete="off"
                    aria-required="true"
                    prop:value=get(|i| i.title.clone())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        edit(&|i| i.title = v.trim().to_owned());
                    }
                />
            </div>
            {choice_select("item-kind", "Kind", Kind::ALL, Kind::key, Kind::label, move || item.with(|i| i.as_ref().map(|i| i.kind)), move |v| edit(&|i| i.kind = v))}
            {choice_select("item-source", "Source", Source::ALL, Source::key, Source::label, move || item.with(|i| i.as_ref().map(|i| i.source)), move |v| edit(&|i| i.source = v))}
            {choice_select("item-priority", "Priority", Priority::ALL, Priority::key, Priority::label, move || item.with(|i| i.as_ref().map(|i| i.priority)), move |v| edit(&|i| i.priority = v))}
            <div class="field">
                <label for="item-owner">"Owner"</label>
                <input
                    id="item-owner"
                    type="text"
                    maxlength=MAX_OWNER_CHARS
                    autocomplete="off"
                    prop:value=get(|i| i.owner.clone())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        edit(&|i| i.owner = v.clone());
                    }
                />
            </div>
            <div class="field">
                <label for="item-target">"Target date"</label>
                <input
                    id="item-target"
                    type="date"
                    aria-describedby="item-target-error"
                    prop:value=get(|i| i.target_date.map(|d| d.to_string()).unwrap_or_default())
                    on:change=move |ev| match IsoDate::parse_optional(&event_target_value(&ev)) {
                        Ok(d) => {
                            date_error.set(None);
                            edit(&|i| i.target_date = d);
                        }
                        Err(e) => date_error.set(Some(e.to_string())),
                    }
                />
                <p id="item-target-error" class="error" role="alert">
                    {move || date_error.get()}
                </p>
            </div>
            <dl class="facts">
                <dt>"Raised on"</dt>
                <dd>{get(|i| i.raised_on.to_string())}</dd>
                <dt>"Closed on"</dt>
                <dd>{get(|i| i.closed_on.map(|d| d.to_string()).unwrap_or_else(|| "Not closed".into()))}</dd>
                <dt>"Cycle"</dt>
                <dd>{get(|i| i.cycle.to_string())}</dd>
            </dl>
            <p class="error" role="alert">
                {move || error.get()}
            </p>
        </section>
    }
}

/// Links to requirements and services, added and removed here.
#[component]
fn LinksSection(id: ImprovementId, item: ItemMemo) -> impl IntoView {
    let state = expect_context::<AppState>();
    let framework = state.framework();
    let error = RwSignal::new(None::<String>);
    let edit = move |f: &dyn Fn(&mut ImprovementItem)| {
        error.set(edit_log(state, |log| log.edit_details(id, f)).err());
    };
    let pick_req = RwSignal::new(String::new());
    let pick_svc = RwSignal::new(String::new());
    let requirements = Memo::new(move |_| {
        item.with(|i| {
            i.as_ref()
                .map(|i| i.requirements.clone())
                .unwrap_or_default()
        })
    });
    let services = Memo::new(move |_| {
        item.with(|i| i.as_ref().map(|i| i.services.clone()).unwrap_or_default())
    });
    let portfolio = Memo::new(move |_| {
        state.workbook.with(|w| {
            w.as_ref()
                .map(|w| {
                    w.portfolio
                        .services
                        .iter()
                        .map(|s| (s.id, s.name.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let service_name = move |sid: ServiceId| {
        portfolio.with(|p| {
            p.iter()
                .find(|(i, _)| *i == sid)
                .map(|(_, n)| format!("{sid} {n}"))
                .unwrap_or_else(|| sid.to_string())
        })
    };
    let add_req = move |_| {
        let value = pick_req.get_untracked();
        if value.is_empty() {
            error.set(Some("Choose a requirement to link first.".into()));
            return;
        }
        let rid = RequirementId(value);
        if !framework.is_leaf(&rid) {
            return;
        }
        edit(&|i| {
            if !i.requirements.contains(&rid) {
                i.requirements.push(rid.clone());
            }
        });
        pick_req.set(String::new());
    };
    let add_svc = move |_| {
        let Ok(n) = pick_svc.get_untracked().parse::<u32>() else {
            error.set(Some("Choose a service to link first.".into()));
            return;
        };
        let sid = ServiceId(n);
        edit(&|i| {
            if !i.services.contains(&sid) {
                i.services.push(sid);
            }
        });
        pick_svc.set(String::new());
    };
    view! {
        <section class="card form links" aria-labelledby="links-title">
            <h2 id="links-title">"Links"</h2>
            <h3>"Requirements"</h3>
            <ul class="link-list">
                {move || {
                    requirements
                        .get()
                        .into_iter()
                        .filter_map(|r| framework.node(&r).cloned())
                        .map(|n| {
                            let rid = n.id.clone();
                            view! {
                                <li>
                                    <A href=route(&format!("/clauses/{}", n.id))>{format!("{} {}", n.number, n.title)}</A>
                                    " "
                                    <button
                                        type="button"
                                        class="small"
                                        on:click=move |_| edit(&|i| i.requirements.retain(|r| *r != rid))
                                    >
                                        "Unlink"
                                        <span class="visually-hidden">{format!(" {}", n.number)}</span>
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            {move || requirements.with(Vec::is_empty).then(|| view! { <p class="hint">"No requirement linked yet."</p> })}
            <div class="field add-link">
                <label for="link-requirement">"Link a requirement"</label>
                <div class="inline">
                    <select id="link-requirement" on:change=move |ev| pick_req.set(event_target_value(&ev))>
                        <option value="" prop:selected=move || pick_req.with(String::is_empty)>
                            "Choose…"
                        </option>
                        {framework
                            .leaves()
                            .map(|n| {
                                let key = n.id.0.clone();
                                let sel = key.clone();
                                view! {
                                    <option value=key prop:selected=move || pick_req.with(|p| *p == sel)>
                                        {format!("{} {}", n.number, n.title)}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                    <button type="button" on:click=add_req>
                        "Link requirement"
                    </button>
                </div>
            </div>
            <h3>"Services"</h3>
            <ul class="link-list">
                {move || {
                    services
                        .get()
                        .into_iter()
                        .map(|sid| {
                            view! {
                                <li>
                                    <A href=route(&format!("/portfolio/{sid}"))>{service_name(sid)}</A>
                                    " "
                                    <button
                                        type="button"
                                        class="small"
                                        on:click=move |_| edit(&|i| i.services.retain(|s| *s != sid))
                                    >
                                        "Unlink"
                                        <span class="visually-hidden">{format!(" {sid}")}</span>
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            {move || {
                if portfolio.with(Vec::is_empty) {
                    view! {
                        <p class="hint">
                            "The portfolio has no services yet. Add them on the "
                            <A href=route("/portfolio")>"Portfolio"</A>
                            " page to link them here."
                        </p>
                    }
                        .into_any()
                } else {
                    view! {
                        <div class="field add-link">
                            <label for="link-service">"Link a service"</label>
                            <div class="inline">
                                <select id="link-service" on:change=move |ev| pick_svc.set(event_target_value(&ev))>
                                    <option value="" prop:selected=move || pick_svc.with(String::is_empty)>
                                        "Choose…"
                                    </option>
                                    {portfolio
                                        .get()
                                        .into_iter()
                                        .map(|(sid, name)| {
                                            view! { <option value=sid.0.to_string()>{format!("{sid} {name}")}</option> }
                                        })
                                        .collect_view()}
                                </select>
                                <button type="button" on:click=add_svc>
                                    "Link service"
                                </button>
                            </div>
                        </div>
                    }
                        .into_any()
                }
            }}
            <p class="error" role="alert">
                {move || error.get()}
            </p>
        </section>
    }
}

#[component]
fn FollowUps(id: ImprovementId, item: ItemMemo) -> impl IntoView {
    let state = expect_context::<AppState>();
    let of = Memo::new(move |_| item.with(|i| i.as_ref().and_then(|i| i.follow_up_of)));
    let follow_ups = Memo::new(move |_| {
        state.workbook.with(|w| {
            w.as_ref()
                .map(|w| {
                    w.improvements
                        .follow_ups(id)
                        .map(|i| (i.id, i.title.clone(), i.stage))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    move || {
        let of = of.get();
        let list = follow_ups.get();
        (of.is_some() || !list.is_empty()).then(|| {
            view! {
                <section class="card" aria-labelledby="follow-title">
                    <h2 id="follow-title">"Follow-ups"</h2>
                    {of.map(|o| view! { <p>"Opened as a follow-up of " <A href=route(&item_href(o))>{o.to_string()}</A> "."</p> })}
                    {(!list.is_empty())
                        .then(|| {
                            view! {
                                <ul>
                                    {list
                                        .into_iter()
                                        .map(|(fid, title, stage)| {
                                            view! {
                                                <li>
                                                    <A href=route(&item_href(fid))>{format!("{fid} {title}")}</A>
                                                    " "
                                                    <span class=stage_class(stage)>{stage.label()}</span>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            }
                        })}
                </section>
            }
        })
    }
}

#[component]
fn History(item: ItemMemo) -> impl IntoView {
    let entries = Memo::new(move |_| {
        item.with(|i| i.as_ref().map(|i| i.history.clone()).unwrap_or_default())
    });
    view! {
        <section class="card history" aria-labelledby="history-title">
            <h2 id="history-title">"History"</h2>
            <ol class="history-list">
                {move || {
                    entries
                        .get()
                        .into_iter()
                        .rev()
                        .map(|h| {
                            let what = match h.from {
                                None => format!("Raised in {}", h.to),
                                Some(from) => format!("{from} → {}", h.to),
                            };
                            view! {
                                <li>
                                    <time datetime=h.at.to_string()>{local_date_time(&h.at)}</time>
                                    " "
                                    <strong>{what}</strong>
                                    {(!h.note.is_empty() && h.from.is_some()).then(|| view! { <span class="history-note">{h.note.clone()}</span> })}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ol>
        </section>
    }
}

// ---------------------------------------------------------------------------
// On other pages

/// On a requirement page: its open improvement items and a "Raise improvement" button.
#[component]
pub fn RequirementImprovements(node: &'static Node) -> impl IntoView {
    let state = expect_context::<AppState>();
    let navigate = StoredValue::new_local(use_navigate());
    let rid = &node.id;
    let open = Memo::new(move |_| {
        state.workbook.with(|w| {
            w.as_ref().map(|w| {
                w.improvements
                    .open_for_requirement(rid)
                    .map(|i| (i.id, i.title.clone(), i.stage))
                    .collect::<Vec<_>>()
            })
        })
    });
    let error = RwSignal::new(None::<String>);
    let raise_here = move |_| {
        let mut new = NewItem::titled(&format!("Improvement for {} {}", node.number, node.title));
        new.requirements = vec![node.id.clone()];
        match raise(state, new) {
            Ok(id) => {
                navigate.with_value(|n| n(&item_href(id), NavigateOptions::default()));
                // The title is a placeholder: put the keyboard where it is renamed.
                focus_later("#item-title".to_owned());
            }
            Err(e) => error.set(Some(e)),
        }
    };
    move || {
        open.get().map(|items| {
            view! {
                <section class="card requirement-improvements" aria-labelledby="req-improvements-title">
                    <h2 id="req-improvements-title">"Improvement items"</h2>
                    {if items.is_empty() {
                        view! { <p>"No open improvement items are linked to this requirement."</p> }.into_any()
                    } else {
                        view! {
                            <ul>
                                {items
                                    .into_iter()
                                    .map(|(id, title, stage)| {
                                        view! {
                                            <li>
                                                <A href=route(&item_href(id))>{format!("{id} {title}")}</A>
                                                " "
                                                <span class=stage_class(stage)>{stage.label()}</span>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                            .into_any()
                    }}
                    <button type="button" on:click=raise_here>
                        "Raise improvement"
                    </button>
                    <p class="error" role="alert">
                        {move || error.get()}
                    </p>
                </section>
            }
        })
    }
}
