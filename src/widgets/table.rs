//! The heading row of a data table, the same on every page.

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
