//! Baselines (progress over time), trainer notes, and the schema 4 → 5 migration.

use clausebook_core::assessment::{Capability, CapabilityLevel, Status};
use clausebook_core::baseline::{BaselineId, Direction};
use clausebook_core::file::export::{self, ImportError};
use clausebook_core::file::schema::{self, CURRENT_SCHEMA_VERSION, SchemaError};
use clausebook_core::framework;
use clausebook_core::sample;
use clausebook_core::trainer::TrainerError;
use clausebook_core::validation::ValidationError;
use clausebook_core::workbook::Workbook;
use serde_json::{Value, json};

use crate::support::{at, date};

/// Marks a baseline for `day` in ISO/IEC 20000-1, at ten o'clock on `marked_on`.
fn mark(
    wb: &mut Workbook,
    name: &str,
    day: &str,
    marked_on: &str,
) -> Result<BaselineId, ValidationError> {
    let when = at(&format!("{marked_on}T10:00:00.000Z"));
    wb.mark_baseline(framework::iso20000(), name, date(day), when)
}

fn blank() -> Workbook {
    Workbook::create(
        "Harbour Street IT",
        "",
        framework::iso20000(),
        at("2026-03-01T09:00:00.000Z"),
    )
    .unwrap()
}

fn set(wb: &mut Workbook, id: &str, status: Status) {
    wb.edit_assessment(&id.into(), at("2026-03-02T09:00:00.000Z"), |a| {
        a.status = status
    });
}

