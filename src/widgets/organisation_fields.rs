//! The organisation's name and scope: what a new workbook is created from
//! (the Overview's welcome, the Workbooks page) and what the Overview edits.

use crate::pages::form::{TextArea, TextField};
use clausebook_core::limits::{MAX_NAME_CHARS, MAX_SCOPE_CHARS};
use leptos::prelude::*;

/// The name field and the scope area, bound to `name` and `scope`. The ids
/// differ per form so that two forms can share a page. `on_edit` runs after
/// each keystroke in either field (once the signal holds it). The children,
/// a hint for the scope, follow its area; `described_by` is their id.
#[component]
pub fn OrganisationFields(
    name: RwSignal<String>,
    scope: RwSignal<String>,
    name_id: &'static str,
    scope_id: &'static str,
    #[prop(default = "Scope")] scope_label: &'static str,
    #[prop(default = "3")] scope_rows: &'static str,
    #[prop(optional)] on_edit: Option<Callback<()>>,
    #[prop(optional)] described_by: Option<&'static str>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let edited = move || {
        if let Some(on_edit) = on_edit {
            on_edit.run(());
        }
    };
    view! {
        <TextField
            id=name_id
            label="Organisation name"
            value=name
            on_input=move |v| {
                name.set(v);
                edited();
            }
            autocomplete="organization"
            required=true
            maxlength=MAX_NAME_CHARS
        />
        <TextArea
            id=scope_id
            label=scope_label
            value=scope
            on_input=move |v| {
                scope.set(v);
                edited();
            }
            rows=scope_rows
            maxlength=MAX_SCOPE_CHARS
            nostrip:described_by=described_by
        >
            {children.map(|c| c())}
        </TextArea>
    }
}
