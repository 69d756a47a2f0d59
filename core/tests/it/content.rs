//! Issue #22: the content corrections, each checked against the data so the
//! old wording cannot come back unnoticed.

use clausebook_core::calendar::{IsoDate, Timestamp};
use clausebook_core::framework::{self, Phase, RequirementId};
use clausebook_core::ims::ims;
use clausebook_core::portfolio::Part;
use clausebook_core::sample;

fn node(id: &str) -> &'static framework::Node {
    framework::iso20000()
        .node(&RequirementId(id.to_owned()))
        .unwrap_or_else(|| panic!("no clause {id}"))
}

fn guidance(id: &str) -> &'static framework::Guidance {
    framework::iso20000().guidance(&node(id).id)
}

/// Every text of a clause's guidance, joined, for wording checks.
fn guidance_text(id: &str) -> String {
    let g = guidance(id);
    let mut all = vec![g.intro.clone(), g.plain.clone(), g.tip.clone()];
    all.extend(g.evidence.iter().cloned());
    all.extend(g.questions.iter().cloned());
    all.join("\n")
}

/// Correction 1: The PDCA phases follow one named convention: 6 Plan; 7 and 8 Do; 9
/// Check; 10 Act; 4 and 5 frame the cycle. Sub-clauses share their clause's.
#[test]
fn pdca_phases_follow_the_9001_figure_convention() {
    let fw = framework::iso20000();
    let expected = |top: &str| match top {
        "4" | "5" => Phase::Frame,
        "6" => Phase::Plan,
        "7" | "8" => Phase::Do,
        "9" => Phase::Check,
        "10" => Phase::Act,
        other => panic!("unexpected top-level clause {other}"),
    };
    for n in fw.nodes() {
        let top = n.number.split('.').next().unwrap_or_default();
        assert_eq!(n.pdca, expected(top), "clause {} {}", n.number, n.title);
    }
}

#[test]
fn the_pdca_convention_is_named_and_said_not_to_be_the_standards() {
    let fw = framework::iso20000();
    for text in [&fw.pdca_note, &fw.pdca_convention] {
        assert!(text.contains("ISO 9001:2015"), "{text}");
        assert!(text.contains("convention"), "{text}");
    }
    assert!(fw.pdca_note.contains("not part of ISO/IEC 20000-1"));
    assert!(
        fw.pdca_convention.chars().count() <= 110,
        "short enough to sit by a badge"
    );
    // FitSM names its own reading too.
    assert!(!framework::fitsm1().pdca_note.is_empty());
    assert!(!framework::fitsm1().pdca_convention.is_empty());
}

#[test]
fn no_guidance_puts_a_clause_in_another_phase() {
    let fw = framework::iso20000();
    for n in fw.nodes() {
        let text = guidance_text(&n.id.0);
        for phase in [Phase::Plan, Phase::Do, Phase::Check, Phase::Act] {
            let claim = format!("{} stage", phase.label());
            // Guidance may name another phase in passing ("feeds the Check
            // stage"), but not claim to sit in or complete one.
            for verb in [
                "sits in the",
                "belongs to the",
                "completes the",
                "is the",
                "part of the",
            ] {
                let sentence = format!("{verb} {claim}");
                assert!(
                    !text.contains(&sentence) || n.pdca == phase,
                    "clause {} says it {sentence}, but it is {}",
                    n.number,
                    n.pdca.label()
                );
            }
        }
    }
}

/// Correction 2: SLAs include service targets, workload limits and exceptions: not
/// "typically", and not "expected workload".
#[test]
fn slas_cover_targets_workload_limits_and_exceptions() {
    let plain = &guidance("8.3.3").plain;
    assert!(plain.contains("workload limits"), "{plain}");
    assert!(!plain.contains("typically"), "{plain}");
    assert!(!plain.contains("expected workload"), "{plain}");
}

/// Correction 3: The change management policy defines the categories of change,
/// emergency changes among them; the shared schedule is 8.5.1.3's evidence.
#[test]
fn the_change_policy_defines_categories_and_emergency_handling() {
    let policy = guidance_text("8.5.1.1");
    assert!(policy.contains("categories of change"), "{policy}");
    assert!(policy.contains("emergency"), "{policy}");
    let initiation = &guidance("8.5.1.2").evidence;
    assert!(
        !initiation.iter().any(|e| e.contains("change schedule")),
        "{initiation:?}"
    );
    let activities = &guidance("8.5.1.3").evidence;
    assert!(
        activities
            .iter()
            .any(|e| e.contains("change schedule shared with interested parties")),
        "{activities:?}"
    );
}

