//! The evidence register and the document checklist.

use super::table::{cell_lines, due_date, report_table};
use clausebook_core::calendar::IsoDate;
use clausebook_core::framework::Framework;
use clausebook_core::report::{self};
use clausebook_core::workbook::Workbook;
use leptos::prelude::*;

pub(super) fn evidence_view(wb: &Workbook, fw: &Framework, today: IsoDate) -> AnyView {
    let e = report::evidence_report(wb, fw, today);
    if e.rows.is_empty() {
        return view! { <p>"The evidence register is empty. Add evidence on a requirement's page."</p> }
            .into_any();
    }
    let count = e.rows.len();
    let rows = e
        .rows
        .into_iter()
        .map(|r| {
            view! {
                <tr>
                    <th scope="row">{r.id.to_string()}</th>
                    <td class="text-cell">{r.title}</td>
                    <td class="text-cell">{r.reference}</td>
                    <td>{r.owner}</td>
                    <td>{r.version}</td>
                    <td>
                        {due_date(r.next_review, r.review_overdue)}
                    </td>
                    <td>{r.requirements.join(", ")}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="report-figure">{format!("{count} evidence items · {} past their review date", e.overdue)}</p>
        {report_table(
            "Evidence register".into(),
            Some("report-evidence"),
            None,
            &["ID", "Title", "Reference", "Owner", "Version", "Next review", "Requirements"],
            rows,
        )}
    }
    .into_any()
}

pub(super) fn documents_view(wb: &Workbook, fw: &Framework, today: IsoDate) -> AnyView {
    let d = report::document_report(wb, fw, today);
    let [missing, draft, approved] = d.counts;
    let rows = d
        .rows
        .into_iter()
        .map(|r| {
            view! {
                <tr>
                    <th scope="row">{r.title}</th>
                    <td>
                        <span class=format!("badge doc-{}", r.status.key())>{r.status.label()}</span>
                    </td>
                    <td>{r.owner}</td>
                    <td>
                        {due_date(r.review_date, r.review_overdue)}
                    </td>
                    <td class="text-cell">
                        {cell_lines(r.evidence)}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="report-figure">
            {format!("{approved} approved · {draft} in draft · {missing} missing")}
        </p>
        {report_table(
            "Document checklist".into(),
            Some("report-documents"),
            None,
            &["Document", "Status", "Owner", "Review date", "Evidence"],
            rows,
        )}
    }
    .into_any()
}
