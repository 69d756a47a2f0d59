//! The training sample workbook: valid like an import, and covering every
//! stage, lifecycle part and status a trainer wants to show.

use clausebook_core::assessment::Status;
use clausebook_core::calendar::{IsoDate, Timestamp};
use clausebook_core::file::export;
use clausebook_core::file::schema;
use clausebook_core::framework;
use clausebook_core::improvement::Stage;
use clausebook_core::portfolio::{Lifecycle, Part};
use clausebook_core::sample;

fn at(text: &str) -> Timestamp {
    text.parse().unwrap()
}

fn build() -> clausebook_core::workbook::Workbook {
    sample::workbook(
        at("2026-11-25T09:00:00.000Z"),
        IsoDate::new(2026, 11, 25).unwrap(),
    )
}

#[test]
fn the_sample_survives_export_and_import_unchanged() {
    let wb = build();
    let text = schema::to_export_json(&wb, at("2026-11-25T10:00:00.000Z"));
    let preview =
        export::read_import(text.as_bytes()).expect("the sample passes every import check");
    assert_eq!(preview.envelope.workbook, wb);
    assert_eq!(wb.organisation.name, sample::ORGANISATION);
    assert!(!wb.organisation.scope.is_empty());
}

#[test]
fn every_pdca_stage_has_at_least_two_items() {
    let wb = build();
    for stage in Stage::ALL {
        let n = wb
            .improvements
            .items
            .iter()
            .filter(|i| i.stage == *stage)
            .count();
        assert!(n >= 2, "{stage}: only {n} items");
    }
    let moved = wb.improvements.items.iter().filter(|i| i.history.len() > 1);
    assert!(moved.count() >= 6, "items carry their history");
    for kind in [
        "nonconformity",
        "corrective_action",
        "improvement_opportunity",
    ] {
        assert!(
            wb.improvements.items.iter().any(|i| i.kind.key() == kind),
            "no {kind}"
        );
    }
}

#[test]
fn every_part_of_the_portfolio_has_services_with_dependencies() {
    let wb = build();
    for part in [Part::Pipeline, Part::Catalogue, Part::Retired] {
        assert!(
            wb.portfolio.count(part) >= 2,
            "{part:?} has too few services"
        );
    }
    for status in [
        Lifecycle::Proposed,
        Lifecycle::InTransition,
        Lifecycle::Live,
        Lifecycle::Retiring,
        Lifecycle::Retired,
        Lifecycle::Cancelled,
    ] {
        assert!(
            wb.portfolio.services.iter().any(|s| s.status == status),
            "no service {status}"
        );
    }
    let links: usize = wb
        .portfolio
        .services
        .iter()
        .map(|s| s.depends_on.len())
        .sum();
    assert!(links >= 4);
    assert!(wb.portfolio.find_cycle().is_none());
}

#[test]
fn requirements_are_partly_assessed_in_every_status() {
    let wb = build();
    let fw = framework::iso20000();
    let readiness = clausebook_core::assessment::Readiness::of(fw, &wb.assessments);
    for status in Status::ALL {
        assert!(readiness.count(status) > 0, "no requirement {status:?}");
    }
    assert!(readiness.count(Status::NotAssessed) > readiness.total / 3);
    assert!(!wb.evidence.items.is_empty());
    assert!(
        wb.evidence.items.iter().any(|i| i.requirements.len() > 1),
        "some evidence supports several requirements"
    );
    assert!(!wb.documents.0.is_empty());
    assert!(!wb.gaps(fw, IsoDate::new(2026, 11, 25).unwrap()).is_empty());
}

#[test]
fn the_sample_is_deterministic_and_follows_today() {
    assert_eq!(build(), build());
    let later = sample::workbook(
        at("2027-03-01T09:00:00.000Z"),
        IsoDate::new(2027, 3, 1).unwrap(),
    );
    let target = |wb: &clausebook_core::workbook::Workbook| {
        wb.assessment(&"4.2".into()).target_date.unwrap()
    };
    assert_eq!(target(&build()).to_string(), "2026-12-25");
    assert_eq!(target(&later).to_string(), "2027-03-31");
}

#[test]
fn adding_days_crosses_months_years_and_leap_days() {
    let d = |s: &str| s.parse::<IsoDate>().unwrap();
    assert_eq!(d("2026-12-31").add_days(1), d("2027-01-01"));
    assert_eq!(d("2028-02-28").add_days(1), d("2028-02-29"));
    assert_eq!(d("2026-03-01").add_days(-1), d("2026-02-28"));
    assert_eq!(d("2026-11-25").add_days(-400), d("2025-10-21"));
}
