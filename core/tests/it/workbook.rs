//! Workbooks, assessments and readiness scoring.

use clausebook_core::assessment::{Readiness, Status};
use clausebook_core::calendar::IsoDate;
use clausebook_core::framework::{self, RequirementId};
use clausebook_core::validation::ValidationError;
use clausebook_core::workbook::Workbook;

use crate::support::at;

fn workbook() -> Workbook {
    Workbook::create(
        "  Harbour Street IT ",
        "Managed desktops",
        framework::iso20000(),
        at("2026-11-25T10:00:00.000Z"),
    )
    .unwrap()
}

#[test]
fn creating_trims_and_requires_a_name() {
    let wb = workbook();
    assert_eq!(wb.organisation.name, "Harbour Street IT");
    assert_eq!(wb.framework.id.0, "iso20000-1-2018");
    let err = Workbook::create("   ", "", framework::iso20000(), at("2026-11-25T10:00:00Z"));
    assert_eq!(err.unwrap_err(), ValidationError::MissingName);
    let long = "x".repeat(201);
    assert!(matches!(
        Workbook::create(&long, "", framework::iso20000(), at("2026-11-25T10:00:00Z")),
        Err(ValidationError::TooLong { max: 200, .. })
    ));
}

#[test]
fn editing_records_the_change_and_drops_blank_records() {
    let mut wb = workbook();
    let id = RequirementId::from("4.1");
    wb.edit_assessment(&id, at("2026-11-25T11:00:00Z"), |a| {
        a.status = Status::PartiallyImplemented;
        a.notes = "Context workshop held".into();
        a.target_date = Some(IsoDate::new(2027, 3, 31).unwrap());
    });
    let record = wb.assessment(&id);
    assert_eq!(record.status, Status::PartiallyImplemented);
    assert_eq!(wb.updated_at.as_str(), "2026-11-25T11:00:00Z");
    // Clearing everything returns to "not assessed" and stores nothing.
    wb.edit_assessment(&id, at("2026-11-25T12:00:00Z"), |a| *a = Default::default());
    assert!(wb.assessments.is_empty());
}

#[test]
fn readiness_counts_statuses_and_weights_them() {
    let fw = framework::iso20000();
    let mut wb = workbook();
    let now = at("2026-11-25T11:00:00Z");
    let set = |wb: &mut Workbook, id: &str, s: Status| {
        wb.edit_assessment(&id.into(), now.clone(), |a| a.status = s)
    };
    let empty = Readiness::of(fw, &wb.assessments);
    assert_eq!((empty.total, empty.ready_percent, empty.score), (57, 0, 0));
    assert_eq!(empty.count(Status::NotAssessed), 57);

    set(&mut wb, "4.1", Status::FullyImplemented);
    set(&mut wb, "4.2", Status::LargelyImplemented);
    set(&mut wb, "4.3", Status::PartiallyImplemented);
    set(&mut wb, "4.4", Status::NotImplemented);
    let r = Readiness::of(fw, &wb.assessments);
    assert_eq!(r.assessed(), 4);
    assert_eq!(r.count(Status::FullyImplemented), 1);
    // 2 of 57 ready = 3.5% → 4; weights 3+2+1 = 6 of 171 → 3.5% → 4.
    assert_eq!(r.ready_percent, 4);
    assert_eq!(r.score, 4);

    let clause4 = Readiness::of_clause(fw, &"4".into(), &wb.assessments);
    assert_eq!(
        (clause4.total, clause4.ready_percent, clause4.score),
        (4, 50, 50)
    );

    for leaf in fw.leaves() {
        set(&mut wb, &leaf.id.0, Status::FullyImplemented);
    }
    let full = Readiness::of(fw, &wb.assessments);
    assert_eq!((full.ready_percent, full.score), (100, 100));
}

