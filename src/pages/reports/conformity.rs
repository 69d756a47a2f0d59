//! The statement of conformity, clause by clause.

use super::section::report_section;
use super::table::report_table;
use crate::widgets::status_badge;
use clausebook_core::calendar::IsoDate;
use clausebook_core::framework::Framework;
use clausebook_core::report::{self};
use clausebook_core::workbook::Workbook;
use leptos::prelude::*;

pub(super) fn conformity_view(wb: &Workbook, fw: &Framework, today: IsoDate) -> AnyView {
    let st = report::conformity_statement(wb, fw, today);
    let summary_rows = st
        .clauses
        .iter()
        .map(|c| {
            view! {
                <tr>
                    <th scope="row">{c.label.clone()}</th>
                    <td>
                        <span class=format!("verdict verdict-{}", c.verdict.key())>{c.verdict.label()}</span>
                    </td>
                    <td>{format!("{}%", c.readiness.ready_percent)}</td>
                    <td>{c.evidence}</td>
                    <td>{c.open_nonconformities}</td>
                </tr>
            }
        })
        .collect_view();
    let details = st
        .clauses
        .into_iter()
        .map(|c| {
            let rows = c
                .rows
                .into_iter()
                .map(|r| {
                    view! {
                        <tr>
                            <th scope="row">{r.label}</th>
                            <td>{status_badge(r.status)}</td>
                            <td>{r.finding.report_label()}</td>
                            <td>{r.evidence}</td>
                        </tr>
                    }
                })
                .collect_view();
            let heading = view! {
                {c.label.clone()} " — "
                <span class=format!("verdict verdict-{}", c.verdict.key())>{c.verdict.label()}</span>
            };
            let table = report_table(
                c.label,
                None,
                None,
                &["Requirement", "Status", "Finding", "Evidence items"],
                rows,
            );
            report_section("report-section-soft", format!("conf-{}", c.id), heading, table)
        })
        .collect_view();
    view! {
        <p class="report-figure">
            "Overall: "
            <strong class=format!("verdict verdict-{}", st.overall.key()) data-testid="overall">
                {st.overall.label()}
            </strong>
        </p>
        <p class="hint">
            "A clause conforms when every requirement is fully implemented with no nonconformity; it partly conforms when all are at least partially implemented with no major nonconformity; it does not conform yet when any requirement is not implemented or has a major nonconformity. Until every requirement is assessed, no statement is made."
        </p>
        {report_table(
            "Conformity by clause".into(),
            Some("report-verdicts"),
            Some("Conformity by clause"),
            &["Clause", "Statement", "Largely or fully", "Evidence items", "Open nonconformities"],
            summary_rows,
        )}
        {details}
    }
    .into_any()
}
