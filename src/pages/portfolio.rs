//! Portfolio: where the organisation's services live, from idea to retirement.
//!
//! The page shows the three parts (pipeline, catalogue, retired) as lanes, a
//! sortable and filterable table whose settings live in the URL, completeness
//! hints, a printable catalogue and a CSV export. Every rule is in
//! [`clausebook_core::portfolio`]; this module only asks and shows.

use crate::app::AppState;
use crate::app::route;
use crate::platform::browser;
use crate::widgets::Missing;
use clausebook_core::calendar::IsoDate;
use clausebook_core::framework::{Node, RequirementId};
use clausebook_core::limits::{MAX_NAME_CHARS, MAX_NOTES_CHARS, MAX_OWNER_CHARS};
use clausebook_core::portfolio::{
    self, Criticality, Decision, Gap, Lifecycle, Part, Portfolio, PortfolioError, Priority,
    Service, ServiceId, ServiceKind, Times,
};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use leptos_router::params::ParamsMap;

/// Applies a portfolio change to a copy, and stores it only when every rule
/// holds; a refused change leaves the workbook (and autosave) untouched.
fn apply<T>(
    state: AppState,
    change: impl FnOnce(&mut Portfolio) -> Result<T, PortfolioError>,
) -> Result<T, String> {
    let Some(mut portfolio) = state
        .workbook
        .with_untracked(|w| w.as_ref().map(|w| w.portfolio.clone()))
    else {
        return Err("Create a workbook on the Overview first.".into());
    };
    let out = change(&mut portfolio).map_err(|e| e.to_string())?;
    state.edit(|w| w.set_portfolio(portfolio, browser::now()));
    Ok(out)
}

fn service_href(id: ServiceId) -> String {
    format!("/portfolio/{id}")
}

fn lifecycle_badge(status: Lifecycle) -> impl IntoView {
    view! { <span class=format!("badge lifecycle-{}", status.key())>{status.label()}</span> }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

/// The sort and filter settings the table reads from the URL query.
#[derive(Debug, Clone, PartialEq)]
struct TableQuery {
    search: String,
    part: Option<Part>,
    kind: Option<ServiceKind>,
    sort: SortKey,
    descending: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SortKey {
    Id,
    Name,
    Kind,
    Status,
    Owner,
    Criticality,
}

impl SortKey {
    const ALL: [SortKey; 6] = [
        SortKey::Id,
        SortKey::Name,
        SortKey::Kind,
        SortKey::Status,
        SortKey::Owner,
        SortKey::Criticality,
    ];

    fn key(self) -> &'static str {
        match self {
            SortKey::Id => "id",
            SortKey::Name => "name",
            SortKey::Kind => "type",
            SortKey::Status => "status",
            SortKey::Owner => "owner",
            SortKey::Criticality => "criticality",
        }
    }

    fn label(self) -> &'static str {
        match self {
            SortKey::Id => "Number",
            SortKey::Name => "Name",
            SortKey::Kind => "Type",
            SortKey::Status => "Status",
            SortKey::Owner => "Owner",
            SortKey::Criticality => "Criticality",
        }
    }
}

impl TableQuery {
    fn from_map(map: &ParamsMap) -> Self {
        Self {
            search: map.get("q").unwrap_or_default(),
            part: map.get_str("part").and_then(Part::from_key),
            kind: map.get_str("type").and_then(ServiceKind::from_key),
            sort: map
                .get_str("sort")
                .and_then(|k| SortKey::ALL.into_iter().find(|s| s.key() == k))
                .unwrap_or(SortKey::Id),
            descending: map.get_str("dir") == Some("desc"),
        }
    }

    fn rows<'a>(&self, portfolio: &'a Portfolio) -> Vec<&'a Service> {
        let needle = self.search.trim().to_lowercase();
        let mut rows: Vec<&Service> = portfolio
            .services
            .iter()
            .filter(|s| self.part.is_none_or(|p| s.part() == p))
            .filter(|s| self.kind.is_none_or(|k| s.kind == k))
            .filter(|s| {
                needle.is_empty()
                    || s.name.to_lowercase().contains(&needle)
                    || s.id.to_string().to_lowercase().contains(&needle)
                    || s.owner.to_lowercase().contains(&needle)
                    || s.customers.to_lowercase().contains(&needle)
            })
            .collect();
        rows.sort_by(|a, b| {
            let order = match self.sort {
                SortKey::Id => a.id.cmp(&b.id),
                SortKey::Name => a.name.to_lowercase().cmp(&b.name.to_lowercase()),
                SortKey::Kind => a.kind.cmp(&b.kind),
                SortKey::Status => a.status.cmp(&b.status),
                SortKey::Owner => a.owner.to_lowercase().cmp(&b.owner.to_lowercase()),
                SortKey::Criticality => a.criticality.cmp(&b.criticality),
            }
            .then(a.id.cmp(&b.id));
            if self.descending {
                order.reverse()
            } else {
                order
            }
        });
        rows
    }
}

/// The query string with one setting changed (blank values are dropped).
fn query_with(map: &ParamsMap, key: &'static str, value: &str) -> String {
    let keys = ["q", "part", "type", "sort", "dir"];
    let pairs: Vec<(&'static str, String)> = keys
        .into_iter()
        .filter_map(|k| {
            let v = if k == key {
                value.to_owned()
            } else {
                map.get(k).unwrap_or_default()
            };
            (!v.is_empty()).then_some((k, v))
        })
        .collect();
    let query = pairs.into_iter().collect::<ParamsMap>().to_query_string();
    format!("/portfolio{query}")
}

#[component]
pub fn PortfolioPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let has_workbook = Memo::new(move |_| state.workbook.with(Option::is_some));
    view! {
        <h1>"Portfolio"</h1>
        <p class="lead">
            "The service portfolio is the single list of every service you plan, run or have retired. Clause "
            <A href=route("/clauses/8.2")>"8.2"</A>
            " asks you to manage it; "
            <A href=route("/clauses/8.2.4")>"8.2.4"</A>
            " covers the catalogue your customers see."
        </p>
        {move || {
            if has_workbook.get() {
                view! { <Register /> }.into_any()
            } else {
                view! {
                    <section class="card" aria-labelledby="no-workbook-title">
                        <h2 id="no-workbook-title">"No workbook yet"</h2>
                        <p>
                            "To record services, first "
                            <A href=route("/")>"create a workbook on the Overview"</A>
                            "."
                        </p>
                    </section>
                }
                    .into_any()
            }
        }}
    }
    .into_any()
}

