//! The Plan, Do, Check and Act records: each editable only in its stage.

use super::ItemMemo;
use crate::app::AppState;
use crate::pages::improvements::edit_log;
use crate::widgets::{DateField, RadioChoices, TextField};
use clausebook_core::calendar::IsoDate;
use clausebook_core::improvement::{
    ActDecision, Edited, ImprovementId, ImprovementItem, ImprovementLog, Stage,
};
use clausebook_core::limits::{MAX_NOTES_CHARS, MAX_OWNER_CHARS};
use leptos::prelude::*;

/// Whether the item is outside `section`, whose record is then read-only.
fn locked(item: ItemMemo, section: Stage) -> Signal<bool> {
    Signal::derive(move || item.with(|i| i.as_ref().is_none_or(|i| i.stage != section)))
}

/// A text field of one stage's record: editable only while the item is in that stage.
#[allow(clippy::too_many_arguments)]
fn stage_text(
    item: ItemMemo,
    section: Stage,
    field_id: &'static str,
    label: &'static str,
    hint: Option<&'static str>,
    multiline: bool,
    max: usize,
    get: fn(&ImprovementItem) -> String,
    save: impl Fn(String) + Copy + 'static,
) -> impl IntoView {
    view! {
        <TextField
            id=field_id
            label
            max
            multiline
            hint
            locked=locked(item, section)
            value=Signal::derive(move || item.with(|i| i.as_ref().map(get).unwrap_or_default()))
            on_input=UnsyncCallback::new(save)
        />
    }
}

/// A date of one stage's record.
fn stage_date(
    item: ItemMemo,
    section: Stage,
    field_id: &'static str,
    label: &'static str,
    get: fn(&ImprovementItem) -> Option<IsoDate>,
    save: impl Fn(Option<IsoDate>) + Copy + 'static,
) -> impl IntoView {
    view! {
        <DateField
            id=field_id
            label
            shows_error=true
            locked=locked(item, section)
            error=RwSignal::new(None)
            value=Signal::derive(move || item.with(|i| i.as_ref().and_then(get)))
            on_change=UnsyncCallback::new(save)
        />
    }
}

/// The frame of a stage's section: heading, whether it is current, and errors.
fn stage_section(
    item: ItemMemo,
    section: Stage,
    error: RwSignal<Option<String>>,
    body: AnyView,
) -> impl IntoView {
    let stage = move || item.with(|i| i.as_ref().map(|i| i.stage).unwrap_or_default());
    let heading_id = format!("section-{}", section.key());
    let labelled_by = heading_id.clone();
    view! {
        <section
            class=format!("card stage-section section-{}", section.key())
            class:current=move || stage() == section
            aria-labelledby=labelled_by
        >
            <h2 id=heading_id>
                {section.label()}
                {move || (stage() == section).then(|| view! { <span class="badge current-badge">"Current stage"</span> })}
            </h2>
            <p class="hint">
                {move || {
                    let s = stage();
                    if s == section {
                        section.meaning().to_owned()
                    } else {
                        format!("Can be changed while the item is in {section}.")
                    }
                }}
            </p>
            {body}
            <p class="error" role="alert">
                {move || error.get()}
            </p>
        </section>
    }
}

/// One of the log's methods that edit a stage's record.
type RecordEdit<R> = fn(&mut ImprovementLog, ImprovementId, &dyn Fn(&mut R)) -> Edited;

/// The editor of a stage's record: an edit goes through `edit_record`, and
/// a refusal shows in the section's `error` line.
fn record_editor<R: 'static>(
    id: ImprovementId,
    error: RwSignal<Option<String>>,
    edit_record: RecordEdit<R>,
) -> impl Fn(&dyn Fn(&mut R)) + Copy + 'static {
    let state = expect_context::<AppState>();
    move |f: &dyn Fn(&mut R)| {
        error.set(edit_log(state, |log| edit_record(log, id, f)).err());
    }
}

