//! The management review pack.

use super::section::report_section;
use super::table::{cell_lines, date_text, due_date, readiness_figures, report_table};
use clausebook_core::calendar::IsoDate;
use clausebook_core::framework::Framework;
use clausebook_core::improvement;
use clausebook_core::report::{self, ItemLine};
use clausebook_core::workbook::Workbook;
use leptos::prelude::*;

/// Improvement items as a table, or a sentence when there are none.
fn item_table(label: &str, items: Vec<ItemLine>, empty: &'static str) -> AnyView {
    if items.is_empty() {
        return view! { <p>{empty}</p> }.into_any();
    }
    let rows = items
        .into_iter()
        .map(|i| {
            view! {
                <tr>
                    <th scope="row">{i.id}</th>
                    <td class="text-cell">{i.title}</td>
                    <td>{i.kind.label()}</td>
                    <td>{i.stage.label()}</td>
                    <td>{i.owner}</td>
                    <td>
                        {due_date(i.target_date, i.overdue)}
                    </td>
                    <td>{date_text(i.closed_on)} {(!i.effectiveness.is_empty()).then(|| format!(" {}", i.effectiveness))}</td>
                </tr>
            }
        })
        .collect_view();
    report_table(
        label.to_owned(),
        Some("report-items"),
        None,
        &[
            "ID",
            "Title",
            "Kind",
            "Stage",
            "Owner",
            "Target",
            "Closed, check",
        ],
        rows,
    )
    .into_any()
}

fn finding_list(findings: Vec<report::FindingLine>, empty: &'static str) -> AnyView {
    if findings.is_empty() {
        return view! { <p>{empty}</p> }.into_any();
    }
    view! {
        <ul class="report-findings">
            {findings
                .into_iter()
                .map(|f| {
                    view! {
                        <li>
                            {f.label} " — " {f.finding.report_label()} " (" {f.status.label()} ")"
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

pub(super) fn review_view(wb: &Workbook, fw: &Framework, today: IsoDate) -> AnyView {
    let p = report::review_pack(wb, fw, today);
    let trends = if p.trends.is_empty() {
        view! { <p>"No improvement items yet."</p> }.into_any()
    } else {
        let rows = p
            .trends
            .iter()
            .map(|t| {
                view! {
                    <tr>
                        <th scope="row">{t.month.clone()}</th>
                        <td>{t.raised}</td>
                        <td>{t.closed}</td>
                    </tr>
                }
            })
            .collect_view();
        let kind_rows = p
            .by_kind
            .iter()
            .map(|k| {
                view! {
                    <tr>
                        <th scope="row">{k.kind.label()}</th>
                        {k.stages.iter().map(|n| view! { <td>{*n}</td> }).collect_view()}
                        <td>{k.total}</td>
                    </tr>
                }
            })
            .collect_view();
        let kind_columns: Vec<&'static str> = std::iter::once("Kind")
            .chain(improvement::Stage::ALL.iter().map(|s| s.label()))
            .chain(std::iter::once("Total"))
            .collect();
        view! {
            <div class="report-columns">
                {report_table(
                    "Items raised and closed per month".into(),
                    Some("report-trends"),
                    Some("Raised and closed per month"),
                    &["Month", "Raised", "Closed"],
                    rows,
                )}
                {report_table(
                    "Items by kind and stage".into(),
                    Some("report-kinds"),
                    Some("By kind and stage"),
                    &kind_columns,
                    kind_rows,
                )}
            </div>
        }
        .into_any()
    };
    let services = if p.services.is_empty() {
        view! { <p>"No services are live in the portfolio."</p> }.into_any()
    } else {
        let rows = p
            .services
            .into_iter()
            .map(|s| {
                view! {
                    <tr>
                        <th scope="row">{format!("{} {}", s.id, s.name)}</th>
                        <td>{s.owner}</td>
                        <td>{s.criticality}</td>
                        <td>{s.availability}</td>
                        <td class="text-cell">{s.gaps.join("; ")}</td>
                        <td class="text-cell">
                            {cell_lines(s.open_items)}
                        </td>
                    </tr>
                }
            })
            .collect_view();
        report_table(
            "Live services".into(),
            Some("report-services"),
            None,
            &[
                "Service",
                "Owner",
                "Criticality",
                "Availability target",
                "Gaps in its entry",
                "Open items",
            ],
            rows,
        )
        .into_any()
    };
    let actions = item_table(
        "Actions from previous reviews",
        p.review_actions,
        "No actions from earlier management reviews are in the improvement log.",
    );
    let audits = view! {
        {item_table("Items from audits", p.audit_items, "No items from audits are in the improvement log.")}
        <h3>"Findings recorded against requirements"</h3>
        {finding_list(p.findings, "No audit findings are recorded against requirements.")}
    };
    let nonconformities = view! {
        <h3>"Open"</h3>
        {item_table("Open nonconformities", p.open_nonconformities, "None open.")}
        <h3>"Closed"</h3>
        {item_table("Closed nonconformities", p.closed_nonconformities, "None closed yet.")}
    };
    let opportunities = view! {
        {item_table("Open opportunities", p.opportunities, "No open improvement opportunities.")}
        <h3>"Graded as opportunities by an auditor"</h3>
        {finding_list(p.opportunity_findings, "None recorded.")}
    };
    view! {
        {readiness_figures(&p.readiness)}
        {soft("rev-actions", "Actions from previous reviews", actions)}
        {soft("rev-trends", "Trends in improvement items", trends)}
        {soft("rev-audits", "Audit results", audits)}
        {soft("rev-ncs", "Nonconformities and corrective actions", nonconformities)}
        {soft("rev-services", "Service performance notes", services)}
        {soft("rev-ofi", "Opportunities for improvement", opportunities)}
    }
    .into_any()
}

/// A section of the review's input, set off softly from the next.
fn soft(id: &str, heading: &'static str, body: impl IntoView + 'static) -> impl IntoView {
    report_section("report-section-soft", id.into(), heading, body)
}
