//! Issue #9: FitSM-1 runs on the same engine as ISO/IEC 20000-1, with its
//! own capability scale, and every page-level helper works on both.

use clausebook_core::assessment::{
    Capability, CapabilityError, CapabilityLevel, Readiness, Status, clause_capability,
};
use clausebook_core::calendar::Timestamp;
use clausebook_core::framework::{self, Framework};
use clausebook_core::validation::ValidationError;
use clausebook_core::walkthrough::{self, ClauseFilter};
use clausebook_core::workbook::Workbook;
use std::collections::HashSet;

fn now() -> Timestamp {
    "2026-11-25T10:00:00.000Z".parse().unwrap()
}

fn workbook(fw: &Framework) -> Workbook {
    Workbook::create("Harbour Street IT", "", fw, now()).unwrap()
}

/// The structural checks every framework must pass.
fn check_structure(fw: &Framework) {
    let mut seen = HashSet::new();
    for node in fw.nodes() {
        assert!(seen.insert(node.id.clone()), "duplicate {}", node.id);
        if let Some(parent) = &node.parent {
            assert!(seen.contains(parent), "{} before its parent", node.id);
            assert!(node.number.starts_with(&format!("{parent}.")));
        }
        assert!(!node.title.trim().is_empty(), "{} has no title", node.id);
    }
    crate::support::assert_in_document_order(fw);
    let per_root: usize = fw.roots().map(|r| fw.leaves_under(&r.id).count()).sum();
    assert_eq!(per_root, fw.leaves().count());
    let scale = &fw.capability_scale;
    for (i, level) in scale.levels.iter().enumerate() {
        assert_eq!(level.level as usize, i);
        assert!(!level.name.is_empty() && !level.meaning.is_empty());
    }
}

#[test]
fn both_frameworks_load_and_pass_the_same_structural_checks() {
    let ids: Vec<&str> = framework::all().iter().map(|f| f.id.0.as_str()).collect();
    assert_eq!(ids, ["iso20000-1-2018", "fitsm-1-3.0"]);
    for fw in framework::all() {
        check_structure(fw);
        assert_eq!(framework::by_id(&fw.id).map(|f| &f.name), Some(&fw.name));
        assert_eq!(framework::by_key(&fw.id.0).map(|f| &f.id), Some(&fw.id));
    }
    let iso = framework::iso20000();
    assert_eq!((iso.nodes().len(), iso.leaves().count()), (77, 57));
    let fitsm = framework::fitsm1();
    assert_eq!(fitsm.roots().count(), 21, "GR1–GR7 and PR1–PR14");
    assert_eq!(fitsm.leaves().count(), 82);
    let roots: Vec<&str> = fitsm.roots().map(|n| n.number.as_str()).collect();
    assert_eq!(&roots[6..9], ["GR7", "PR1", "PR2"]);
    assert_eq!(roots.last(), Some(&"PR14"), "PR10 sorts after PR9, not PR1");
}

#[test]
fn fitsm_requirement_text_is_the_cc_by_transcription_unchanged() {
    let fitsm = framework::fitsm1();
    let source = framework::fitsm();
    for leaf in fitsm.leaves() {
        let (_, item) = source.item(&leaf.id.0).expect("every leaf is a FitSM item");
        assert_eq!(leaf.text, item.text, "{}", leaf.id);
    }
    assert!(fitsm.needs_attribution());
    assert!(fitsm.attribution.contains("ITEMO") && fitsm.attribution.contains("CC BY 4.0"));
    assert!(
        fitsm
            .licence_url
            .contains("creativecommons.org/licenses/by/4.0")
    );
    // ISO requirement text is copyrighted: none is shown, so none to attribute.
    let iso = framework::iso20000();
    assert!(iso.nodes().iter().all(|n| n.text.is_empty()));
    assert!(!iso.needs_attribution());
}

#[test]
fn each_framework_declares_its_capability_scale() {
    let iso = &framework::iso20000().capability_scale;
    assert_eq!(iso.max(), 5);
    assert_eq!(iso.label(5), "5 Innovating");
    let fitsm = &framework::fitsm1().capability_scale;
    assert_eq!(fitsm.max(), 4);
    assert_eq!(fitsm.label(0), "0 Non-existent");
    assert_eq!(fitsm.label(4), "4 Managed");
    assert!(fitsm.level(5).is_none());
}

