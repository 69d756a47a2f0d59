//! The form that starts a workbook: the organisation, the framework, and why
//! a try was refused. The Overview's welcome and the Workbooks page both
//! offer it, with their own ids and wording.

use super::{ErrorLine, FrameworkChoice, OrganisationFields};
use crate::platform::browser;
use clausebook_core::framework;
use clausebook_core::workbook::Workbook;
use leptos::prelude::*;

/// A `<form class=class>` (with an `<h2>` when given a `heading`). Its
/// submit builds a [`Workbook`] from the fields; on success the fields clear,
/// `on_created` receives the workbook and the page goes to its top
/// ([`super::to_page_top`]), else the reason shows in `error`,
/// which the caller may share with other actions of its page. The ids are
/// the fields' and the framework radios' prefix; a `scope_hint` shows under
/// the scope area.
#[component]
pub fn NewWorkbookForm(
    class: &'static str,
    #[prop(optional)] heading: Option<&'static str>,
    name_id: &'static str,
    scope_id: &'static str,
    #[prop(default = "Scope")] scope_label: &'static str,
    #[prop(default = "3")] scope_rows: &'static str,
    #[prop(default = "framework")] framework_prefix: &'static str,
    submit: &'static str,
    error: RwSignal<Option<String>>,
    on_created: impl Fn(Workbook) + 'static,
    #[prop(optional_no_strip)] scope_hint: Option<&'static str>,
) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let scope = RwSignal::new(String::new());
    let chosen = RwSignal::new(framework::iso20000());
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match Workbook::create(
            &name.get_untracked(),
            &scope.get_untracked(),
            chosen.get_untracked(),
            browser::now(),
        ) {
            Ok(workbook) => {
                error.set(None);
                name.set(String::new());
                scope.set(String::new());
                on_created(workbook);
                // The form is gone or far down the page: the new workbook
                // starts at the top of its page.
                super::to_page_top();
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    view! {
        <form class=class on:submit=create novalidate>
            {heading.map(|h| view! { <h2>{h}</h2> })}
            <OrganisationFields
                name
                scope
                name_id
                scope_id
                scope_label
                scope_rows
                scope_hint
            />
            <FrameworkChoice selected=chosen id_prefix=framework_prefix />
            <ErrorLine error=error />
            <button type="submit" class="primary">
                {submit}
            </button>
        </form>
    }
}
