//! The files the Reports pages export, and the buttons that export them.

use crate::app::AppState;
use crate::platform::browser;
use clausebook_core::calendar::IsoDate;
use clausebook_core::framework::Framework;
use clausebook_core::improvement;
use clausebook_core::portfolio;
use clausebook_core::report::{self, ReportKind};
use clausebook_core::workbook::Workbook;
use leptos::prelude::*;

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
                improvement::csv_file_name(&wb.organisation.name, today),
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
    pub(super) fn for_report(kind: ReportKind) -> &'static [Export] {
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
pub(super) fn ExportButtons(exports: &'static [Export]) -> impl IntoView {
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