#[component]
pub(super) fn PlanSection(id: ImprovementId, item: ItemMemo) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let edit = record_editor(id, error, |log, id, f| log.edit_plan(id, f));
    let body = view! {
        {stage_text(item, Stage::Plan, "plan-problem", "Problem or opportunity", None, true, MAX_NOTES_CHARS, |i| i.plan.problem.clone(), move |v| edit(&|p| p.problem = v.clone()))}
        {stage_text(item, Stage::Plan, "plan-root-cause", "Root cause", Some("For a nonconformity: why it happened, not only what happened."), true, MAX_NOTES_CHARS, |i| i.plan.root_cause.clone(), move |v| edit(&|p| p.root_cause = v.clone()))}
        {stage_text(item, Stage::Plan, "plan-actions", "Planned actions", None, true, MAX_NOTES_CHARS, |i| i.plan.planned_actions.clone(), move |v| edit(&|p| p.planned_actions = v.clone()))}
        {stage_text(item, Stage::Plan, "plan-measure", "Success measure", Some("What you will measure to know it worked."), false, MAX_NOTES_CHARS, |i| i.plan.success_measure.clone(), move |v| edit(&|p| p.success_measure = v.clone()))}
        {stage_text(item, Stage::Plan, "plan-target", "Success target", None, false, MAX_NOTES_CHARS, |i| i.plan.success_target.clone(), move |v| edit(&|p| p.success_target = v.clone()))}
    }
    .into_any();
    stage_section(item, Stage::Plan, error, body)
}

#[component]
pub(super) fn DoSection(id: ImprovementId, item: ItemMemo) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let edit = record_editor(id, error, |log, id, f| log.edit_do(id, f));
    let body = view! {
        {stage_text(item, Stage::Do, "do-actions", "Actions taken", None, true, MAX_NOTES_CHARS, |i| i.doing.actions_taken.clone(), move |v| edit(&|d| d.actions_taken = v.clone()))}
        {stage_date(item, Stage::Do, "do-date", "Done on", |i| i.doing.done_on, move |v| edit(&|d| d.done_on = v))}
    }
    .into_any();
    stage_section(item, Stage::Do, error, body)
}

#[component]
pub(super) fn CheckSection(id: ImprovementId, item: ItemMemo) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let edit = record_editor(id, error, |log, id, f| log.edit_check(id, f));
    let effective = move || item.with(|i| i.as_ref().and_then(|i| i.check.effective));
    // The first option is "effective", the second "not effective".
    let options = vec![
        ("check-effective-yes".to_owned(), "Effective"),
        ("check-effective-no".to_owned(), "Not effective"),
    ];
    let body = view! {
        {stage_text(item, Stage::Check, "check-result", "Measured result", Some("The result against the success target set in Plan."), true, MAX_NOTES_CHARS, |i| i.check.result.clone(), move |v| edit(&|c| c.result = v.clone()))}
        <RadioChoices
            legend="Were the actions effective?"
            name="check-effective"
            options
            locked=locked(item, Stage::Check)
            current=Signal::derive(move || effective().map(|e| if e { 0 } else { 1 }))
            on_pick=UnsyncCallback::new(move |at: usize| edit(&|c| c.effective = Some(at == 0)))
        />
        {stage_text(item, Stage::Check, "check-verified-by", "Verified by", None, false, MAX_OWNER_CHARS, |i| i.check.verified_by.clone(), move |v| edit(&|c| c.verified_by = v.clone()))}
        {stage_date(item, Stage::Check, "check-date", "Checked on", |i| i.check.checked_on, move |v| edit(&|c| c.checked_on = v))}
    }
    .into_any();
    stage_section(item, Stage::Check, error, body)
}

#[component]
pub(super) fn ActSection(id: ImprovementId, item: ItemMemo) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let edit = record_editor(id, error, |log, id, f| log.edit_act(id, f));
    let decision = move || item.with(|i| i.as_ref().and_then(|i| i.act.decision));
    let options = ActDecision::ALL
        .iter()
        .map(|d| (format!("act-{}", d.key()), d.label()))
        .collect();
    let body = view! {
        <RadioChoices
            legend="Decision"
            name="act-decision"
            options
            locked=locked(item, Stage::Act)
            current=Signal::derive(move || {
                decision().and_then(|d| ActDecision::ALL.iter().position(|&x| x == d))
            })
            on_pick=UnsyncCallback::new(move |at: usize| {
                edit(&|a| a.decision = ActDecision::ALL.get(at).copied())
            })
        />
        {stage_text(item, Stage::Act, "act-lessons", "Lessons learned", None, true, MAX_NOTES_CHARS, |i| i.act.lessons.clone(), move |v| edit(&|a| a.lessons = v.clone()))}
    }
    .into_any();
    stage_section(item, Stage::Act, error, body)
}
