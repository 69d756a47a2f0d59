//! Reports: a page listing them with their exports, and one printable page
//! per report. The data comes from `clausebook_core::report`; this module only lays it out.

use crate::app::{AppState, route};
use crate::platform::browser;
use crate::widgets::{Missing, NoWorkbook, bar, status_badge};
use clausebook_core::assessment::{Readiness, Status};
use clausebook_core::calendar::IsoDate;
use clausebook_core::framework::Framework;
use clausebook_core::improvement;
use clausebook_core::portfolio;
use clausebook_core::report::{self, ItemLine, ReportHeader, ReportKind};
use clausebook_core::workbook::Workbook;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// A file the Reports pages can export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    RequirementsCsv,
    GapMarkdown,
    EvidenceCsv,
    DocumentsCsv,
    ImprovementsCsv,
    ServicesCsv,
    ReviewActionsCsv,
}

impl Export {
    pub const ALL: [Export; 7] = [
        Export::RequirementsCsv,
        Export::GapMarkdown,
        Export::EvidenceCsv,
        Export::DocumentsCsv,
        Export::ImprovementsCsv,
        Export::ServicesCsv,
        Export::ReviewActionsCsv,
    ];

    /// The button's accessible name.
    pub fn label(self) -> &'static str {
        match self {
            Export::RequirementsCsv => "Export gap analysis CSV",
            Export::GapMarkdown => "Export gap analysis Markdown",
            Export::EvidenceCsv => "Export evidence register CSV",
            Export::DocumentsCsv => "Export document checklist CSV",
            Export::ImprovementsCsv => "Export improvement log CSV",
            Export::ServicesCsv => "Export services CSV",
            Export::ReviewActionsCsv => "Export review actions CSV",
        }
    }

    /// File name, content and media type.
    pub fn file(
        self,
        wb: &Workbook,
        fw: &Framework,
        today: IsoDate,
    ) -> (String, String, &'static str) {
        const CSV: &str = "text/csv;charset=utf-8";
        let name = |what: &str, ext: &str| report::file_name(wb, what, today, ext);
        match self {
            Export::RequirementsCsv => (
                name("gap-analysis", "csv"),
                report::requirements_csv(wb, fw, today),
                CSV,
            ),
            Export::GapMarkdown => (
                name("gap-analysis", "md"),
                report::gap_report_markdown(wb, fw, today),
                "text/markdown;charset=utf-8",
            ),
            Export::EvidenceCsv => (
                name("evidence-register", "csv"),
                report::evidence_csv(wb, fw, today),
                CSV,
            ),
            Export::DocumentsCsv => (
                name("document-checklist", "csv"),
                report::documents_csv(wb, fw, today),
                CSV,
            ),
            Export::ImprovementsCsv => (
                improvement::csv_file_name(wb, today),
                wb.improvements.to_csv(today),
                CSV,
            ),
            Export::ServicesCsv => (
                portfolio::csv_file_name(&wb.organisation.name, today),
                wb.portfolio.to_csv(),
                CSV,
            ),
            Export::ReviewActionsCsv => (
                name("review-actions", "csv"),
                report::review_actions_csv(wb, today),
                CSV,
            ),
        }
    }

    /// The exports offered on a report's own page.
    fn for_report(kind: ReportKind) -> &'static [Export] {
        match kind {
            ReportKind::Summary => &[],
            ReportKind::Gaps | ReportKind::Conformity => {
                &[Export::RequirementsCsv, Export::GapMarkdown]
            }
            ReportKind::Evidence => &[Export::EvidenceCsv],
            ReportKind::Documents => &[Export::DocumentsCsv],
            ReportKind::Review => &[Export::ReviewActionsCsv, Export::ImprovementsCsv],
        }
    }
}