/// Correction 4: The sample's notes speak of their own requirement.
#[test]
fn sample_notes_are_about_their_own_requirement() {
    let wb = sample::workbook(
        "2026-11-25T09:00:00.000Z".parse::<Timestamp>().unwrap(),
        IsoDate::new(2026, 11, 25).unwrap(),
    );
    let note = |id: &str| {
        wb.assessments
            .get(&RequirementId(id.to_owned()))
            .map(|a| a.notes.to_lowercase())
            .unwrap_or_default()
    };
    let parties = note("8.2.3");
    assert!(!parties.contains("retire"), "8.2.3: {parties}");
    assert!(
        parties.contains("partner"),
        "8.2.3 names a party: {parties}"
    );
    let policy = note("8.7.3.1");
    for off_topic in ["backup", "continuity"] {
        assert!(!policy.contains(off_topic), "8.7.3.1: {policy}");
    }
    assert!(policy.contains("policy"), "8.7.3.1: {policy}");
    // Backups and continuity are 8.7.2's, and the sample says so there.
    assert!(note("8.7.2").contains("backup"));
}

/// Correction 5: ISO/IEC 20000-1 defines no capability scale: the ISO/IEC 33020 levels
/// are an aid to rate process capability.
#[test]
fn the_capability_scale_is_an_assessment_aid_not_the_standards() {
    let scale = &framework::iso20000().capability_scale;
    assert!(scale.name.contains("33020"));
    assert!(
        scale
            .note
            .contains("ISO/IEC 20000-1 defines no capability scale"),
        "{}",
        scale.note
    );
    assert!(scale.note.contains("assessment aid"));
}

/// Correction 6: Pipeline, catalogue and retired are ITIL's parts of a portfolio.
#[test]
fn portfolio_parts_are_labelled_as_itils() {
    assert!(Part::SOURCE.contains("ITIL"));
    assert!(Part::SOURCE.contains("ISO/IEC 20000-1 does not"));
    for part in Part::ALL {
        assert!(part.meaning().starts_with("ITIL's"), "{}", part.meaning());
    }
}

fn mapped(standard: &str, requirement: &str) -> Vec<String> {
    ims()
        .counterparts("iso20000-1-2018", &requirement.into())
        .into_iter()
        .filter(|(o, _)| o.id == standard)
        .flat_map(|(_, clauses)| clauses.into_iter().map(|c| c.number.clone()))
        .collect()
}

/// Correction 7: The mapping keeps its own "by topic" rule.
#[test]
fn the_ims_mapping_is_by_topic_for_6_3_8_2_2_and_8_3_2() {
    for standard in ["iso9001-2015", "iso27001-2022"] {
        assert!(
            !mapped(standard, "6.3").contains(&"6.3".to_owned()),
            "20000-1 6.3 (plan the SMS) is not {standard} 6.3 (planning of changes)"
        );
        assert!(
            mapped(standard, "8.1").contains(&"6.3".to_owned()),
            "planned changes to the system sit with 20000-1 8.1 in {standard}"
        );
    }
    let portfolio = mapped("iso9001-2015", "8.2.2");
    assert!(portfolio.contains(&"8.2".to_owned()), "{portfolio:?}");
    assert!(!portfolio.contains(&"8.3".to_owned()), "{portfolio:?}");
    let relationship = mapped("iso9001-2015", "8.3.2");
    assert!(
        relationship.contains(&"8.2.1".to_owned()),
        "{relationship:?}"
    );
    assert!(
        relationship.contains(&"9.1.2".to_owned()),
        "{relationship:?}"
    );
}

/// Correction 8: Titles that rest on one public source say so in the data.
#[test]
fn single_source_titles_say_so() {
    for id in ["6.2.1", "6.2.2", "10.1", "10.2"] {
        let source = &node(id).title_source;
        assert!(source.contains("one public source"), "{id}: {source:?}");
    }
}
