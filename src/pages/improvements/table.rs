//! The log as a sortable table, one page of rows at a time.

use super::{item_href, target_cell};
use crate::app::AppState;
use crate::app::route;
use crate::widgets::{sort_head, sortable_table, stage_badge};
use clausebook_core::calendar::IsoDate;
use clausebook_core::framework::Framework;
use clausebook_core::improvement::{
    self, Filter, ImprovementId, ImprovementItem, Kind, Priority, SortKey, Stage,
};
use leptos::prelude::*;

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
pub(super) fn Table(
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
        let order = move || order.with(|&(sort, descending)| (sort == key).then_some(descending));
        sort_head(key.label(), Some("sort-mark"), order, move || {
            let mut f = filter.get_untracked();
            if f.sort == key {
                f.descending = !f.descending;
            } else {
                f.sort = key;
                f.descending = false;
            }
            set_filter(f);
        })
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
    // Keyed by everything a row shows: a keystroke that keeps an item on the
    // page keeps its row, and only rows that come, go or change are built.
    let body = view! {
        <For each=move || rows.get() key=TableRow::clone let:row>
            <tr class:is-overdue=row.overdue>
                <td class="nowrap" data-label="ID">
                    // A plain link (the router still handles it): `A` adds a
                    // memo and two effects per row that rerun on every URL
                    // change, so on every keystroke, and an item's page is
                    // never the current one here.
                    <a href=route(&item_href(row.id))>{row.id.to_string()}</a>
                </td>
                <td data-label="Title">{row.title}</td>
                <td data-label="Kind">{row.kind.label()}</td>
                <td data-label="Stage">
                    {stage_badge(row.stage)}
                </td>
                <td data-label="Priority">{row.priority.label()}</td>
                <td data-label="Owner">{row.owner}</td>
                <td class="nowrap" data-label="Target date">{target_cell(row.target, row.overdue)}</td>
                <td data-label="Clauses">{row.clauses}</td>
            </tr>
        </For>
    };
    view! {
        {sortable_table(
            "improvement-table",
            "Improvement items; column buttons sort the table",
            view! {
                {SortKey::ALL.into_iter().map(header).collect_view()}
                <th scope="col">"Clauses"</th>
            },
            body,
        )}
        {pager}
        {move || {
            items
                .with(Vec::is_empty)
                .then(|| view! { <p class="empty">"No items match. Raise one above, or clear the filters."</p> })
        }}
    }
}
