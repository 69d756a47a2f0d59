//! The gap analysis: every requirement, clause by clause.

use super::section::report_section;
use super::table::{cell_lines, date_text, readiness_figures, report_table};
use crate::widgets::status_badge;
use clausebook_core::calendar::IsoDate;
use clausebook_core::framework::Framework;
use clausebook_core::report::{self};
use clausebook_core::workbook::Workbook;
use leptos::prelude::*;

pub(super) fn gaps_view(wb: &Workbook, fw: &Framework, today: IsoDate) -> AnyView {
    let g = report::gap_report(wb, fw, today);
    let sections = g
        .sections
        .into_iter()
        .map(|section| {
            let rows = section
                .rows
                .into_iter()
                .map(|row| {
                    let capability = match (row.current, row.target) {
                        (None, None) => String::new(),
                        (c, t) => format!(
                            "{} → {}",
                            c.map(|l| l.number().to_string()).unwrap_or("–".into()),
                            t.map(|l| l.number().to_string()).unwrap_or("–".into())
                        ),
                    };
                    view! {
                        <tr>
                            <th scope="row">{format!("{} {}", row.number, row.title)}</th>
                            <td>{status_badge(row.status)}</td>
                            <td>{capability}</td>
                            <td>{row.finding.report_label()}</td>
                            <td>
                                {row.owner} <br /> {date_text(row.target_date)}
                            </td>
                            <td class="text-cell">{row.notes}</td>
                            <td class="text-cell">
                                {cell_lines(row.evidence)}
                            </td>
                            <td class="text-cell">
                                {cell_lines(row.open_items)}
                            </td>
                        </tr>
                    }
                })
                .collect_view();
            let table = report_table(
                section.label.clone(),
                Some("report-gap-table"),
                None,
                &[
                    "Requirement",
                    "Status",
                    "Capability (now → target)",
                    "Finding",
                    "Owner, target date",
                    "Notes",
                    "Evidence",
                    "Open items",
                ],
                rows,
            );
            report_section(
                "report-section",
                format!("gaps-{}", section.id),
                section.label,
                table,
            )
        })
        .collect_view();
    view! {
        {readiness_figures(&g.readiness)}
        {sections}
    }
    .into_any()
}
