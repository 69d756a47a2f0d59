//! Issue #9: the ISO 9001 / ISO/IEC 27001 outlines and the topic mapping
//! from ISO/IEC 20000-1 to them.

use clausebook_core::framework::{self, RequirementId};
use clausebook_core::ims::{Ims, ImsError, ims};
use std::collections::HashSet;

const ISO_9001: &str = include_str!("../../src/framework/iso9001-2015-outline.json");
const ISO_27001: &str = include_str!("../../src/framework/iso27001-2022-outline.json");
const MAPPING: &str = include_str!("../../src/framework/ims-mapping.json");

/// The ISO/IEC 20000-1 requirements that come from the common Annex SL text
/// every management system standard shares. (20000-1 6.3 "Plan the service
/// management system" is its own, not the common "Planning of changes".)
const ANNEX_SL_COMMON: [&str; 24] = [
    "4.1", "4.2", "4.3", "4.4", "5.1", "5.2.1", "5.2.2", "5.3", "6.1", "6.2.1", "6.2.2", "7.1",
    "7.2", "7.3", "7.4", "7.5.1", "7.5.2", "7.5.3", "8.1", "9.1", "9.2", "9.3", "10.1", "10.2",
];

fn numbers(standard: &str, requirement: &str) -> Vec<String> {
    ims()
        .counterparts("iso20000-1-2018", &requirement.into())
        .into_iter()
        .filter(|(o, _)| o.id == standard)
        .flat_map(|(_, clauses)| clauses.into_iter().map(|c| c.number.clone()))
        .collect()
}

#[test]
fn every_mapped_id_exists_on_both_sides() {
    let iso = framework::iso20000();
    let data = ims();
    assert_eq!(data.mapping.from, iso.id.0);
    assert!(!data.links().is_empty());
    for link in data.links() {
        assert!(
            iso.is_leaf(&link.requirement),
            "{} is not an ISO/IEC 20000-1 requirement",
            link.requirement
        );
        assert!(
            !link.iso9001.is_empty() || !link.iso27001.is_empty(),
            "{} maps to nothing",
            link.requirement
        );
        for n in &link.iso9001 {
            assert!(data.iso9001.clause(n).is_some(), "9001 {n}");
        }
        for n in &link.iso27001 {
            assert!(data.iso27001.clause(n).is_some(), "27001 {n}");
        }
    }
    // And the outlines hold nothing the mapping never uses, except the
    // clause headings that group it.
    for outline in data.outlines() {
        let used: HashSet<String> = data.served_by(&outline.id).into_keys().collect();
        for clause in outline.clauses() {
            let heading = outline
                .clauses()
                .iter()
                .any(|c| c.number.starts_with(&format!("{}.", clause.number)));
            // ISO 9001 10.1 "General" is kept to show why clause 10 is
            // numbered differently there.
            let context = outline.id == "iso9001-2015" && clause.number == "10.1";
            assert!(
                used.contains(&clause.number) || heading || context,
                "{} {} is listed but never mapped",
                outline.name,
                clause.number
            );
        }
    }
}

#[test]
fn every_annex_sl_common_requirement_has_both_counterparts() {
    for id in ANNEX_SL_COMMON {
        assert!(!numbers("iso9001-2015", id).is_empty(), "{id}: no ISO 9001");
        assert!(!numbers("iso27001-2022", id).is_empty(), "{id}: no 27001");
    }
    let unique: HashSet<_> = ANNEX_SL_COMMON.iter().collect();
    assert_eq!(unique.len(), ANNEX_SL_COMMON.len());
}

