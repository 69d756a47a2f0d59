//! Every service as a table whose search, filters and sort live in the URL.

use super::{plural, service_href};
use crate::app::route;
use crate::widgets::lifecycle_badge;
use crate::widgets::{
    Card, EnumSelect, choices, sort_head, sortable_table, use_replace_url, workbook_memo,
};
use clausebook_core::portfolio::{
    Criticality, Lifecycle, Part, Portfolio, Service, ServiceId, ServiceKind,
};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use leptos_router::params::ParamsMap;

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
pub(super) fn ServiceTable() -> impl IntoView {
    let query_map = use_query_map();
    let replace_url = use_replace_url();
    let query = Memo::new(move |_| query_map.with(TableQuery::from_map));
    let total = workbook_memo(|w| w.portfolio.services.len());
    let rows = workbook_memo(move |w| {
        query.with(|q| {
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
    });
    let set = {
        let replace_url = replace_url.clone();
        move |key: &'static str, value: String| {
            replace_url(&query_map.with_untracked(|m| query_with(m, key, &value)));
        }
    };
    let sort_by = {
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
            replace_url(&url);
        }
    };
    let header = SortKey::ALL
        .into_iter()
        .map(|key| {
            let sort_by = sort_by.clone();
            let order = move || query.with(|q| (q.sort == key).then_some(q.descending));
            sort_head(key.label(), None, order, move || sort_by(key))
        })
        .collect_view();
    let body = move || {
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
    };
    let set_q = set.clone();
    let set_part = set.clone();
    let set_kind = set;
    view! {
        <Card heading_id="all-services-title" title="All services">
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
                <EnumSelect
                    id="service-part"
                    label="Part"
                    any="All parts"
                    options=choices(&Part::ALL, Part::key, Part::label)
                    current=Signal::derive(move || query.with(|q| q.part.map(Part::key)))
                    on_pick=UnsyncCallback::new(move |key: Option<&str>| {
                        set_part("part", key.unwrap_or_default().to_owned())
                    })
                />
                <EnumSelect
                    id="service-type"
                    label="Type"
                    any="All types"
                    options=choices(&ServiceKind::ALL, ServiceKind::key, ServiceKind::label)
                    current=Signal::derive(move || query.with(|q| q.kind.map(ServiceKind::key)))
                    on_pick=UnsyncCallback::new(move |key: Option<&str>| {
                        set_kind("type", key.unwrap_or_default().to_owned())
                    })
                />
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
            {sortable_table("services", "Services; select a column heading to sort", header, body)}
        </Card>
    }
}