#[component]
fn Register() -> impl IntoView {
    let state = expect_context::<AppState>();
    let creating = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let export_csv = move |_| {
        let Some((name, text)) = state.workbook.with_untracked(|w| {
            w.as_ref().map(|w| {
                (
                    portfolio::csv_file_name(&w.organisation.name, browser::today()),
                    w.portfolio.to_csv(),
                )
            })
        }) else {
            return;
        };
        match browser::download(&name, &text, "text/csv;charset=utf-8") {
            Ok(()) => {
                error.set(None);
                message.set(Some(format!("Exported {name}.")));
            }
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <div class="actions portfolio-actions">
            <button
                type="button"
                class="primary"
                aria-expanded=move || creating.get().to_string()
                aria-controls="new-service"
                on:click=move |_| creating.update(|c| *c = !*c)
            >
                "New service"
            </button>
            <A href=route("/portfolio/catalogue") attr:class="button-link">
                "Service catalogue"
            </A>
            <button type="button" on:click=export_csv>
                "Export CSV"
            </button>
        </div>
        <p class="success" role="status">
            {move || message.get()}
        </p>
        <p class="error" role="alert">
            {move || error.get()}
        </p>
        <div id="new-service">
            {move || creating.get().then(|| view! { <NewServiceForm creating /> })}
        </div>
        <Hints />
        <Lanes />
        <ServiceTable />
    }
}

#[component]
fn NewServiceForm(creating: RwSignal<bool>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let navigate = use_navigate();
    let name = RwSignal::new(String::new());
    let kind = RwSignal::new(ServiceKind::CustomerFacing);
    let who = RwSignal::new(String::new());
    let why = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let name_input = NodeRef::<leptos::html::Input>::new();
    // Keyboard users land in the form they just opened.
    Effect::new(move |_| {
        if let Some(input) = name_input.get() {
            let _ = input.focus();
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let decision = Decision {
            who: who.get_untracked(),
            why: why.get_untracked(),
            on: browser::today(),
        };
        let created = apply(state, |p| {
            p.propose(
                &name.get_untracked(),
                kind.get_untracked(),
                decision,
                browser::now(),
            )
        });
        match created {
            Ok(id) => {
                creating.set(false);
                navigate(&service_href(id), NavigateOptions::default());
            }
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <form class="card form" on:submit=submit novalidate aria-labelledby="new-service-title">
            <h2 id="new-service-title">"New service"</h2>
            <p class="hint">"A new service starts in the pipeline as Proposed."</p>
            <div class="field">
                <label for="new-service-name">"Service name"</label>
                <input
                    id="new-service-name"
                    node_ref=name_input
                    type="text"
                    autocomplete="off"
                    aria-required="true"
                    maxlength=MAX_NAME_CHARS
                    prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev))
                />
            </div>
            <div class="field">
                <label for="new-service-kind">"Type"</label>
                <select
                    id="new-service-kind"
                    on:change=move |ev| {
                        if let Some(k) = ServiceKind::from_key(&event_target_value(&ev)) {
                            kind.set(k);
                        }
                    }
                >
                    {ServiceKind::ALL
                        .into_iter()
                        .map(|k| {
                            view! {
                                <option value=k.key() prop:selected=move || kind.get() == k>
                                    {k.label()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="new-service-who">"Proposed by"</label>
                <input
                    id="new-service-who"
                    type="text"
                    autocomplete="name"
                    maxlength=clausebook_core::limits::MAX_SHORT_CHARS
                    prop:value=move || who.get()
                    on:input=move |ev| who.set(event_target_value(&ev))
                />
            </div>
            <div class="field">
                <label for="new-service-why">"Reason for proposing it"</label>
                <input
                    id="new-service-why"
                    type="text"
                    autocomplete="off"
                    maxlength=MAX_NOTES_CHARS
                    prop:value=move || why.get()
                    on:input=move |ev| why.set(event_target_value(&ev))
                />
            </div>
            <p class="error" role="alert">
                {move || error.get()}
            </p>
            <div class="actions">
                <button type="submit" class="primary">
                    "Create service"
                </button>
                <button type="button" on:click=move |_| creating.set(false)>
                    "Cancel"
                </button>
            </div>
        </form>
    }
}

/// Live services with gaps, listed with what is missing.
#[component]
fn Hints() -> impl IntoView {
    let state = expect_context::<AppState>();
    let hints = Memo::new(move |_| {
        state
            .workbook
            .with(|w| w.as_ref().map(|w| w.portfolio.hints()).unwrap_or_default())
    });
    move || {
        let hints = hints.get();
        (!hints.is_empty()).then(|| {
            view! {
                <section class="card hints" aria-labelledby="hints-title">
                    <h2 id="hints-title">"Completeness"</h2>
                    <p>
                        "Live services an auditor would ask about (clauses "
                        <A href=route("/clauses/8.2.4")>"8.2.4"</A>
                        " and "
                        <A href=route("/clauses/8.3.3")>"8.3.3"</A>
                        "):"
                    </p>
                    <HintList hints />
                </section>
            }
        })
    }
}

#[component]
fn HintList(hints: Vec<portfolio::Hint>) -> impl IntoView {
    view! {
        <ul class="hint-list">
            {hints
                .into_iter()
                .map(|h| {
                    let gaps = h.gaps.iter().map(|g| g.label()).collect::<Vec<_>>().join(", ");
                    view! {
                        <li>
                            <A href=route(&service_href(h.id))>{format!("{} {}", h.id, h.name)}</A>
                            {format!(": {gaps}")}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

#[component]
fn Lanes() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lanes = Part::ALL
        .into_iter()
        .map(|part| {
            let services = Memo::new(move |_| {
                state.workbook.with(|w| {
                    w.as_ref()
                        .map(|w| {
                            w.portfolio
                                .in_part(part)
                                .map(|s| (s.id, s.name.clone(), s.status))
                                .collect::<Vec<_>>()
                        })
                        .unwrap_or_default()
                })
            });
            let title_id = format!("lane-{}", part.key());
            let labelled_by = title_id.clone();
            view! {
                <section class=format!("lane lane-{}", part.key()) aria-labelledby=labelled_by>
                    <h2 id=title_id>
                        {part.label()}
                        " "
                        <span class="lane-count">{move || services.with(Vec::len)}</span>
                        <span class="visually-hidden">
                            {move || {
                                if services.with(Vec::len) == 1 { " service" } else { " services" }
                            }}
                        </span>
                    </h2>
                    <p class="hint">{part.meaning()}</p>
                    {move || {
                        let list = services.get();
                        if list.is_empty() {
                            view! { <p class="empty">"None yet."</p> }.into_any()
                        } else {
                            view! {
                                <ul class="lane-list">
                                    {list
                                        .into_iter()
                                        .map(|(id, name, status)| {
                                            view! {
                                                <li>
                                                    <A href=route(&service_href(id))>{format!("{id} {name}")}</A>
                                                    " "
                                                    {lifecycle_badge(status)}
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            }
                                .into_any()
                        }
                    }}
                </section>
            }
        })
        .collect_view();
    view! { <div class="lanes">{lanes}</div> }
}

#[derive(Clone, PartialEq)]
struct Row {
    id: ServiceId,
    name: String,
    kind: ServiceKind,
    status: Lifecycle,
    owner: String,
    criticality: Criticality,
}

#[component]
fn ServiceTable() -> impl IntoView {
    let state = expect_context::<AppState>();
    let query_map = use_query_map();
    let navigate = use_navigate();
    let query = Memo::new(move |_| query_map.with(TableQuery::from_map));
    let total = Memo::new(move |_| {
        state
            .workbook
            .with(|w| w.as_ref().map_or(0, |w| w.portfolio.services.len()))
    });
    let rows = Memo::new(move |_| {
        let q = query.get();
        state.workbook.with(|w| {
            w.as_ref()
                .map(|w| {
                    q.rows(&w.portfolio)
                        .into_iter()
                        .map(|s| Row {
                            id: s.id,
                            name: s.name.clone(),
                            kind: s.kind,
                            status: s.status,
                            owner: s.owner.clone(),
                            criticality: s.criticality,
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let set = {
        let navigate = navigate.clone();
        move |key: &'static str, value: String| {
            let url = query_map.with_untracked(|m| query_with(m, key, &value));
            navigate(
                &url,
                NavigateOptions {
                    replace: true,
                    scroll: false,
                    ..Default::default()
                },
            );
        }
    };
    let sort_by = {
        let navigate = navigate.clone();
        move |key: SortKey| {
            let q = query.get_untracked();
            let descending = q.sort == key && !q.descending;
            let url = query_map.with_untracked(|m| {
                let mut pairs: Vec<(&'static str, String)> = ["q", "part", "type"]
                    .into_iter()
                    .filter_map(|k| m.get(k).map(|v| (k, v)))
                    .collect();
                pairs.push(("sort", key.key().to_owned()));
                if descending {
                    pairs.push(("dir", "desc".to_owned()));
                }
                format!(
                    "/portfolio{}",
                    pairs.into_iter().collect::<ParamsMap>().to_query_string()
                )
            });
            navigate(
                &url,
                NavigateOptions {
                    replace: true,
                    scroll: false,
                    ..Default::default()
                },
            );
        }
    };
    let header = SortKey::ALL
        .into_iter()
        .map(|key| {
            let sort_by = sort_by.clone();
            let aria_sort = move || {
                let q = query.get();
                if q.sort != key {
                    "none"
                } else if q.descending {
                    "descending"
                } else {
                    "ascending"
                }
            };
            let arrow = move || {
                let q = query.get();
                if q.sort != key {
                    ""
                } else if q.descending {
                    " ▼"
                } else {
                    " ▲"
                }
            };
            view! {
                <th scope="col" aria-sort=aria_sort>
                    <button type="button" class="sort" on:click=move |_| sort_by(key)>
                        {key.label()}
                        <span aria-hidden="true">{arrow}</span>
                    </button>
                </th>
            }
        })
        .collect_view();
    let set_q = set.clone();
    let set_part = set.clone();
    let set_kind = set;
    view! {
        <section class="card" aria-labelledby="all-services-title">
            <h2 id="all-services-title">"All services"</h2>
            <div class="filters">
                <div class="field">
                    <label for="service-search">"Search"</label>
                    <input
                        id="service-search"
                        type="search"
                        autocomplete="off"
                        aria-describedby="service-search-hint"
                        prop:value=move || query.with(|q| q.search.clone())
                        on:input=move |ev| set_q("q", event_target_value(&ev))
                    />
                    <p id="service-search-hint" class="hint">"Name, number, owner or customers."</p>
                </div>
                <div class="field">
                    <label for="service-part">"Part"</label>
                    <select
                        id="service-part"
                        on:change=move |ev| set_part("part", event_target_value(&ev))
                    >
                        <option value="" prop:selected=move || query.with(|q| q.part.is_none())>
                            "All parts"
                        </option>
                        {Part::ALL
                            .into_iter()
                            .map(|p| {
                                view! {
                                    <option
                                        value=p.key()
                                        prop:selected=move || query.with(|q| q.part == Some(p))
                                    >
                                        {p.label()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="service-type">"Type"</label>
                    <select
                        id="service-type"
                        on:change=move |ev| set_kind("type", event_target_value(&ev))
                    >
                        <option value="" prop:selected=move || query.with(|q| q.kind.is_none())>
                            "All types"
                        </option>
                        {ServiceKind::ALL
                            .into_iter()
                            .map(|k| {
                                view! {
                                    <option
                                        value=k.key()
                                        prop:selected=move || query.with(|q| q.kind == Some(k))
                                    >
                                        {k.label()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
            </div>
            <p class="hint" role="status">
                {move || {
                    format!(
                        "Showing {} of {}.",
                        rows.with(Vec::len),
                        plural(total.get(), "service", "services"),
                    )
                }}
            </p>
            <div class="table-scroll">
                <table class="services">
                    <caption class="visually-hidden">
                        "Services; select a column heading to sort"
                    </caption>
                    <thead>
                        <tr>{header}</tr>
                    </thead>
                    <tbody>
                        {move || {
                            rows.get()
                                .into_iter()
                                .map(|r| {
                                    view! {
                                        <tr>
                                            <td class="num">{r.id.to_string()}</td>
                                            <th scope="row">
                                                <A href=route(&service_href(r.id))>{r.name.clone()}</A>
                                            </th>
                                            <td>{r.kind.label()}</td>
                                            <td>{lifecycle_badge(r.status)}</td>
                                            <td>{r.owner.clone()}</td>
                                            <td>{r.criticality.label()}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// One service: its fields, lifecycle moves and history.
#[component]
pub fn ServicePage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let params = use_params_map();
    let raw = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    // Changes only when the address or the service's existence changes, so
    // editing a field does not rebuild the page.
    let found = Memo::new(move |_| {
        let id = raw.get().parse::<ServiceId>().ok()?;
        state
            .workbook
            .with(|w| w.as_ref().and_then(|w| w.portfolio.get(id)).map(|s| s.id))
    });
    move || match found.get() {
        Some(id) => view! { <ServiceView id /> }.into_any(),
        None => view! {
            <Missing
                title="No such service"
                message=format!("The portfolio has no service “{}”.", raw.get())
                back_href="/portfolio"
                back_text="See all services"
            />
        }
        .into_any(),
    }
}

#[component]
fn ServiceView(id: ServiceId) -> impl IntoView {
    let state = expect_context::<AppState>();
    let service = Memo::new(move |_| {
        state
            .workbook
            .with(|w| w.as_ref().and_then(|w| w.portfolio.get(id)).cloned())
    });
    let field =
        move |f: fn(&Service) -> String| service.with(|s| s.as_ref().map(f).unwrap_or_default());
    view! {
        <nav class="breadcrumb" aria-label="Breadcrumb">
            <ol>
                <li>
                    <A href=route("/portfolio")>"Portfolio"</A>
                </li>
                <li>{id.to_string()}</li>
            </ol>
        </nav>
        <h1>
            <span class="num">{id.to_string()}</span>
            " "
            {move || field(|s| s.name.clone())}
        </h1>
        <p class="meta">
            {move || {
                service
                    .with(|s| s.as_ref().map(|s| (s.status, s.kind)))
                    .map(|(status, kind)| {
                        view! {
                            {lifecycle_badge(status)}
                            " "
                            {format!("{} part · {}", status.part().label(), kind.label())}
                        }
                    })
            }}
        </p>
        {move || {
            let gaps = service.with(|s| s.as_ref().map(Service::gaps).unwrap_or_default());
            (!gaps.is_empty())
                .then(|| {
                    let text = gaps.iter().map(|g| g.label()).collect::<Vec<_>>().join(", ");
                    view! {
                        <p class="warning" data-testid="service-gaps">
                            {format!("This live service has {text}. Auditors check these under ")}
                            <A href=route("/clauses/8.2.4")>"8.2.4"</A>
                            " and "
                            <A href=route("/clauses/8.3.3")>"8.3.3"</A>
                            "."
                        </p>
                    }
                })
        }}
        <div class="service-layout">
            <div class="service-main">
                <LifecycleCard id service />
                <DetailsCard id service />
            </div>
            <div class="service-side">
                <SlaCard id service />
                <DependenciesCard id service />
                <RequirementsCard id service />
                <ImprovementsCard id />
                <HistoryCard service />
            </div>
        </div>
    }
    .into_any()
}

type ServiceMemo = Memo<Option<Service>>;

#[component]
fn LifecycleCard(id: ServiceId, service: ServiceMemo) -> impl IntoView {
    let state = expect_context::<AppState>();
    let who = RwSignal::new(
        service.with_untracked(|s| s.as_ref().map(|s| s.owner.clone()).unwrap_or_default()),
    );
    let why = RwSignal::new(String::new());
    let on = RwSignal::new(browser::today().to_string());
    let error = RwSignal::new(None::<String>);
    let message = RwSignal::new(None::<String>);
    let status = Memo::new(move |_| service.with(|s| s.as_ref().map(|s| s.status)));
    let heading = NodeRef::<leptos::html::H2>::new();
    let move_to = move |to: Lifecycle| {
        message.set(None);
        let date = match IsoDate::parse_optional(&on.get_untracked()) {
            Ok(d) => d.unwrap_or_else(browser::today),
            Err(e) => {
                error.set(Some(e.to_string()));
                return;
            }
        };
        let decision = Decision {
            who: who.get_untracked(),
            why: why.get_untracked(),
            on: date,
        };
        match apply(state, |p| p.move_service(id, to, decision, browser::now())) {
            Ok(()) => {
                error.set(None);
                why.set(String::new());
                message.set(Some(format!("Moved to {to}; recorded in the history.")));
                // The buttons change with the status, so keyboard users would
                // lose their place: bring them back to the top of the card.
                request_animation_frame(move || {
                    if let Some(h) = heading.get() {
                        let _ = h.focus();
                    }
                });
            }
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <section class="card form" aria-labelledby="lifecycle-title">
            <h2 id="lifecycle-title" tabindex="-1" node_ref=heading>
                "Lifecycle"
            </h2>
            <p>
                "Status: "
                <strong data-testid="service-status">
                    {move || status.get().map(|s| s.label()).unwrap_or_default()}
                </strong>
            </p>
            {move || {
                let next = status.get().map(Lifecycle::next).unwrap_or_default();
                if next.is_empty() {
                    view! {
                        <p class="hint">
                            "This status is final: the service stays in the record, and no further moves are possible."
                        </p>
                    }
                        .into_any()
                } else {
                    view! {
                        <div class="field">
                            <label for="move-who">"Decided by"</label>
                            <input
                                id="move-who"
                                type="text"
                                autocomplete="name"
                                maxlength=clausebook_core::limits::MAX_SHORT_CHARS
                                prop:value=move || who.get()
                                on:input=move |ev| who.set(event_target_value(&ev))
                            />
                        </div>
                        <div class="field">
                            <label for="move-why">"Reason"</label>
                            <input
                                id="move-why"
                                type="text"
                                autocomplete="off"
                                maxlength=MAX_NOTES_CHARS
                                aria-describedby="move-why-hint"
                                prop:value=move || why.get()
                                on:input=move |ev| why.set(event_target_value(&ev))
                            />
                            <p id="move-why-hint" class="hint">
                                "Kept in the history with the date and who decided, e.g. a change record or board decision."
                            </p>
                        </div>
                        <div class="field">
                            <label for="move-on">"Takes effect on"</label>
                            <input
                                id="move-on"
                                type="date"
                                prop:value=move || on.get()
                                on:input=move |ev| on.set(event_target_value(&ev))
                            />
                        </div>
                        <div class="actions" role="group" aria-label="Lifecycle moves">
                            {next
                                .iter()
                                .map(|&to| {
                                    let class = if to == Lifecycle::Cancelled || to.is_retirement() {
                                        "danger"
                                    } else {
                                        ""
                                    };
                                    view! {
                                        <button type="button" class=class on:click=move |_| move_to(to)>
                                            {format!("Move to {}", to.label())}
                                        </button>
                                    }
                                })
                                .collect_view()}
                        </div>
                    }
                        .into_any()
                }
            }}
            <p class="error" role="alert" data-testid="move-error">
                {move || error.get()}
            </p>
            <p class="success" role="status">
                {move || message.get()}
            </p>
        </section>
    }
}

/// One string field of a service, as the details form shows it.
struct TextField {
    dom_id: &'static str,
    label: &'static str,
    max: usize,
    multiline: bool,
    get: fn(&Service) -> &String,
    set: fn(&mut Service, String),
}

/// A text input or textarea bound to one string field of the service.
fn text_field(
    state: AppState,
    id: ServiceId,
    service: ServiceMemo,
    spec: TextField,
) -> impl IntoView {
    let TextField {
        dom_id,
        label,
        max,
        multiline,
        get,
        set,
    } = spec;
    let value = move || service.with(|s| s.as_ref().map(|s| get(s).clone()).unwrap_or_default());
    let save = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        let _ = apply(state, |p| p.edit(id, |s| set(s, text)));
    };
    let control = if multiline {
        view! {
            <textarea id=dom_id rows="3" maxlength=max prop:value=value on:input=save></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=dom_id
                type="text"
                autocomplete="off"
                maxlength=max
                prop:value=value
                on:input=save
            />
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=dom_id>{label}</label>
            {control}
        </div>
    }
}

#[component]
fn DetailsCard(id: ServiceId, service: ServiceMemo) -> impl IntoView {
    let state = expect_context::<AppState>();
    let name = RwSignal::new(
        service.with_untracked(|s| s.as_ref().map(|s| s.name.clone()).unwrap_or_default()),
    );
    let name_error = RwSignal::new(None::<String>);
    let date_error = RwSignal::new(None::<String>);
    let short = clausebook_core::limits::MAX_SHORT_CHARS;
    let long = clausebook_core::limits::MAX_TEXT_CHARS;
    let date_field = move |dom_id: &'static str,
                           label: &'static str,
                           get: fn(&Service) -> Option<IsoDate>,
                           set: fn(&mut Service, Option<IsoDate>)| {
        view! {
            <div class="field">
                <label for=dom_id>{label}</label>
                <input
                    id=dom_id
                    type="date"
                    prop:value=move || {
                        service
                            .with(|s| s.as_ref().and_then(get).map(|d| d.to_string()).unwrap_or_default())
                    }
                    on:change=move |ev| {
                        match IsoDate::parse_optional(&event_target_value(&ev)) {
                            Ok(date) => {
                                date_error.set(None);
                                let _ = apply(state, |p| p.edit(id, |s| set(s, date)));
                            }
                            Err(e) => date_error.set(Some(e.to_string())),
                        }
                    }
                />
            </div>
        }
    };
    let select_field = move |dom_id: &'static str,
                             label: &'static str,
                             options: Vec<(&'static str, &'static str)>,
                             current: fn(&Service) -> &'static str,
                             set: fn(&mut Service, &str)| {
        view! {
            <div class="field">
                <label for=dom_id>{label}</label>
                <select
                    id=dom_id
                    on:change=move |ev| {
                        let key = event_target_value(&ev);
                        let _ = apply(state, |p| p.edit(id, |s| set(s, &key)));
                    }
                >
                    {options
                        .into_iter()
                        .map(|(key, text)| {
                            view! {
                                <option
                                    value=key
                                    prop:selected=move || {
                                        service.with(|s| s.as_ref().map(current) == Some(key))
                                    }
                                >
                                    {text}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
        }
    };
    view! {
        <section class="card form" aria-labelledby="details-title">
            <h2 id="details-title">"Details"</h2>
            <div class="field">
                <label for="service-name">"Name"</label>
                <input
                    id="service-name"
                    type="text"
                    autocomplete="off"
                    aria-required="true"
                    maxlength=MAX_NAME_CHARS
                    prop:value=move || name.get()
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        name.set(text.clone());
                        match apply(state, |p| p.rename(id, &text)) {
                            Ok(()) => name_error.set(None),
                            Err(e) => name_error.set(Some(e)),
                        }
                    }
                />
                <p class="error" role="alert">
                    {move || name_error.get()}
                </p>
            </div>
            {text_field(state, id, service, TextField { dom_id: "service-description", label: "Outcome for customers", max: long, multiline: true, get: |s| &s.description, set: |s, v| s.description = v })}
            {select_field(
                "service-kind",
                "Type",
                ServiceKind::ALL.iter().map(|k| (k.key(), k.label())).collect(),
                |s| s.kind.key(),
                |s, k| {
                    if let Some(k) = ServiceKind::from_key(k) {
                        s.kind = k;
                    }
                },
            )}
            {text_field(state, id, service, TextField { dom_id: "service-owner", label: "Owner", max: MAX_OWNER_CHARS, multiline: false, get: |s| &s.owner, set: |s, v| s.owner = v })}
            {text_field(state, id, service, TextField { dom_id: "service-customers", label: "Customers", max: short, multiline: false, get: |s| &s.customers, set: |s, v| s.customers = v })}
            {select_field(
                "service-criticality",
                "Criticality",
                Criticality::ALL.iter().map(|c| (c.key(), c.label())).collect(),
                |s| s.criticality.key(),
                |s, k| {
                    if let Some(c) = Criticality::from_key(k) {
                        s.criticality = c;
                    }
                },
            )}
            {text_field(state, id, service, TextField { dom_id: "service-hours", label: "Service hours", max: short, multiline: false, get: |s| &s.service_hours, set: |s, v| s.service_hours = v })}
            {text_field(state, id, service, TextField { dom_id: "service-suppliers", label: "Suppliers it depends on", max: long, multiline: true, get: |s| &s.suppliers, set: |s, v| s.suppliers = v })}
            {text_field(state, id, service, TextField { dom_id: "service-continuity", label: "Continuity requirements", max: long, multiline: true, get: |s| &s.continuity, set: |s, v| s.continuity = v })}
            {text_field(state, id, service, TextField { dom_id: "service-security", label: "Information security requirements", max: long, multiline: true, get: |s| &s.security, set: |s, v| s.security = v })}
            {text_field(state, id, service, TextField { dom_id: "service-costs", label: "Cost or budget notes", max: long, multiline: true, get: |s| &s.cost_notes, set: |s, v| s.cost_notes = v })}
            {date_field(
                "service-target-date",
                "Target date (next milestone)",
                |s| s.target_date,
                |s, d| s.target_date = d,
            )}
            {date_field(
                "service-review-date",
                "Next review with customers",
                |s| s.review_date,
                |s, d| s.review_date = d,
            )}
            <p class="error" role="alert">
                {move || date_error.get()}
            </p>
        </section>
    }
}

#[component]
fn SlaCard(id: ServiceId, service: ServiceMemo) -> impl IntoView {
    let state = expect_context::<AppState>();
    let initial = service.with_untracked(|s| s.as_ref().map(|s| s.sla.clone()).unwrap_or_default());
    let availability = RwSignal::new(
        initial
            .availability
            .map(portfolio::format_percent)
            .unwrap_or_default(),
    );
    let availability_error = RwSignal::new(None::<String>);
    let times_error = RwSignal::new(None::<String>);
    let save_availability = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        availability.set(text.clone());
        match portfolio::parse_availability(&text) {
            Ok(value) => {
                availability_error.set(None);
                let _ = apply(state, |p| p.edit(id, |s| s.sla.availability = value));
            }
            Err(e) => availability_error.set(Some(e.to_string())),
        }
    };
    let rows = Priority::ALL
        .into_iter()
        .map(|priority| {
            let t = initial.times(priority);
            let show = |m: Option<u32>| m.map(portfolio::format_hours).unwrap_or_default();
            let response = RwSignal::new(show(t.response_minutes));
            let resolution = RwSignal::new(show(t.resolution_minutes));
            let save = move || {
                let parsed =
                    portfolio::parse_hours(&response.get_untracked(), "response target", priority)
                        .and_then(|r| {
                            portfolio::parse_hours(
                                &resolution.get_untracked(),
                                "resolution target",
                                priority,
                            )
                            .map(|s| (r, s))
                        });
                let result = parsed.map_err(|e| e.to_string()).and_then(|(r, s)| {
                    let times = Times {
                        response_minutes: r,
                        resolution_minutes: s,
                    };
                    apply(state, |p| {
                        let mut sla = p.get(id).map(|s| s.sla.clone()).unwrap_or_default();
                        sla.set_times(priority, times);
                        sla.check()?;
                        p.edit(id, |s| s.sla = sla)
                    })
                });
                times_error.set(result.err());
            };
            let response_id = format!("sla-{}-response", priority.label().to_lowercase());
            let resolution_id = format!("sla-{}-resolution", priority.label().to_lowercase());
            view! {
                <tr>
                    <th scope="row">
                        {priority.label()}
                        <span class="priority-meaning">{priority.meaning()}</span>
                    </th>
                    <td>
                        <label class="visually-hidden" for=response_id.clone()>
                            {format!("{} response (hours)", priority.label())}
                        </label>
                        <input
                            id=response_id
                            class="hours"
                            type="text"
                            inputmode="decimal"
                            autocomplete="off"
                            aria-describedby="sla-times-error"
                            prop:value=move || response.get()
                            on:input=move |ev| {
                                response.set(event_target_value(&ev));
                                save();
                            }
                        />
                    </td>
                    <td>
                        <label class="visually-hidden" for=resolution_id.clone()>
                            {format!("{} resolution (hours)", priority.label())}
                        </label>
                        <input
                            id=resolution_id
                            class="hours"
                            type="text"
                            inputmode="decimal"
                            autocomplete="off"
                            aria-describedby="sla-times-error"
                            prop:value=move || resolution.get()
                            on:input=move |ev| {
                                resolution.set(event_target_value(&ev));
                                save();
                            }
                        />
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="card form" aria-labelledby="sla-title">
            <h2 id="sla-title">"Service level targets"</h2>
            <div class="field">
                <label for="sla-availability">"Availability (%)"</label>
                <input
                    id="sla-availability"
                    class="hours"
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    aria-describedby="sla-availability-error"
                    prop:value=move || availability.get()
                    on:input=save_availability
                />
                <p id="sla-availability-error" class="error" role="alert">
                    {move || availability_error.get()}
                </p>
            </div>
            <table class="sla-times">
                <caption>"Response and resolution times, in hours"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Priority"</th>
                        <th scope="col">"Response"</th>
                        <th scope="col">"Resolution"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <p id="sla-times-error" class="error" role="alert">
                {move || times_error.get()}
            </p>
        </section>
    }
}

#[component]
fn DependenciesCard(id: ServiceId, service: ServiceMemo) -> impl IntoView {
    let state = expect_context::<AppState>();
    let error = RwSignal::new(None::<String>);
    let choice = RwSignal::new(String::new());
    let links = Memo::new(move |_| {
        state.workbook.with(|w| {
            let Some(w) = w.as_ref() else {
                return (Vec::new(), Vec::new(), Vec::new());
            };
            let p = &w.portfolio;
            let label = |s: &Service| (s.id, s.title(), s.status);
            let depends: Vec<_> = service
                .with(|s| s.as_ref().map(|s| s.depends_on.clone()))
                .unwrap_or_default()
                .into_iter()
                .filter_map(|d| p.get(d).map(label))
                .collect();
            let used_by: Vec<_> = p.dependants(id).map(label).collect();
            let candidates: Vec<_> = p
                .services
                .iter()
                .filter(|s| s.id != id && !s.status.is_ended())
                .filter(|s| !depends.iter().any(|(d, _, _)| *d == s.id))
                .map(label)
                .collect();
            (depends, used_by, candidates)
        })
    });
    let add = move |_| {
        error.set(None);
        let Ok(on) = choice.get_untracked().parse::<ServiceId>() else {
            error.set(Some("Choose the service it depends on first.".into()));
            return;
        };
        match apply(state, |p| p.add_dependency(id, on)) {
            Ok(()) => choice.set(String::new()),
            Err(e) => error.set(Some(e)),
        }
    };
    let list = move |items: Vec<(ServiceId, String, Lifecycle)>, removable: bool| {
        items
            .into_iter()
            .map(|(other, title, status)| {
                let remove = removable.then(|| {
                    view! {
                        <button
                            type="button"
                            class="link-button"
                            aria-label=format!("Remove dependency on {title}")
                            on:click=move |_| {
                                error.set(None);
                                let _ = apply(state, |p| p.remove_dependency(id, other));
                            }
                        >
                            "Remove"
                        </button>
                    }
                });
                view! {
                    <li>
                        <A href=route(&service_href(other))>{title.clone()}</A>
                        " "
                        {lifecycle_badge(status)}
                        " "
                        {remove}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="card form" aria-labelledby="dependencies-title">
            <h2 id="dependencies-title">"Dependencies"</h2>
            <h3>"Depends on"</h3>
            {move || {
                let (depends, _, _) = links.get();
                if depends.is_empty() {
                    view! { <p class="empty">"No other services."</p> }.into_any()
                } else {
                    view! { <ul class="link-list">{list(depends, true)}</ul> }.into_any()
                }
            }}
            <div class="field">
                <label for="dependency-choice">"Add a service it depends on"</label>
                <select
                    id="dependency-choice"
                    on:change=move |ev| choice.set(event_target_value(&ev))
                >
                    <option value="" prop:selected=move || choice.with(String::is_empty)>
                        "Choose a service"
                    </option>
                    {move || {
                        let (_, _, candidates) = links.get();
                        candidates
                            .into_iter()
                            .map(|(other, title, _)| {
                                let value = other.to_string();
                                let selected = value.clone();
                                view! {
                                    <option
                                        value=value
                                        prop:selected=move || choice.with(|c| *c == selected)
                                    >
                                        {title}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
            <button type="button" on:click=add>
                "Add dependency"
            </button>
            <p class="error" role="alert" data-testid="dependency-error">
                {move || error.get()}
            </p>
            <h3>"Used by"</h3>
            {move || {
                let (_, used_by, _) = links.get();
                if used_by.is_empty() {
                    view! { <p class="empty">"No other service depends on this one."</p> }
                        .into_any()
                } else {
                    view! { <ul class="link-list">{list(used_by, false)}</ul> }.into_any()
                }
            }}
        </section>
    }
}

/// Improvement items that concern this service. The link lives on the item
/// (one place, never stored twice); this list is derived from it.
#[component]
fn ImprovementsCard(id: ServiceId) -> impl IntoView {
    let state = expect_context::<AppState>();
    let items = Memo::new(move |_| {
        state.workbook.with(|w| {
            w.as_ref()
                .map(|w| {
                    w.improvements
                        .items
                        .iter()
                        .filter(|i| i.services.contains(&id))
                        .map(|i| (i.id, i.title.clone(), i.stage.label()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    view! {
        <section class="card" aria-labelledby="service-improvements-title">
            <h2 id="service-improvements-title">"Improvement items"</h2>
            {move || {
                let items = items.get();
                if items.is_empty() {
                    view! {
                        <p class="empty">
                            "None yet. Link a service from an improvement item's page."
                        </p>
                    }
                        .into_any()
                } else {
                    view! {
                        <ul class="link-list">
                            {items
                                .into_iter()
                                .map(|(iid, title, stage)| {
                                    view! {
                                        <li>
                                            <A href=route(&super::improvements::item_href(iid))>
                                                {format!("{iid} {title}")}
                                            </A>
                                            {format!(" · {stage}")}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

#[component]
fn RequirementsCard(id: ServiceId, service: ServiceMemo) -> impl IntoView {
    let state = expect_context::<AppState>();
    let framework = state.framework();
    let choice = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let linked = Memo::new(move |_| {
        service
            .with(|s| s.as_ref().map(|s| s.requirements.clone()))
            .unwrap_or_default()
    });
    let link = move |_| {
        error.set(None);
        let chosen = choice.get_untracked();
        if chosen.is_empty() {
            error.set(Some("Choose a requirement first.".into()));
            return;
        }
        let requirement = RequirementId(chosen);
        match apply(state, |p| p.link_requirement(id, &requirement, framework)) {
            Ok(()) => choice.set(String::new()),
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <section class="card form" aria-labelledby="requirements-title">
            <h2 id="requirements-title">"Requirements"</h2>
            <p class="hint">"Requirements this service gives evidence for."</p>
            {move || {
                let items = linked.get();
                if items.is_empty() {
                    view! { <p class="empty">"None linked."</p> }.into_any()
                } else {
                    view! {
                        <ul class="link-list">
                            {items
                                .into_iter()
                                .map(|r| {
                                    let title = framework
                                        .node(&r)
                                        .map(|n| format!("{} {}", n.number, n.title))
                                        .unwrap_or_else(|| r.0.clone());
                                    let href = route(&format!("/clauses/{r}"));
                                    let label = format!("Unlink {title}");
                                    view! {
                                        <li>
                                            <A href=href>{title}</A>
                                            " "
                                            <button
                                                type="button"
                                                class="link-button"
                                                aria-label=label
                                                on:click=move |_| {
                                                    let _ = apply(state, |p| p.unlink_requirement(id, &r));
                                                }
                                            >
                                                "Unlink"
                                            </button>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }
            }}
            <div class="field">
                <label for="requirement-choice">"Link a requirement"</label>
                <select
                    id="requirement-choice"
                    on:change=move |ev| choice.set(event_target_value(&ev))
                >
                    <option value="" prop:selected=move || choice.with(String::is_empty)>
                        "Choose a requirement"
                    </option>
                    {framework
                        .leaves()
                        .map(|n| {
                            let value = n.id.0.clone();
                            let selected = value.clone();
                            view! {
                                <option
                                    value=value
                                    prop:selected=move || choice.with(|c| *c == selected)
                                >
                                    {format!("{} {}", n.number, n.title)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <button type="button" on:click=link>
                "Link requirement"
            </button>
            <p class="error" role="alert">
                {move || error.get()}
            </p>
        </section>
    }
}

#[component]
fn HistoryCard(service: ServiceMemo) -> impl IntoView {
    let history = Memo::new(move |_| {
        service
            .with(|s| s.as_ref().map(|s| s.history.clone()))
            .unwrap_or_default()
    });
    view! {
        <section class="card" aria-labelledby="history-title">
            <h2 id="history-title">"History"</h2>
            <ol class="history" reversed>
                {move || {
                    history
                        .get()
                        .into_iter()
                        .rev()
                        .map(|m| {
                            let step = match m.from {
                                Some(from) => format!("{from} → {}", m.to),
                                None => format!("{} (created)", m.to),
                            };
                            let who = if m.who.is_empty() { "—".to_owned() } else { m.who };
                            view! {
                                <li>
                                    <p class="history-step">
                                        <time datetime=m.on.to_string()>{m.on.to_string()}</time>
                                        " · "
                                        <strong>{step}</strong>
                                    </p>
                                    <p class="history-detail">
                                        {format!("By {who}")}
                                        {(!m.why.is_empty()).then(|| format!(": {}", m.why))}
                                    </p>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ol>
        </section>
    }
}

/// The printable service catalogue: live services only, in the customers' words.
#[component]
pub fn CataloguePage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = Memo::new(move |_| {
        state.workbook.with(|w| {
            w.as_ref().map(|w| {
                let live: Vec<Service> = w.portfolio.catalogue().into_iter().cloned().collect();
                (w.organisation.name.clone(), live)
            })
        })
    });
    let today = browser::today();
    let print = move |_| {
        let _ = gloo_utils::window().print();
    };
    move || {
        let Some((organisation, live)) = data.get() else {
            return view! {
                <h1>"Service catalogue"</h1>
                <p>
                    "There is no workbook yet. " <A href=route("/")>"Create one on the Overview"</A> "."
                </p>
            }
            .into_any();
        };
        let (customer, supporting): (Vec<Service>, Vec<Service>) = live
            .into_iter()
            .partition(|s| s.kind == ServiceKind::CustomerFacing);
        let count = customer.len() + supporting.len();
        view! {
            <div class="catalogue">
                <div class="catalogue-toolbar no-print">
                    <A href=route("/portfolio")>"Back to the portfolio"</A>
                    <button type="button" class="primary" on:click=print>
                        "Print catalogue"
                    </button>
                </div>
                <header class="catalogue-header">
                    <p class="catalogue-org">{organisation.clone()}</p>
                    <h1>"Service catalogue"</h1>
                    <p class="catalogue-date">
                        "Issued " <time datetime=today.to_string()>{today.to_string()}</time> " · "
                        {plural(count, "live service", "live services")}
                    </p>
                </header>
                {(count == 0)
                    .then(|| {
                        view! {
                            <p>
                                "No services are live yet. Services appear here when they reach Live in the portfolio."
                            </p>
                        }
                    })}
                {(!customer.is_empty())
                    .then(|| {
                        view! {
                            <section aria-labelledby="catalogue-customer">
                                <h2 id="catalogue-customer">"Services for customers"</h2>
                                {customer
                                    .into_iter()
                                    .map(|s| view! { <CatalogueEntry service=s /> })
                                    .collect_view()}
                            </section>
                        }
                    })}
                {(!supporting.is_empty())
                    .then(|| {
                        view! {
                            <section aria-labelledby="catalogue-supporting">
                                <h2 id="catalogue-supporting">"Supporting services"</h2>
                                <p class="hint">
                                    "Services that the services above rely on; they are not offered on their own."
                                </p>
                                {supporting
                                    .into_iter()
                                    .map(|s| view! { <CatalogueEntry service=s /> })
                                    .collect_view()}
                            </section>
                        }
                    })}
                <footer class="catalogue-footer">
                    {format!(
                        "{organisation} · Service catalogue · issued {today} · printed from Clausebook",
                    )}
                </footer>
            </div>
        }
        .into_any()
    }
}

#[component]
fn CatalogueEntry(service: Service) -> impl IntoView {
    let s = service;
    let or_dash = |t: &str| {
        if t.trim().is_empty() {
            "To be agreed".to_owned()
        } else {
            t.trim().to_owned()
        }
    };
    let has_times = Priority::ALL
        .into_iter()
        .any(|p| s.sla.times(p) != Times::default());
    let times = has_times.then(|| {
        let show = |m: Option<u32>| {
            m.map(|m| format!("{} h", portfolio::format_hours(m)))
                .unwrap_or_else(|| "—".into())
        };
        view! {
            <table class="catalogue-times">
                <caption>"Support targets"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Priority"</th>
                        <th scope="col">"First response within"</th>
                        <th scope="col">"Resolved within"</th>
                    </tr>
                </thead>
                <tbody>
                    {Priority::ALL
                        .into_iter()
                        .filter(|p| s.sla.times(*p) != Times::default())
                        .map(|p| {
                            let t = s.sla.times(p);
                            view! {
                                <tr>
                                    <th scope="row">{format!("{} · {}", p.label(), p.meaning())}</th>
                                    <td>{show(t.response_minutes)}</td>
                                    <td>{show(t.resolution_minutes)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        }
    });
    view! {
        <article class="catalogue-entry" aria-labelledby=format!("entry-{}", s.id.0)>
            <h3 id=format!("entry-{}", s.id.0)>{s.name.clone()}</h3>
            <p class="catalogue-description">
                {if s.description.trim().is_empty() {
                    "Description to follow.".to_owned()
                } else {
                    s.description.clone()
                }}
            </p>
            <dl class="facts">
                <dt>"For"</dt>
                <dd>{or_dash(&s.customers)}</dd>
                <dt>"Available"</dt>
                <dd>{or_dash(&s.service_hours)}</dd>
                <dt>"Availability target"</dt>
                <dd>
                    {s
                        .sla
                        .availability
                        .map(|a| format!("{}%", portfolio::format_percent(a)))
                        .unwrap_or_else(|| "To be agreed".into())}
                </dd>
                <dt>"Service owner"</dt>
                <dd>{or_dash(&s.owner)}</dd>
                <dt>"Reference"</dt>
                <dd>{s.id.to_string()}</dd>
            </dl>
            {times}
        </article>
    }
}

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
