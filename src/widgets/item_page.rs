//! The frame that an item's own page shares with every other (an
//! improvement item, a service): the id from the address, what shows when
//! it names no item, the breadcrumb back to the list, and the heading that
//! names the item.

use super::{Missing, NoWorkbook};
use crate::app::{AppState, route};
use clausebook_core::workbook::Workbook;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use std::str::FromStr;

/// The `:id` of the address as typed, for looking the item up and for
/// naming it when it does not exist.
pub fn id_param() -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |_| params.read().get("id").unwrap_or_default())
}

/// What an item's page says when its address names no item.
pub struct Absent {
    pub title: &'static str,
    /// The start of the message, e.g. "The log has no item"; the id as typed
    /// follows in quotes.
    pub none_such: &'static str,
    pub back_href: &'static str,
    pub back_text: &'static str,
}

/// Where the address's item stands in the open workbook.
#[derive(Clone, Copy, PartialEq)]
enum Lookup<Id> {
    Found(Id),
    Missing,
    NoWorkbook,
}

/// An item's page: `show` for the item the address names when `find` finds
/// it in the workbook, with a memo of the item as it changes; else the
/// `absent` page. With `no_workbook_title`, a page without a workbook says
/// so under that heading; without it, it counts as absent.
pub fn item_page<Id, R>(
    find: for<'w> fn(&'w Workbook, Id) -> Option<&'w R>,
    absent: Absent,
    no_workbook_title: Option<&'static str>,
    show: fn(Id, Memo<Option<R>>) -> AnyView,
) -> impl IntoView
where
    Id: FromStr + Copy + PartialEq + Send + Sync + 'static,
    R: Clone + PartialEq + Send + Sync + 'static,
{
    let state = expect_context::<AppState>();
    let raw = id_param();
    // One memo for both the id and whether it exists: two memos over the same
    // source, both read by the view, can leave it stale when only the id
    // changes. It changes only when the address or the item's existence
    // changes, so editing a field does not rebuild the page.
    let shown = Memo::new(move |_| {
        let id = raw.with(|r| r.parse::<Id>().ok());
        state.workbook.with(|w| match (w, id) {
            (None, _) if no_workbook_title.is_some() => Lookup::NoWorkbook,
            (Some(w), Some(id)) if find(w, id).is_some() => Lookup::Found(id),
            _ => Lookup::Missing,
        })
    });
    move || match shown.get() {
        Lookup::Found(id) => {
            let record = Memo::new(move |_| {
                state
                    .workbook
                    .with(|w| w.as_ref().and_then(|w| find(w, id)).cloned())
            });
            show(id, record)
        }
        Lookup::NoWorkbook => view! {
            <h1>{no_workbook_title}</h1>
            <NoWorkbook />
        }
        .into_any(),
        Lookup::Missing => view! {
            <Missing
                title=absent.title
                message=format!("{} “{}”.", absent.none_such, raw.get())
                back_href=absent.back_href
                back_text=absent.back_text
            />
        }
        .into_any(),
    }
}

/// The breadcrumb from the list to the item, and its heading: the item's id,
/// then its title.
#[component]
pub fn ItemHeading(
    list_href: &'static str,
    list_label: &'static str,
    id: String,
    #[prop(into)] title: Signal<String>,
) -> impl IntoView {
    view! {
        <nav class="breadcrumb" aria-label="Breadcrumb">
            <ol>
                <li>
                    <A href=route(list_href)>{list_label}</A>
                </li>
                <li>{id.clone()}</li>
            </ol>
        </nav>
        <h1>
            <span class="num">{id}</span>
            " "
            {title}
        </h1>
    }
}