fn invalid(v: &Value) -> ValidationError {
    match export::read_import(v.to_string().as_bytes()) {
        Err(ImportError::Schema(SchemaError::Invalid(e))) => e,
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn the_v4_fixture_migrates_to_v5_with_no_baselines_and_unlocked_notes() {
    let text = std::fs::read_to_string("tests/fixtures/workbook-v4.json").unwrap();
    assert!(text.contains("\"schema_version\": 4"));
    let preview = export::read_import(text.as_bytes()).unwrap();
    assert_eq!(preview.envelope.schema_version, CURRENT_SCHEMA_VERSION);
    assert_eq!(CURRENT_SCHEMA_VERSION, 5);
    let wb = preview.envelope.workbook;
    assert!(wb.baselines.is_empty());
    assert!(wb.trainer_notes.is_empty());
    assert!(!wb.trainer_notes.locked);
    // Everything else is exactly what the v4 build wrote: the sample of that day.
    // Nothing else changes: the workbook is the fixture's plus the two empty fields.
    let mut expected: Value = serde_json::from_str::<Value>(&text).unwrap()["workbook"].clone();
    expected["baselines"] = json!([]);
    expected["trainer_notes"] = json!({"locked": false, "notes": {}});
    assert!(
        serde_json::to_value(&wb).unwrap() == expected,
        "migration changed other data"
    );
    assert_eq!(wb.assessments.len(), 27);
    assert_eq!(wb.improvements.items.len(), 10);
}

#[test]
fn a_baseline_freezes_the_state_and_later_edits_do_not_change_it() {
    let fw = framework::iso20000();
    let mut wb = blank();
    set(&mut wb, "4.1", Status::PartiallyImplemented);
    set(&mut wb, "4.2", Status::LargelyImplemented);
    let id = mark(
        &mut wb,
        "  Gap analysis, March ",
        "2026-03-15",
        "2026-03-15",
    )
    .unwrap();
    assert_eq!(id, BaselineId(1));
    assert_eq!(id.to_string(), "BL-0001");
    set(&mut wb, "4.1", Status::FullyImplemented);
    set(&mut wb, "4.2", Status::NotImplemented);
    set(&mut wb, "4.3", Status::PartiallyImplemented);
    let b = wb.baseline(id).unwrap().clone();
    assert_eq!(b.name, "Gap analysis, March");
    assert_eq!(b.snapshot.len(), 2, "only what was recorded is kept");
    assert_eq!(b.get(&"4.1".into()).status, Status::PartiallyImplemented);
    assert_eq!(b.figures.assessed, 2);
    assert_eq!(b.figures.total, fw.leaves().count());

    let changes = wb.compare(fw, &b);
    let of = |id: &str| {
        changes
            .iter()
            .find(|c| c.requirement.0 == id)
            .unwrap()
            .clone()
    };
    assert_eq!(of("4.1").direction, Direction::Improved);
    assert_eq!(of("4.1").then.status, Status::PartiallyImplemented);
    assert_eq!(of("4.1").now.status, Status::FullyImplemented);
    assert_eq!(of("4.2").direction, Direction::Worsened);
    assert_eq!(of("4.3").direction, Direction::Improved);
    assert_eq!(of("4.4").direction, Direction::Unchanged);
    assert_eq!(changes.len(), fw.leaves().count());
}

#[test]
fn capability_counts_when_the_status_is_the_same() {
    let fw = framework::iso20000();
    let mut wb = blank();
    set(&mut wb, "5.1", Status::PartiallyImplemented);
    let b = mark(&mut wb, "Stage 1 audit", "2026-04-01", "2026-04-01").unwrap();
    wb.edit_assessment(&"5.1".into(), at("2026-04-02T10:00:00.000Z"), |a| {
        a.capability = Capability::new(Some(CapabilityLevel::Managed), None).unwrap()
    });
    let b = wb.baseline(b).unwrap().clone();
    let c = wb.compare(fw, &b);
    assert_eq!(
        c.iter()
            .find(|c| c.requirement.0 == "5.1")
            .unwrap()
            .direction,
        Direction::Improved
    );
}

#[test]
fn the_readiness_series_runs_by_date_and_ends_with_now() {
    let fw = framework::iso20000();
    let mut wb = blank();
    set(&mut wb, "4.1", Status::FullyImplemented);
    mark(&mut wb, "Stage 1 audit", "2026-06-01", "2026-06-01").unwrap();
    mark(&mut wb, "Gap analysis", "2026-03-01", "2026-06-01").unwrap();
    set(&mut wb, "4.2", Status::FullyImplemented);
    let series = wb.readiness_series(fw, date("2026-07-01"));
    let labels: Vec<&str> = series.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(labels, ["Gap analysis", "Stage 1 audit", "Now"]);
    assert_eq!(series[0].figures.assessed, 1);
    assert_eq!(series[2].figures.assessed, 2);
    assert!(series[2].figures.ready_percent > series[1].figures.ready_percent);
}

#[test]
fn baselines_need_a_name_and_can_be_deleted() {
    let mut wb = blank();
    assert_eq!(
        mark(&mut wb, "  ", "2026-03-01", "2026-03-01"),
        Err(ValidationError::MissingTitle("baseline".into()))
    );
    assert!(matches!(
        mark(&mut wb, "a\u{7}b", "2026-03-01", "2026-03-01"),
        Err(ValidationError::ControlCharacters(_))
    ));
    let a = mark(&mut wb, "A", "2026-03-01", "2026-03-01").unwrap();
    let b = mark(&mut wb, "B", "2026-03-02", "2026-03-02").unwrap();
    wb.delete_baseline(a, at("2026-03-03T10:00:00.000Z"));
    assert!(wb.baseline(a).is_none());
    assert!(wb.baseline(b).is_some());
    let c = mark(&mut wb, "C", "2026-03-04", "2026-03-04").unwrap();
    assert_eq!(
        c,
        BaselineId(3),
        "ids are not reused while a higher one exists"
    );
}

#[test]
fn trainer_notes_are_editable_only_while_unlocked() {
    let fw = framework::iso20000();
    let mut wb = blank();
    let notes = &mut wb.trainer_notes;
    notes
        .set(
            fw,
            &"4.1".into(),
            "Ask the group for three external issues.",
        )
        .unwrap();
    assert_eq!(
        notes.get(&"4.1".into()),
        Some("Ask the group for three external issues.")
    );
    notes.lock();
    assert_eq!(
        notes.set(fw, &"4.1".into(), "changed"),
        Err(TrainerError::Locked)
    );
    assert_eq!(
        notes.get(&"4.1".into()),
        Some("Ask the group for three external issues.")
    );
    notes.unlock();
    notes.set(fw, &"4.1".into(), "  ").unwrap();
    assert_eq!(notes.get(&"4.1".into()), None);
    assert!(notes.is_empty(), "blank notes are dropped");
    assert!(matches!(
        notes.set(fw, &"4".into(), "clause, not requirement"),
        Err(TrainerError::Invalid(ValidationError::UnknownRequirement(
            _
        )))
    ));
}

#[test]
fn baselines_and_trainer_notes_round_trip_and_are_checked_on_import() {
    let fw = framework::iso20000();
    let mut wb = sample::workbook(at("2026-11-25T09:00:00.000Z"), date("2026-11-25"));
    assert_eq!(
        wb.baselines.len(),
        1,
        "the sample has a gap-analysis baseline"
    );
    wb.trainer_notes
        .set(fw, &"6.1".into(), "Work in pairs.")
        .unwrap();
    wb.trainer_notes.lock();
    let text = schema::to_export_json(&wb, at("2026-11-25T10:00:00.000Z"));
    let back = export::read_import(text.as_bytes())
        .unwrap()
        .envelope
        .workbook;
    assert_eq!(back, wb);
    let good: Value = serde_json::from_str(&text).unwrap();

    let mut v = good.clone();
    let first = v["workbook"]["baselines"][0].clone();
    v["workbook"]["baselines"] = json!([first.clone(), first]);
    assert!(matches!(invalid(&v), ValidationError::DuplicateId(id) if id == "BL-0001"));

    let mut v = good.clone();
    v["workbook"]["baselines"][0]["snapshot"]["12.9"] = json!({"status": "not_implemented"});
    assert!(matches!(invalid(&v), ValidationError::DanglingLink { .. }));

    let mut v = good.clone();
    v["workbook"]["baselines"][0]["name"] = json!("x".repeat(201));
    assert!(matches!(invalid(&v), ValidationError::TooLong { .. }));

    let mut v = good.clone();
    v["workbook"]["baselines"][0]["name"] = json!("bad\u{1b}[31m");
    assert!(matches!(invalid(&v), ValidationError::ControlCharacters(_)));

    let mut v = good.clone();
    v["workbook"]["baselines"][0]["figures"]["ready_percent"] = json!(140);
    assert!(matches!(invalid(&v), ValidationError::Inconsistent(_)));

    let mut v = good.clone();
    v["workbook"]["trainer_notes"]["notes"]["99.1"] = json!("hello");
    assert!(matches!(invalid(&v), ValidationError::DanglingLink { .. }));

    let mut v = good.clone();
    v["workbook"]["trainer_notes"]["notes"]["4.1"] = json!("y".repeat(20_001));
    assert!(matches!(invalid(&v), ValidationError::TooLong { .. }));

    let mut v = good;
    v["workbook"]["trainer_notes"]["notes"]["4.1"] = json!("nul\u{0}");
    assert!(matches!(invalid(&v), ValidationError::ControlCharacters(_)));
}

#[test]
fn the_sample_baseline_shows_progress_and_one_setback() {
    let fw = framework::iso20000();
    let wb = sample::workbook(at("2026-11-25T09:00:00.000Z"), date("2026-11-25"));
    let b = &wb.baselines[0];
    assert_eq!(b.date, date("2026-07-28"));
    let changes = wb.compare(fw, b);
    let count = |d| changes.iter().filter(|c| c.direction == d).count();
    assert!(count(Direction::Improved) > 10);
    assert_eq!(count(Direction::Worsened), 1);
    let series = wb.readiness_series(fw, date("2026-11-25"));
    assert!(series[1].figures.score > series[0].figures.score);
}
