//! Capability levels, findings, evidence links and the checklist.

use clausebook_core::assessment::{
    Capability, CapabilityError, CapabilityLevel, Finding, clause_capability,
};
use clausebook_core::calendar::{IsoDate, Timestamp};
use clausebook_core::evidence::{DocumentChecklist, DocumentStatus, EvidenceId, EvidenceRegister};
use clausebook_core::framework;
use clausebook_core::workbook::Workbook;

#[test]
fn capability_levels_have_iso_33020_names() {
    let scale = &framework::iso20000().capability_scale;
    let names: Vec<&str> = scale.levels.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Incomplete",
            "Performed",
            "Managed",
            "Established",
            "Predictable",
            "Innovating"
        ]
    );
    assert_eq!(
        CapabilityLevel::try_from(3),
        Ok(CapabilityLevel::Established)
    );
    assert!(CapabilityLevel::try_from(6).is_err());
    assert_eq!(scale.label(CapabilityLevel::Managed.number()), "2 Managed");
}

#[test]
fn target_is_never_below_current() {
    let c = Capability::new(
        Some(CapabilityLevel::Performed),
        Some(CapabilityLevel::Established),
    )
    .unwrap();
    assert_eq!(c.gap(), Some(2));
    assert!(matches!(
        c.with_current(Some(CapabilityLevel::Predictable)),
        Err(CapabilityError::TargetBelowCurrent { .. })
    ));
    assert!(matches!(
        c.with_target(Some(CapabilityLevel::Incomplete)),
        Err(CapabilityError::TargetBelowCurrent { .. })
    ));
    // Either side unset: any value is fine, and there is no gap yet.
    let only_target = Capability::default()
        .with_target(Some(CapabilityLevel::Managed))
        .unwrap();
    assert_eq!(only_target.gap(), None);
    let err = c
        .with_target(Some(CapabilityLevel::Incomplete))
        .unwrap_err();
    assert!(err.to_string().contains("cannot be below"), "{err}");
}

#[test]
fn clause_capability_averages_what_is_set() {
    let fw = framework::iso20000();
    let now: Timestamp = "2026-11-25T10:00:00Z".parse().unwrap();
    let mut wb = Workbook::create("Org", "", fw, now.clone()).unwrap();
    let set = |wb: &mut Workbook, id: &str, c: u8, t: u8| {
        wb.edit_assessment(&id.into(), now.clone(), |a| {
            a.capability = Capability::new(
                CapabilityLevel::try_from(c).ok(),
                CapabilityLevel::try_from(t).ok(),
            )
            .unwrap()
        })
    };
    assert_eq!(
        clause_capability(fw, &"4".into(), &wb.assessments),
        (None, None)
    );
    set(&mut wb, "4.1", 1, 3);
    set(&mut wb, "4.2", 2, 4);
    assert_eq!(
        clause_capability(fw, &"4".into(), &wb.assessments),
        (Some(1.5), Some(3.5))
    );
    assert_eq!(
        clause_capability(fw, &"5".into(), &wb.assessments),
        (None, None)
    );
}

#[test]
fn findings_round_trip_their_keys() {
    for f in Finding::ALL {
        assert_eq!(Finding::from_key(f.key()), Some(f));
    }
    assert_eq!(Finding::MajorNonconformity.label(), "Major nonconformity");
}