#[test]
fn summary_counts_what_an_import_preview_shows() {
    let fw = framework::iso20000();
    let mut wb = workbook();
    let now = at("2026-11-25T11:00:00Z");
    wb.edit_assessment(&"4.1".into(), now.clone(), |a| {
        a.status = Status::NotImplemented;
        a.owner = "Sam".into();
    });
    wb.edit_assessment(&"9.2".into(), now, |a| {
        a.notes = "Audit plan drafted".into()
    });
    let s = wb.summary(fw);
    assert_eq!(
        (s.assessed, s.with_notes, s.with_owner, s.requirements),
        (1, 1, 1, 57)
    );
    wb.evidence.add("Audit plan", "9.2".into()).unwrap();
    let s = wb.summary(fw);
    assert_eq!((s.evidence, s.improvements, s.services), (1, 0, 0));
}

#[test]
fn status_keys_round_trip() {
    for s in Status::ALL {
        assert_eq!(Status::from_key(s.key()), Some(s));
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(json, format!("\"{}\"", s.key()));
    }
    assert_eq!(Status::from_key("not_applicable"), None);
}

/// Every edit through the workbook's own methods stamps the time it was
/// made; one the domain refuses leaves the workbook's time alone.
#[test]
fn edits_stamp_the_time_of_the_change() {
    use clausebook_core::improvement::{ImprovementId, NewItem, Stage};
    use clausebook_core::portfolio::Portfolio;
    use clausebook_core::workbook::Organisation;
    let fw = framework::iso20000();
    let created = at("2026-11-25T10:00:00.000Z");
    let later = |minute: u32| at(&format!("2026-11-25T11:{minute:02}:00.000Z"));
    let mut wb = workbook();
    assert_eq!(wb.updated_at, created);

    let organisation = Organisation::new(" Harbour Street ", "Desktops").unwrap();
    wb.set_organisation(organisation, later(1));
    assert_eq!(
        (wb.organisation.name.as_str(), &wb.updated_at),
        ("Harbour Street", &later(1))
    );

    let today: IsoDate = "2026-11-25".parse().unwrap();
    let id = wb
        .edit_improvements(later(2), |log| {
            log.raise(NewItem::titled("Patch weekly"), today, later(2))
        })
        .unwrap();
    assert_eq!(wb.updated_at, later(2));
    let refused = wb.edit_improvements(later(3), |log| {
        log.raise(NewItem::titled("   "), today, later(3))
    });
    assert!(refused.is_err());
    assert_eq!(wb.updated_at, later(2), "a refused raise changes nothing");
    assert!(
        wb.edit_improvements(later(3), |log| log.move_item(
            ImprovementId(99),
            Stage::Do,
            today,
            later(3)
        ))
        .is_err()
    );
    assert_eq!(wb.updated_at, later(2));
    assert_eq!(wb.improvements.items[0].id, id);

    let requirement = RequirementId::from("4.1");
    wb.add_evidence("Scope statement", requirement.clone(), later(4))
        .unwrap();
    assert_eq!((wb.evidence.items.len(), &wb.updated_at), (1, &later(4)));
    assert!(wb.add_evidence(" ", requirement.clone(), later(5)).is_err());
    assert_eq!(wb.updated_at, later(4));

    wb.set_portfolio(Portfolio::default(), later(6));
    assert_eq!(wb.updated_at, later(6));

    wb.set_trainer_note(fw, &requirement, "Ask about the scope", later(7))
        .unwrap();
    assert_eq!(wb.updated_at, later(7));
    wb.set_trainer_notes_locked(true, later(8));
    assert_eq!((wb.trainer_notes.locked, &wb.updated_at), (true, &later(8)));
    assert!(
        wb.set_trainer_note(fw, &requirement, "Changed", later(9))
            .is_err(),
        "locked notes refuse an edit"
    );
    assert_eq!(wb.updated_at, later(8));
    wb.set_trainer_notes_locked(false, later(10));
    assert_eq!(
        (wb.trainer_notes.locked, &wb.updated_at),
        (false, &later(10))
    );
}
