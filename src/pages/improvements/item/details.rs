//! The item's details, editable at any stage.

use super::ItemMemo;
use crate::app::AppState;
use crate::pages::improvements::edit_log;
use crate::widgets::{EnumSelect, choices, pick_variant};
use clausebook_core::calendar::IsoDate;
use clausebook_core::improvement::{ImprovementId, ImprovementItem, Kind, Priority, Source};
use clausebook_core::limits::{MAX_NAME_CHARS, MAX_OWNER_CHARS};
use leptos::prelude::*;

/// Title, kind, source, priority, owner and dates: editable at any stage.
#[component]
pub(super) fn DetailsSection(id: ImprovementId, item: ItemMemo) -> impl IntoView {
    let state = expect_context::<AppState>();
    let error = RwSignal::new(None::<String>);
    let edit = move |f: &dyn Fn(&mut ImprovementItem)| {
        error.set(edit_log(state, |log| log.edit_details(id, f)).err());
    };
    let get = move |f: fn(&ImprovementItem) -> String| {
        move || item.with(|i| i.as_ref().map(f).unwrap_or_default())
    };
    let date_error = RwSignal::new(None::<String>);
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
            <EnumSelect
                id="item-kind"
                label="Kind"
                options=choices(Kind::ALL, Kind::key, Kind::label)
                current=Signal::derive(move || item.with(|i| i.as_ref().map(|i| i.kind.key())))
                on_pick=pick_variant(Kind::from_key, move |v| edit(&|i| i.kind = v))
            />
            <EnumSelect
                id="item-source"
                label="Source"
                options=choices(Source::ALL, Source::key, Source::label)
                current=Signal::derive(move || item.with(|i| i.as_ref().map(|i| i.source.key())))
                on_pick=pick_variant(Source::from_key, move |v| edit(&|i| i.source = v))
            />
            <EnumSelect
                id="item-priority"
                label="Priority"
                options=choices(Priority::ALL, Priority::key, Priority::label)
                current=Signal::derive(move || item.with(|i| i.as_ref().map(|i| i.priority.key())))
                on_pick=pick_variant(Priority::from_key, move |v| edit(&|i| i.priority = v))
            />
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