/// Export buttons and the line that says how the last export went.
#[component]
fn ExportButtons(exports: &'static [Export]) -> impl IntoView {
    let state = expect_context::<AppState>();
    let message = RwSignal::new(None::<Result<String, String>>);
    let run = move |e: Export| {
        let Some(wb) = state.workbook.get_untracked() else {
            return;
        };
        let (name, text, mime) = e.file(&wb, state.framework(), browser::today());
        message.set(Some(
            browser::download(&name, &text, mime).map(|()| format!("Exported {name}.")),
        ));
    };
    view! {
        <div class="report-exports no-print">
            {exports
                .iter()
                .map(|&e| {
                    view! {
                        <button type="button" on:click=move |_| run(e)>
                            {e.label()}
                        </button>
                    }
                })
                .collect_view()}
            <p class="export-message" role="status">
                {move || match message.get() {
                    Some(Ok(text)) => text,
                    Some(Err(text)) => text,
                    None => String::new(),
                }}
            </p>
        </div>
    }
}

#[component]
pub fn ReportsPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let has_workbook = Memo::new(move |_| state.workbook.with(Option::is_some));
    view! {
        <h1>"Reports"</h1>
        {move || {
            if !has_workbook.get() {
                return view! { <NoWorkbook /> }.into_any();
            }
            view! {
                <p class="lead">
                    "Each report opens as a page you can read here, print, or save as a PDF from the print dialogue (choose A4). Every printed page carries the organisation, the report date and the workbook's version."
                </p>
                <ul class="report-list">
                    {ReportKind::ALL
                        .into_iter()
                        .map(|k| {
                            view! {
                                <li class="card">
                                    <h2>
                                        <A href=route(&format!("/reports/{}", k.slug()))>{k.title()}</A>
                                    </h2>
                                    <p>{k.purpose()}</p>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
                <section class="card" aria-labelledby="exports-title">
                    <h2 id="exports-title">"Exports for spreadsheets and documents"</h2>
                    <p class="hint">
                        "CSV files open in any spreadsheet; cells that a spreadsheet would run as a formula are prefixed with an apostrophe. The Markdown gap report pastes into wikis and tickets."
                    </p>
                    <ExportButtons exports=&Export::ALL />
                </section>
            }
                .into_any()
        }}
    }
}

/// One report, addressed as `/reports/<slug>`.
#[component]
pub fn ReportPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let params = use_params_map();
    let kind = Memo::new(move |_| {
        params
            .read()
            .get("report")
            .and_then(|s| ReportKind::from_slug(&s))
    });
    move || {
        let Some(kind) = kind.get() else {
            return view! {
                <Missing
                    title="No such report"
                    message="There is no report at this address.".to_owned()
                    back_href="/reports"
                    back_text="See all reports"
                />
            }
            .into_any();
        };
        let framework = state.framework();
        let today = browser::today();
        state.workbook.with(|w| match w {
            None => view! {
                <h1>{kind.title()}</h1>
                <NoWorkbook />
            }
            .into_any(),
            Some(wb) => {
                let header = ReportHeader::of(wb, framework, today);
                let body = match kind {
                    ReportKind::Summary => summary_view(wb, framework, today),
                    ReportKind::Gaps => gaps_view(wb, framework, today),
                    ReportKind::Conformity => conformity_view(wb, framework, today),
                    ReportKind::Evidence => evidence_view(wb, framework, today),
                    ReportKind::Documents => documents_view(wb, framework, today),
                    ReportKind::Review => review_view(wb, framework, today),
                };
                view! { <ReportFrame kind header body /> }.into_any()
            }
        })
    }
}

/// The page around a report: toolbar, title block, and the running header
/// and footer that print on every page.
#[component]
fn ReportFrame(kind: ReportKind, header: ReportHeader, body: AnyView) -> impl IntoView {
    let print = move |_| {
        let _ = gloo_utils::window().print();
    };
    let running = format!("{} · {}", header.organisation, kind.title());
    let date = header.date.to_string();
    let version = header.version_line();
    view! {
        <article class=format!("report report-{}", kind.slug())>
            // Fixed elements repeat on every printed page in Chromium; the
            // frame table's empty head and foot rows repeat too and keep the
            // page's content clear of them. On screen both are hidden.
            <div class="report-running-head" aria-hidden="true">
                <span>{running}</span>
                <span>{format!("Report date {date}")}</span>
            </div>
            <div class="report-running-foot" aria-hidden="true">
                <span>{version.clone()}</span>
                <span>"Clausebook · ISO/IEC 20000-1:2018"</span>
            </div>
            <table class="report-frame" role="presentation">
                <thead>
                    <tr>
                        <td></td>
                    </tr>
                </thead>
                <tfoot>
                    <tr>
                        <td></td>
                    </tr>
                </tfoot>
                <tbody>
                    <tr>
                        <td>
                            <div class="report-toolbar no-print">
                                <A href=route("/reports")>"All reports"</A>
                                <button type="button" class="primary" on:click=print>
                                    "Print"
                                </button>
                                <ExportButtons exports=Export::for_report(kind) />
                            </div>
                            <header class="report-head">
                                <p class="report-org">{header.organisation.clone()}</p>
                                <h1>{kind.title()}</h1>
                                <p class="report-meta">
                                    {header.framework.clone()} " · Report date "
                                    <time datetime=date.clone()>{date.clone()}</time> " · "
                                    {version}
                                </p>
                                {(!header.scope.trim().is_empty())
                                    .then(|| {
                                        view! { <p class="report-scope">"Scope: " {header.scope.clone()}</p> }
                                    })}
                            </header>
                            {body}
                            <p class="report-note">
                                "ISO/IEC 20000-1 clause numbers and titles are shown for reference; the requirement text is © ISO and is not reproduced."
                            </p>
                        </td>
                    </tr>
                </tbody>
            </table>
        </article>
    }
}

fn date_text(d: Option<IsoDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// A table in a container that scrolls sideways on narrow screens rather
/// than the page; focusable so keyboard users can scroll it too. Its name
/// differs from the section's so the two landmarks are told apart.
fn scroll(label: String, table: impl IntoView + 'static) -> impl IntoView {
    view! {
        <div
            class="table-scroll report-table"
            role="region"
            aria-label=format!("{label} table")
            tabindex="0"
        >
            {table}
        </div>
    }
}

fn readiness_figures(r: &Readiness) -> impl IntoView + use<> {
    view! {
        <p class="report-figure">
            <strong data-testid="report-ready">{format!("{}%", r.ready_percent)}</strong>
            {format!(
                " of {} requirements at Largely or Fully implemented · weighted score {}/100 · {} of {} assessed",
                r.total,
                r.score,
                r.assessed(),
                r.total,
            )}
        </p>
    }
}

fn summary_view(wb: &Workbook, fw: &Framework, today: IsoDate) -> AnyView {
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
            {scroll(
                "Progress by clause".into(),
                view! {
                    <table class="report-clauses">
                        <thead>
                            <tr>
                                <th scope="col">"Clause"</th>
                                <th scope="col">"Assessed"</th>
                                <th scope="col">"Largely or fully"</th>
                            </tr>
                        </thead>
                        <tbody>{clause_rows}</tbody>
                    </table>
                },
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

fn gaps_view(wb: &Workbook, fw: &Framework, today: IsoDate) -> AnyView {
    let g = report::gap_report(wb, fw, today);
    let sections = g
        .sections
        .into_iter()
        .map(|section| {
            let id = format!("gaps-{}", section.id);
            let labelled_by = id.clone();
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
                                {row.evidence.into_iter().map(|e| view! { <span class="cell-line">{e}</span> }).collect_view()}
                            </td>
                            <td class="text-cell">
                                {row.open_items.into_iter().map(|e| view! { <span class="cell-line">{e}</span> }).collect_view()}
                            </td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <section class="report-section" aria-labelledby=labelled_by>
                    <h2 id=id>{section.label.clone()}</h2>
                    {scroll(
                        section.label,
                        view! {
                            <table class="report-gap-table">
                                <thead>
                                    <tr>
                                        <th scope="col">"Requirement"</th>
                                        <th scope="col">"Status"</th>
                                        <th scope="col">"Capability (now → target)"</th>
                                        <th scope="col">"Finding"</th>
                                        <th scope="col">"Owner, target date"</th>
                                        <th scope="col">"Notes"</th>
                                        <th scope="col">"Evidence"</th>
                                        <th scope="col">"Open items"</th>
                                    </tr>
                                </thead>
                                <tbody>{rows}</tbody>
                            </table>
                        },
                    )}
                </section>
            }
        })
        .collect_view();
    view! {
        {readiness_figures(&g.readiness)}
        {sections}
    }
    .into_any()
}

fn conformity_view(wb: &Workbook, fw: &Framework, today: IsoDate) -> AnyView {
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
            let id = format!("conf-{}", c.id);
            let labelled_by = id.clone();
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
            view! {
                <section class="report-section-soft" aria-labelledby=labelled_by>
                    <h2 id=id>
                        {c.label.clone()} " — "
                        <span class=format!("verdict verdict-{}", c.verdict.key())>{c.verdict.label()}</span>
                    </h2>
                    {scroll(
                        c.label,
                        view! {
                            <table>
                                <thead>
                                    <tr>
                                        <th scope="col">"Requirement"</th>
                                        <th scope="col">"Status"</th>
                                        <th scope="col">"Finding"</th>
                                        <th scope="col">"Evidence items"</th>
                                    </tr>
                                </thead>
                                <tbody>{rows}</tbody>
                            </table>
                        },
                    )}
                </section>
            }
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
        {scroll(
            "Conformity by clause".into(),
            view! {
                <table class="report-verdicts">
                    <caption>"Conformity by clause"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Clause"</th>
                            <th scope="col">"Statement"</th>
                            <th scope="col">"Largely or fully"</th>
                            <th scope="col">"Evidence items"</th>
                            <th scope="col">"Open nonconformities"</th>
                        </tr>
                    </thead>
                    <tbody>{summary_rows}</tbody>
                </table>
            },
        )}
        {details}
    }
    .into_any()
}

fn evidence_view(wb: &Workbook, fw: &Framework, today: IsoDate) -> AnyView {
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
                        {date_text(r.next_review)}
                        {r.review_overdue.then(|| view! { <span class="overdue">" overdue"</span> })}
                    </td>
                    <td>{r.requirements.join(", ")}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="report-figure">{format!("{count} evidence items · {} past their review date", e.overdue)}</p>
        {scroll(
            "Evidence register".into(),
            view! {
                <table class="report-evidence">
                    <thead>
                        <tr>
                            <th scope="col">"ID"</th>
                            <th scope="col">"Title"</th>
                            <th scope="col">"Reference"</th>
                            <th scope="col">"Owner"</th>
                            <th scope="col">"Version"</th>
                            <th scope="col">"Next review"</th>
                            <th scope="col">"Requirements"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            },
        )}
    }
    .into_any()
}

fn documents_view(wb: &Workbook, fw: &Framework, today: IsoDate) -> AnyView {
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
                        {date_text(r.review_date)}
                        {r.review_overdue.then(|| view! { <span class="overdue">" overdue"</span> })}
                    </td>
                    <td class="text-cell">
                        {r.evidence.into_iter().map(|e| view! { <span class="cell-line">{e}</span> }).collect_view()}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="report-figure">
            {format!("{approved} approved · {draft} in draft · {missing} missing")}
        </p>
        {scroll(
            "Document checklist".into(),
            view! {
                <table class="report-documents">
                    <thead>
                        <tr>
                            <th scope="col">"Document"</th>
                            <th scope="col">"Status"</th>
                            <th scope="col">"Owner"</th>
                            <th scope="col">"Review date"</th>
                            <th scope="col">"Evidence"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            },
        )}
    }
    .into_any()
}

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
                        {date_text(i.target_date)}
                        {i.overdue.then(|| view! { <span class="overdue">" overdue"</span> })}
                    </td>
                    <td>{date_text(i.closed_on)} {(!i.effectiveness.is_empty()).then(|| format!(" {}", i.effectiveness))}</td>
                </tr>
            }
        })
        .collect_view();
    scroll(
        label.to_owned(),
        view! {
            <table class="report-items">
                <thead>
                    <tr>
                        <th scope="col">"ID"</th>
                        <th scope="col">"Title"</th>
                        <th scope="col">"Kind"</th>
                        <th scope="col">"Stage"</th>
                        <th scope="col">"Owner"</th>
                        <th scope="col">"Target"</th>
                        <th scope="col">"Closed, check"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        },
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

fn review_view(wb: &Workbook, fw: &Framework, today: IsoDate) -> AnyView {
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
        view! {
            <div class="report-columns">
                {scroll(
                    "Items raised and closed per month".into(),
                    view! {
                        <table class="report-trends">
                            <caption>"Raised and closed per month"</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Month"</th>
                                    <th scope="col">"Raised"</th>
                                    <th scope="col">"Closed"</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    },
                )}
                {scroll(
                    "Items by kind and stage".into(),
                    view! {
                        <table class="report-kinds">
                            <caption>"By kind and stage"</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Kind"</th>
                                    {improvement::Stage::ALL
                                        .iter()
                                        .map(|s| view! { <th scope="col">{s.label()}</th> })
                                        .collect_view()}
                                    <th scope="col">"Total"</th>
                                </tr>
                            </thead>
                            <tbody>{kind_rows}</tbody>
                        </table>
                    },
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
                            {s.open_items.into_iter().map(|e| view! { <span class="cell-line">{e}</span> }).collect_view()}
                        </td>
                    </tr>
                }
            })
            .collect_view();
        scroll(
            "Live services".into(),
            view! {
                <table class="report-services">
                    <thead>
                        <tr>
                            <th scope="col">"Service"</th>
                            <th scope="col">"Owner"</th>
                            <th scope="col">"Criticality"</th>
                            <th scope="col">"Availability target"</th>
                            <th scope="col">"Gaps in its entry"</th>
                            <th scope="col">"Open items"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            },
        )
        .into_any()
    };
    view! {
        {readiness_figures(&p.readiness)}
        <section class="report-section-soft" aria-labelledby="rev-actions">
            <h2 id="rev-actions">"Actions from previous reviews"</h2>
            {item_table(
                "Actions from previous reviews",
                p.review_actions,
                "No actions from earlier management reviews are in the improvement log.",
            )}
        </section>
        <section class="report-section-soft" aria-labelledby="rev-trends">
            <h2 id="rev-trends">"Trends in improvement items"</h2>
            {trends}
        </section>
        <section class="report-section-soft" aria-labelledby="rev-audits">
            <h2 id="rev-audits">"Audit results"</h2>
            {item_table("Items from audits", p.audit_items, "No items from audits are in the improvement log.")}
            <h3>"Findings recorded against requirements"</h3>
            {finding_list(p.findings, "No audit findings are recorded against requirements.")}
        </section>
        <section class="report-section-soft" aria-labelledby="rev-ncs">
            <h2 id="rev-ncs">"Nonconformities and corrective actions"</h2>
            <h3>"Open"</h3>
            {item_table("Open nonconformities", p.open_nonconformities, "None open.")}
            <h3>"Closed"</h3>
            {item_table("Closed nonconformities", p.closed_nonconformities, "None closed yet.")}
        </section>
        <section class="report-section-soft" aria-labelledby="rev-services">
            <h2 id="rev-services">"Service performance notes"</h2>
            {services}
        </section>
        <section class="report-section-soft" aria-labelledby="rev-ofi">
            <h2 id="rev-ofi">"Opportunities for improvement"</h2>
            {item_table("Open opportunities", p.opportunities, "No open improvement opportunities.")}
            <h3>"Graded as opportunities by an auditor"</h3>
            {finding_list(p.opportunity_findings, "None recorded.")}
        </section>
    }
    .into_any()
}