#[test]
fn one_evidence_item_serves_several_requirements() {
    let mut register = EvidenceRegister::default();
    let mut docs = DocumentChecklist::default();
    let id = register
        .add("  Change policy v2 ", "8.5.1.1".into())
        .unwrap();
    assert_eq!(id, EvidenceId(1));
    assert_eq!(register.get(id).unwrap().title, "Change policy v2");
    register.link(id, &"8.5.1.3".into());
    register.link(id, &"8.5.1.3".into());
    assert_eq!(register.get(id).unwrap().requirements.len(), 2);
    assert_eq!(register.for_requirement(&"8.5.1.3".into()).count(), 1);
    register.unlink(id, &"8.5.1.1".into());
    assert_eq!(register.for_requirement(&"8.5.1.1".into()).count(), 0);
    assert!(register.get(id).is_some(), "unlinking keeps the item");

    docs.edit("change-policy", |d| {
        d.status = DocumentStatus::Approved;
        d.evidence.push(id);
    });
    let second = register.add("Release checklist", "8.5.3".into()).unwrap();
    assert_eq!(second, EvidenceId(2));
    register.delete(id, &mut docs);
    assert!(register.get(id).is_none());
    assert!(
        docs.record("change-policy").evidence.is_empty(),
        "checklist links go too"
    );
    assert!(register.add("   ", "8.5.3".into()).is_err());
}

#[test]
fn evidence_past_review_is_overdue() {
    let mut register = EvidenceRegister::default();
    let a = register.add("Old audit plan", "9.2".into()).unwrap();
    let b = register.add("New audit plan", "9.2".into()).unwrap();
    register.get_mut(a).unwrap().next_review = Some(IsoDate::new(2026, 1, 31).unwrap());
    register.get_mut(b).unwrap().next_review = Some(IsoDate::new(2027, 1, 31).unwrap());
    let today = IsoDate::new(2026, 11, 25).unwrap();
    let overdue: Vec<EvidenceId> = register.overdue(today).map(|i| i.id).collect();
    assert_eq!(overdue, [a]);
}

#[test]
fn blank_checklist_records_are_dropped() {
    let mut docs = DocumentChecklist::default();
    docs.edit("scope", |d| d.status = DocumentStatus::Draft);
    assert_eq!(docs.0.len(), 1);
    docs.edit("scope", |d| d.status = DocumentStatus::Missing);
    assert!(docs.0.is_empty());
}

#[test]
fn gaps_list_majors_missing_overdue_and_stale_evidence() {
    use clausebook_core::assessment::Status;
    use clausebook_core::workbook::GapReason;
    let fw = framework::iso20000();
    let now: Timestamp = "2026-11-25T10:00:00Z".parse().unwrap();
    let today = IsoDate::new(2026, 11, 25).unwrap();
    let mut wb = Workbook::create("Org", "", fw, now.clone()).unwrap();
    assert!(wb.gaps(fw, today).is_empty());
    wb.edit_assessment(&"4.1".into(), now.clone(), |a| {
        a.status = Status::NotImplemented
    });
    wb.edit_assessment(&"9.2".into(), now.clone(), |a| {
        a.finding = Finding::MajorNonconformity;
        a.status = Status::PartiallyImplemented;
        a.target_date = Some(IsoDate::new(2026, 10, 1).unwrap());
    });
    // Overdue but fully implemented: not a gap.
    wb.edit_assessment(&"9.3".into(), now.clone(), |a| {
        a.status = Status::FullyImplemented;
        a.target_date = Some(IsoDate::new(2026, 1, 1).unwrap());
    });
    let ev = wb.evidence.add("Audit programme", "9.2".into()).unwrap();
    wb.evidence.get_mut(ev).unwrap().next_review = Some(IsoDate::new(2026, 11, 24).unwrap());
    let reasons: Vec<(String, GapReason)> = wb
        .gaps(fw, today)
        .into_iter()
        .map(|g| (g.requirement.0, g.reason))
        .collect();
    assert_eq!(
        reasons,
        vec![
            ("4.1".into(), GapReason::NotImplemented),
            ("9.2".into(), GapReason::MajorNonconformity),
            (
                "9.2".into(),
                GapReason::Overdue(IsoDate::new(2026, 10, 1).unwrap())
            ),
            (
                "9.2".into(),
                GapReason::EvidenceReviewDue {
                    evidence: ev,
                    title: "Audit programme".into()
                }
            ),
        ]
    );
}