#[test]
fn a_fitsm_workbook_refuses_capability_above_4() {
    let fitsm = framework::fitsm1();
    let id = "PR12.3".into();
    let mut wb = workbook(fitsm);
    wb.edit_assessment(&id, now(), |a| {
        a.capability = Capability::new(None, Some(CapabilityLevel::Predictable)).unwrap()
    });
    assert_eq!(wb.validate().map(|f| &f.id), Ok(&fitsm.id));
    wb.edit_assessment(&id, now(), |a| {
        a.capability = Capability::new(None, Some(CapabilityLevel::Innovating)).unwrap()
    });
    let err = wb.validate().unwrap_err();
    assert!(
        matches!(&err, ValidationError::Capability { requirement, .. } if requirement == "PR12.3"),
        "{err:?}"
    );
    assert!(err.to_string().contains("from 0 to 4"), "{err}");
    // The same level is fine on the ISO/IEC 33020 scale.
    let mut iso = workbook(framework::iso20000());
    iso.edit_assessment(&"9.3".into(), now(), |a| {
        a.capability = Capability::new(None, Some(CapabilityLevel::Innovating)).unwrap()
    });
    assert!(iso.validate().is_ok());
    assert!(matches!(
        Capability::new(None, Some(CapabilityLevel::Innovating))
            .unwrap()
            .check(&fitsm.capability_scale),
        Err(CapabilityError::AboveScale {
            level: 5,
            max: 4,
            ..
        })
    ));
}

#[test]
fn a_fitsm_workbook_refuses_iso_clause_ids() {
    let mut wb = workbook(framework::fitsm1());
    wb.edit_assessment(&"9.3".into(), now(), |a| {
        a.status = Status::FullyImplemented
    });
    assert_eq!(
        wb.validate().unwrap_err(),
        ValidationError::UnknownRequirement("9.3".into())
    );
}

#[test]
fn page_helpers_work_on_both_frameworks() {
    for fw in framework::all() {
        let leaves: Vec<_> = fw.leaves().map(|n| n.id.clone()).collect();
        let first = walkthrough::position(fw, &leaves[0]).unwrap();
        assert_eq!((first.index, first.total), (1, leaves.len()));
        assert_eq!(first.previous, None);
        assert_eq!(first.next.as_ref(), Some(&leaves[1]));
        let last = walkthrough::position(fw, leaves.last().unwrap()).unwrap();
        assert_eq!(last.next, None);
        let root = fw.roots().next().unwrap();
        assert!(
            walkthrough::position(fw, &root.id).is_none(),
            "a parent is not walked"
        );

        let mut wb = workbook(fw);
        wb.edit_assessment(&leaves[0], now(), |a| {
            a.status = Status::FullyImplemented;
            a.capability = Capability::new(
                Some(CapabilityLevel::Performed),
                Some(CapabilityLevel::Predictable),
            )
            .unwrap();
        });
        assert!(wb.validate().is_ok(), "{}", fw.name);
        let readiness = Readiness::of(fw, &wb.assessments);
        assert_eq!(readiness.total, leaves.len());
        assert_eq!(readiness.count(Status::FullyImplemented), 1);
        let clause = Readiness::of_clause(fw, &root.id, &wb.assessments);
        assert_eq!(clause.count(Status::FullyImplemented), 1);
        let phase = Readiness::of_phase(fw, root.pdca, &wb.assessments);
        assert_eq!(phase.count(Status::FullyImplemented), 1);
        assert_eq!(
            clause_capability(fw, &root.id, &wb.assessments),
            (Some(1.0), Some(4.0))
        );
        assert_eq!(wb.summary(fw).requirements, leaves.len());
    }
}

#[test]
fn fitsm_phases_follow_its_own_pdca_requirements() {
    let fw = framework::fitsm1();
    let phase = |id: &str| fw.node_by_str(id).unwrap().pdca.key();
    assert_eq!(phase("GR4.1"), "plan");
    assert_eq!(phase("GR5.1"), "do");
    assert_eq!(phase("GR6.2"), "check");
    assert_eq!(phase("GR7.1"), "act");
    assert_eq!(phase("PR9.1"), "do");
    assert_eq!(phase("PR14.1"), "act");
}

#[test]
fn the_clause_filter_finds_fitsm_numbers_and_text() {
    let fw = framework::fitsm1();
    let find = |text: &str| -> Vec<String> {
        let filter = ClauseFilter {
            text: text.into(),
            ..ClauseFilter::default()
        };
        fw.leaves()
            .filter(|n| filter.matches(n, &Default::default()))
            .map(|n| n.id.0.clone())
            .collect()
    };
    assert_eq!(find("pr12.4"), ["PR12.4"]);
    assert_eq!(find("post implementation review"), ["PR12.5"]);
}
