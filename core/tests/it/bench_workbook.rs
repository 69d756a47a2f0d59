//! The benchmark's generated workbook is one the app accepts: it passes the
//! same import validation as a file chosen on the Data page.

use crate::generate;

use clausebook_core::file::export;
use clausebook_core::framework;
use clausebook_core::improvement::Stage;
use clausebook_core::portfolio::Lifecycle;

fn small() -> generate::Size {
    generate::Size {
        evidence: 40,
        improvements: 200,
        services: 30,
    }
}

#[test]
fn generated_workbook_passes_import_validation() {
    let fw = framework::iso20000();
    let wb = generate::workbook(fw, 42, small());
    let text = export::export_json(&wb, "2026-11-25T10:00:00.000Z".parse().unwrap());
    let preview = export::read_import(text.as_bytes()).expect("the app imports it");
    assert_eq!(preview.envelope.workbook, wb);
    assert_eq!(preview.summary.assessed, preview.summary.requirements);
    assert_eq!(preview.summary.with_notes, preview.summary.requirements);
    assert_eq!(preview.summary.evidence, 40);
    assert_eq!(preview.summary.improvements, 200);
    assert_eq!(preview.summary.services, 30);
}

#[test]
fn generated_workbook_covers_every_stage_with_history_and_dependencies() {
    let wb = generate::workbook(framework::iso20000(), 42, small());
    for stage in Stage::ALL {
        assert!(
            wb.improvements.items.iter().any(|i| i.stage == *stage),
            "some item in {stage}"
        );
    }
    assert!(wb.improvements.items.iter().any(|i| i.cycle > 1));
    assert!(wb.improvements.items.iter().any(|i| i.history.len() >= 5));
    assert!(
        wb.portfolio
            .services
            .iter()
            .any(|s| !s.depends_on.is_empty())
    );
    assert!(
        wb.portfolio
            .services
            .iter()
            .any(|s| s.status == Lifecycle::Live)
    );
}

#[test]
fn same_seed_same_workbook_other_seed_other_workbook() {
    let fw = framework::iso20000();
    let a = generate::workbook(fw, 42, small());
    assert_eq!(a, generate::workbook(fw, 42, small()));
    assert_ne!(a, generate::workbook(fw, 7, small()));
}

#[test]
fn full_size_is_the_benchmark_size() {
    let full = generate::Size::full();
    assert_eq!(
        (full.evidence, full.improvements, full.services),
        (400, 2_000, 300)
    );
}
