//! The executive summary.

use super::table::{readiness_figures, report_table};
use crate::widgets::{bar, status_badge};
use clausebook_core::assessment::Status;
use clausebook_core::calendar::IsoDate;
use clausebook_core::framework::Framework;
use clausebook_core::report::{self};
use clausebook_core::workbook::Workbook;
use leptos::prelude::*;

pub(super) fn summary_view(wb: &Workbook, fw: &Framework, today: IsoDate) -> AnyView {
    let s = report::executive_summary(wb, fw, today);
    let r = &s.readiness;
    let counts = Status::ALL
        .into_iter()
        .map(|st| {
            view! {
                <li>
                    {status_badge(st)} " " {r.count(st)}
                </li>
            }
        })
        .collect_view();
    let clause_rows = s
        .clauses
        .iter()
        .map(|c| {
            let p = c.readiness.ready_percent;
            view! {
                <tr>
                    <th scope="row">{c.label.clone()}</th>
                    <td class="num-cell">{format!("{} of {}", c.readiness.assessed(), c.readiness.total)}</td>
                    <td class="bar-cell">{bar(p)} {format!(" {p}%")}</td>
                </tr>
            }
        })
        .collect_view();
    let gaps = if s.top_gaps.is_empty() {
        view! { <p>"No gaps: nothing is Not implemented or graded a major nonconformity, no target date has passed and no evidence is past its review."</p> }.into_any()
    } else {
        view! {
            <ol class="report-gap-list">
                {s
                    .top_gaps
                    .iter()
                    .map(|g| view! { <li>{g.label.clone()} " — " {g.reason.clone()}</li> })
                    .collect_view()}
            </ol>
            {(s.more_gaps > 0)
                .then(|| view! { <p class="hint">{format!("and {} more in the gap analysis", s.more_gaps)}</p> })}
        }
        .into_any()
    };
    let ncs = if s.open_nonconformities.is_empty() {
        view! { <p>"No open nonconformities or corrective actions in the improvement log."</p> }
            .into_any()
    } else {
        view! {
            <ul class="report-ncs">
                {s
                    .open_nonconformities
                    .iter()
                    .map(|i| {
                        view! {
                            <li>
                                {format!("{} {}", i.id, i.title)} " — " {i.stage.label()}
                                {i.target_date.map(|d| format!(", target {d}"))}
                                {i.overdue.then_some(" (overdue)")}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            {(s.more_nonconformities > 0)
                .then(|| view! { <p class="hint">{format!("and {} more", s.more_nonconformities)}</p> })}
        }
        .into_any()
    };
    view! {
        <section aria-labelledby="sum-readiness">
            <h2 id="sum-readiness">"Readiness"</h2>
            {readiness_figures(r)}
            <ul class="report-counts">{counts}</ul>
            <p class="report-figure">
                {format!(
                    "{} open improvement items ({} overdue) · {} evidence items · {} of {} expected documents approved",
                    s.open_items,
                    s.overdue_items,
                    s.evidence_items,
                    s.documents_approved,
                    s.documents_expected,
                )}
            </p>
        </section>
        <section aria-labelledby="sum-clauses">
            <h2 id="sum-clauses">"Progress by clause"</h2>
            {report_table(
                "Progress by clause".into(),
                Some("report-clauses"),
                None,
                &["Clause", "Assessed", "Largely or fully"],
                clause_rows,
            )}
        </section>
        <div class="report-columns">
            <section aria-labelledby="sum-gaps">
                <h2 id="sum-gaps">"Top gaps"</h2>
                {gaps}
            </section>
            <section aria-labelledby="sum-ncs">
                <h2 id="sum-ncs">"Open nonconformities"</h2>
                {ncs}
            </section>
        </div>
    }
    .into_any()
}
