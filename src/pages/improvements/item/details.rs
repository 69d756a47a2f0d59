//! The item's details, editable at any stage.

use super::ItemMemo;
use crate::app::AppState;
use crate::pages::improvements::edit_log;
use crate::widgets::{Card, DateField, TextField, choices, record_select};
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
    view! {
        <Card heading_id="details-title" title="Details" class="form details">
            <TextField
                id="item-title"
                label="Title"
                max=MAX_NAME_CHARS
                required=true
                value=Signal::derive(get(|i| i.title.clone()))
                on_input=UnsyncCallback::new(move |v: String| edit(&|i| i.title = v.trim().to_owned()))
            />
            {record_select(item, edit, "item-kind", "Kind", choices(Kind::ALL, Kind::key, Kind::label), |i| i.kind.key(), |i, k| i.kind = Kind::from_key(k).unwrap_or(i.kind))}
            {record_select(item, edit, "item-source", "Source", choices(Source::ALL, Source::key, Source::label), |i| i.source.key(), |i, k| i.source = Source::from_key(k).unwrap_or(i.source))}
            {record_select(item, edit, "item-priority", "Priority", choices(Priority::ALL, Priority::key, Priority::label), |i| i.priority.key(), |i, k| i.priority = Priority::from_key(k).unwrap_or(i.priority))}
            <TextField
                id="item-owner"
                label="Owner"
                max=MAX_OWNER_CHARS
                value=Signal::derive(get(|i| i.owner.clone()))
                on_input=UnsyncCallback::new(move |v: String| edit(&|i| i.owner = v.clone()))
            />
            <DateField
                id="item-target"
                label="Target date"
                shows_error=true
                error=RwSignal::new(None)
                value=Signal::derive(move || item.with(|i| i.as_ref().and_then(|i| i.target_date)))
                on_change=UnsyncCallback::new(move |d| edit(&|i| i.target_date = d))
            />
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
        </Card>
    }
}
