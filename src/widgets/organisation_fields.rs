//! The organisation's name and scope: what a new workbook is created from
//! (the Overview's welcome, the Workbooks page) and what the Overview edits.

use super::TextField;
use clausebook_core::limits::{MAX_NAME_CHARS, MAX_SCOPE_CHARS};
use leptos::prelude::*;

/// The name field and the scope area, bound to `name` and `scope`. The ids
/// differ per form so that two forms can share a page. `on_edit` runs after
/// each keystroke in either field (once the signal holds it). A
/// `scope_hint` shows under the scope area, which it describes.
#[component]
pub fn OrganisationFields(
    name: RwSignal<String>,
    scope: RwSignal<String>,
    name_id: &'static str,
    scope_id: &'static str,
    #[prop(default = "Scope")] scope_label: &'static str,
    #[prop(default = "3")] scope_rows: &'static str,
    #[prop(optional)] on_edit: Option<Callback<()>>,
    #[prop(optional_no_strip)] scope_hint: Option<&'static str>,
) -> impl IntoView {
    let edit = move |field: RwSignal<String>| {
        UnsyncCallback::new(move |v| {
            field.set(v);
            if let Some(on_edit) = on_edit {
                on_edit.run(());
            }
        })
    };
    view! {
        <TextField
            id=name_id
            label="Organisation name"
            value=name.into()
            on_input=edit(name)
            autocomplete="organization"
            required=true
            max=MAX_NAME_CHARS
        />
        <TextField
            id=scope_id
            label=scope_label
            value=scope.into()
            on_input=edit(scope)
            multiline=true
            rows=scope_rows
            max=MAX_SCOPE_CHARS
            hint=scope_hint
        />
    }
}