#[test]
fn clause_10_is_mapped_by_topic_not_by_number() {
    // 20000-1 10.1 is nonconformity and corrective action: ISO 9001:2015
    // puts that in 10.2 (10.1 is "General"), and ISO/IEC 27001:2022 swapped
    // its 10.1 and 10.2 relative to the 2013 edition.
    assert_eq!(numbers("iso9001-2015", "10.1"), ["10.2"]);
    assert_eq!(numbers("iso27001-2022", "10.1"), ["10.2"]);
    // 20000-1 10.2 is continual improvement: 9001 10.3, 27001:2022 10.1.
    assert_eq!(numbers("iso9001-2015", "10.2"), ["10.3"]);
    assert_eq!(numbers("iso27001-2022", "10.2"), ["10.1"]);
    // Where the same topic sits under the same number, the titles agree.
    let data = ims();
    let iso = framework::iso20000();
    assert_eq!(
        data.iso27001.clause("10.2").map(|c| &c.title),
        iso.node_by_str("10.1").map(|n| &n.title)
    );
    assert_eq!(
        data.iso9001.clause("10.2").map(|c| &c.title),
        iso.node_by_str("10.1").map(|n| &n.title)
    );
}

#[test]
fn most_operational_clauses_have_no_27001_counterpart() {
    let iso = framework::iso20000();
    let under_8: Vec<RequirementId> = iso
        .leaves_under(&"8".into())
        .map(|n| n.id.clone())
        .collect();
    let with_27001: Vec<&str> = under_8
        .iter()
        .map(|id| id.0.as_str())
        .filter(|id| !numbers("iso27001-2022", id).is_empty())
        .collect();
    // Operational planning and control, and information security.
    assert_eq!(with_27001, ["8.1", "8.7.3.1", "8.7.3.2"]);
    assert!(numbers("iso27001-2022", "8.7.3.2").contains(&"6.1.2".to_owned()));
}

#[test]
fn only_iso_20000_requirements_have_counterparts() {
    assert!(ims().counterparts("fitsm-1-3.0", &"9.3".into()).is_empty());
    assert!(
        ims()
            .counterparts("iso20000-1-2018", &"8.6.1".into())
            .is_empty()
    );
    let both = ims().counterparts("iso20000-1-2018", &"9.3".into());
    let names: Vec<&str> = both.iter().map(|(o, _)| o.name.as_str()).collect();
    assert_eq!(names, ["ISO 9001:2015", "ISO/IEC 27001:2022"]);
}

/// The mapping with the first `from` replaced by `to`.
fn edited(from: &str, to: &str) -> String {
    let text = MAPPING.replacen(from, to, 1);
    assert_ne!(text, MAPPING, "the fixture edit must apply");
    text
}

#[test]
fn broken_mappings_are_refused_with_the_reason() {
    assert!(Ims::from_json(ISO_9001, ISO_27001, MAPPING).is_ok());
    // Where the fixture's first list of ISO/IEC 27001 counterparts begins.
    let list = "\"iso27001-2022\": [\n    ";
    let refused =
        |from: String, to: String| Ims::from_json(ISO_9001, ISO_27001, &edited(&from, &to)).err();
    let unknown = refused(format!("{list}\"9.3\""), format!("{list}\"9.9\""));
    assert!(matches!(unknown, Some(ImsError::UnknownCounterpart { .. })));
    let twice = refused(
        format!("{list}\"6.1.2\","),
        format!("{list}\"6.1.2\",\n    \"6.1.2\","),
    );
    assert!(matches!(twice, Some(ImsError::DuplicatePair { .. })));
    let repeated = refused(
        "\"requirement\": \"4.2\"".into(),
        "\"requirement\": \"4.1\"".into(),
    );
    assert!(matches!(repeated, Some(ImsError::DuplicateRequirement(id)) if id == "4.1"));
}

#[test]
fn no_outline_title_is_written_in_rust_code() {
    let mut sources = String::new();
    for path in crate::support::files_under("src") {
        if path.extension().is_some_and(|e| e == "rs") {
            sources.push_str(&std::fs::read_to_string(&path).unwrap());
        }
    }
    // Shared with the improvement log's vocabulary (see tests/framework.rs).
    const ALSO_VOCABULARY: [&str; 2] = ["Internal audit", "Management review"];
    // (FitSM's short titles are Clausebook's own words, so only ISO's count.)
    let titles = ims()
        .outlines()
        .into_iter()
        .flat_map(|o| o.clauses().iter().map(|c| c.title.clone()));
    for title in titles.filter(|t| t.len() > 12 && !ALSO_VOCABULARY.contains(&t.as_str())) {
        assert!(!sources.contains(&title), "“{title}” appears in Rust code");
    }
}
