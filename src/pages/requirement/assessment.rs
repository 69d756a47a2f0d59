//! The assessment form of a requirement: status, owner, target date,
//! findings, capability and notes.

use super::capability::CapabilityFields;
use crate::app::AppState;
use crate::platform::browser;
use crate::widgets::{Card, CreateWorkbookFirst, EnumSelect, choices, pick_variant};
use crate::widgets::{ErrorLine, TextField};
use clausebook_core::assessment::Finding;
use clausebook_core::assessment::{Assessment, Status};
use clausebook_core::calendar::IsoDate;
use clausebook_core::framework::{self, Framework, Node};
use clausebook_core::limits::{MAX_NOTES_CHARS, MAX_OWNER_CHARS};
use leptos::prelude::*;

#[component]
pub(super) fn AssessmentForm(framework: &'static Framework, node: &'static Node) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = &node.id;
    let has_workbook = Memo::new(move |_| state.workbook.with(Option::is_some));
    let record = Memo::new(move |_| {
        state
            .workbook
            .with(|w| w.as_ref().map(|w| w.assessment(id)).unwrap_or_default())
    });
    let edit = move |f: &dyn Fn(&mut Assessment)| {
        state.edit(|w| w.edit_assessment(id, browser::now(), f));
    };
    let date_error = RwSignal::new(None::<String>);
    // The note names ISO/IEC 20000-1 clauses, so only its workbooks get it.
    let is_iso = framework.id == framework::iso20000().id;
    let show_exclusions_note = !framework.allows_exclusions && is_iso;
    move || {
        if !has_workbook.get() {
            return view! {
                <Card heading_id="assessment-title" title="Your assessment" class="form">
                    <CreateWorkbookFirst purpose="record a status, owner and notes" />
                </Card>
            }
            .into_any();
        }
        let exclusions_note = show_exclusions_note.then(|| {
            view! {
                <p class="hint">
                    "ISO/IEC 20000-1 allows no exclusions, so there is no “not applicable”. Limit what the system covers in the scope (4.3), and record work done by other parties under 8.2.3."
                </p>
            }
        });
        view! {
            <Card heading_id="assessment-title" title="Your assessment" class="form">
                <EnumSelect
                    id="status"
                    label="Status"
                    options=choices(&Status::ALL, Status::key, Status::label)
                    current=Signal::derive(move || Some(record.with(|r| r.status.key())))
                    on_pick=pick_variant(Status::from_key, move |status| edit(&|a| a.status = status))
                />
                {exclusions_note}
                <CapabilityFields framework id />
                <EnumSelect
                    id="finding"
                    label="Finding"
                    options=choices(&Finding::ALL, Finding::key, Finding::label)
                    current=Signal::derive(move || Some(record.with(|r| r.finding.key())))
                    on_pick=pick_variant(Finding::from_key, move |f| edit(&|a| a.finding = f))
                    hint="The grade an auditor would give, from your last audit or your own judgement."
                />
                <TextField
                    id="owner"
                    label="Owner"
                    max=MAX_OWNER_CHARS
                    value=Signal::derive(move || record.with(|r| r.owner.clone()))
                    on_input=UnsyncCallback::new(move |v: String| edit(&|a| a.owner = v.clone()))
                />
                <div class="field">
                    <label for="target-date">"Target date"</label>
                    <input
                        id="target-date"
                        type="date"
                        aria-describedby="target-date-error"
                        prop:value=move || {
                            record.with(|r| r.target_date.map(|d| d.to_string()).unwrap_or_default())
                        }
                        on:change=move |ev| {
                            match IsoDate::parse_optional(&event_target_value(&ev)) {
                                Ok(date) => {
                                    date_error.set(None);
                                    edit(&|a| a.target_date = date);
                                }
                                Err(e) => date_error.set(Some(e.to_string())),
                            }
                        }
                    />
                    <ErrorLine error=date_error id="target-date-error" />
                </div>
                <TextField
                    id="notes"
                    label="Notes"
                    multiline=true
                    rows="8"
                    max=MAX_NOTES_CHARS
                    value=Signal::derive(move || record.with(|r| r.notes.clone()))
                    on_input=UnsyncCallback::new(move |v: String| edit(&|a| a.notes = v.clone()))
                />
            </Card>
        }
        .into_any()
    }
}
