//! The frame that an item's own page shares with every other (an
//! improvement item, a service): the id from the address, the breadcrumb
//! back to the list, and the heading that names the item.

use crate::app::route;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// The `:id` of the address as typed, for looking the item up and for
/// naming it when it does not exist.
pub fn id_param() -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |_| params.read().get("id").unwrap_or_default())
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
