//! The parts of a data table that are the same on every page: the heading
//! row, sortable headings and the scrolling container.

use leptos::prelude::*;

/// A table's column headings, each a column header for assistive technology.
pub fn column_heads(names: &[&'static str]) -> impl IntoView + use<> {
    heads(names, false)
}

/// Column headings and a last column of row actions, named for screen
/// readers only, since its buttons say what they do.
pub fn action_column_heads(names: &[&'static str]) -> impl IntoView + use<> {
    heads(names, true)
}

fn heads(names: &[&'static str], actions: bool) -> impl IntoView + use<> {
    let heads = names
        .iter()
        .map(|&name| view! { <th scope="col">{name}</th> })
        .collect_view();
    let actions = actions.then(|| {
        view! {
            <th scope="col">
                <span class="visually-hidden">"Actions"</span>
            </th>
        }
    });
    view! {
        <thead>
            <tr>{heads}{actions}</tr>
        </thead>
    }
}

/// A table in a container that scrolls sideways on narrow screens rather
/// than the page: the class, the heading row and the body rows.
pub fn scroll_table(
    class: &'static str,
    heads: impl IntoView + 'static,
    rows: impl IntoView + 'static,
) -> impl IntoView {
    view! {
        <div class="table-scroll">
            <table class=class>
                {heads}
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// A sortable table in a sideways-scrolling container: a caption for screen
/// readers only (how to sort), the heading row's cells and the body rows.
pub fn sortable_table(
    class: &'static str,
    caption: &'static str,
    heads: impl IntoView + 'static,
    rows: impl IntoView + 'static,
) -> impl IntoView {
    let heads = view! {
        <caption class="visually-hidden">{caption}</caption>
        <thead>
            <tr>{heads}</tr>
        </thead>
    };
    scroll_table(class, heads, rows)
}

/// A column heading whose button sorts the table by that column. `order`
/// says whether the table is sorted by it (`None` if not) and if so whether
/// descending; assistive technology hears it, and an arrow (in a span of
/// `mark_class`) shows it.
pub fn sort_head(
    label: &'static str,
    mark_class: Option<&'static str>,
    order: impl Fn() -> Option<bool> + Copy + Send + Sync + 'static,
    on_sort: impl Fn() + 'static,
) -> impl IntoView {
    let aria_sort = move || match order() {
        None => "none",
        Some(true) => "descending",
        Some(false) => "ascending",
    };
    let arrow = move || match order() {
        None => "",
        Some(true) => " ▼",
        Some(false) => " ▲",
    };
    view! {
        <th scope="col" aria-sort=aria_sort>
            <button type="button" class="sort" on:click=move |_| on_sort()>
                {label}
                <span aria-hidden="true" class=mark_class>
                    {arrow}
                </span>
            </button>
        </th>
    }
}
