//! The Overview's figures.

// Shared with the benchmark, which uses more of it.
#[allow(dead_code)]
use crate::generate;

use clausebook_core::assessment::{Readiness, Status, clause_capability};
use clausebook_core::calendar::{IsoDate, Timestamp};
use clausebook_core::framework::{self, Phase};
use clausebook_core::overview::{LISTED, Overview};
use clausebook_core::sample;

fn today() -> IsoDate {
    IsoDate::new(2026, 11, 26).unwrap()
}

fn created() -> Timestamp {
    "2026-09-01T09:00:00.000Z".parse().unwrap()
}

fn large() -> clausebook_core::workbook::Workbook {
    generate::workbook(
        framework::iso20000(),
        7,
        generate::Size {
            evidence: 60,
            improvements: 400,
            services: 20,
        },
    )
}

#[test]
fn figures_match_the_scoring_they_summarise() {
    let fw = framework::iso20000();
    let wb = sample::workbook(created(), today());
    let o = Overview::of(&wb, fw, today());
    assert_eq!(o.organisation, wb.organisation.name);
    assert_eq!(o.framework_name, fw.name);
    assert_eq!(o.readiness, Readiness::of(fw, &wb.assessments));
    assert_eq!(
        o.count(Status::NotAssessed),
        o.readiness.counts[0],
        "counts follow Status::ALL"
    );
    let next = fw
        .leaves()
        .find(|n| !wb.assessment(&n.id).status.is_assessed())
        .map(|n| n.id.0.clone());
    assert_eq!(o.next_unassessed, next);
    // One row per clause and per phase, with the same figures as the scoring.
    assert_eq!(o.clauses.len(), fw.roots().count());
    for (row, root) in o.clauses.iter().zip(fw.roots()) {
        let r = Readiness::of_clause(fw, &root.id, &wb.assessments);
        assert_eq!(row.title, format!("{} {}", root.number, root.title));
        assert_eq!(row.path, format!("/clauses/{}", root.id));
        assert_eq!((row.assessed, row.total), (r.assessed(), r.total));
        assert_eq!(row.ready_percent, r.ready_percent);
        let (current, _) = clause_capability(fw, &root.id, &wb.assessments);
        let shown = current.map_or("not rated".to_owned(), |v| format!("{v:.1}"));
        assert_eq!(row.current, shown);
    }
    assert_eq!(o.phases.len(), Phase::ALL.len());
    for (row, phase) in o.phases.iter().zip(Phase::ALL) {
        let r = Readiness::of_phase(fw, phase, &wb.assessments);
        assert_eq!(row.key, phase.key());
        assert_eq!((row.assessed, row.total), (r.assessed(), r.total));
    }
    // The radar has a ring per level and a label per clause.
    assert_eq!(o.radar.rings.len(), usize::from(fw.capability_scale.max()));
    assert_eq!(o.radar.labels.len(), fw.roots().count());
    assert_eq!(o.radar.first, "4");
    assert_eq!(o.radar.last, "10");
}

#[test]
fn long_lists_show_the_first_few_and_count_the_rest() {
    let fw = framework::iso20000();
    let wb = large();
    let o = Overview::of(&wb, fw, today());
    let gaps = wb.gaps(fw, today());
    let overdue = wb.improvements.overdue(today());
    assert!(
        gaps.len() > LISTED && overdue.len() > LISTED,
        "the fixture is large enough"
    );
    assert_eq!(o.gaps.len(), LISTED);
    assert_eq!(o.gaps_total, gaps.len());
    assert_eq!(o.overdue.len(), LISTED);
    assert_eq!(o.overdue_total, overdue.len());
    // In the same order as the full lists, linking to each entry.
    assert_eq!(o.gaps[0].path, format!("/clauses/{}", gaps[0].requirement));
    assert!(o.gaps[0].detail.starts_with(" — "), "{}", o.gaps[0].detail);
    let first = overdue[0];
    assert_eq!(o.overdue[0].path, format!("/improvements/{}", first.id));
    assert_eq!(o.overdue[0].link, format!("{} {}", first.id, first.title));
    assert!(
        o.overdue[0]
            .detail
            .contains(&first.target_date.unwrap().to_string()),
        "{}",
        o.overdue[0].detail
    );
}

#[test]
fn a_later_day_can_turn_targets_into_gaps() {
    let fw = framework::iso20000();
    let wb = large();
    let far = IsoDate::new(2100, 1, 1).unwrap();
    let now = Overview::of(&wb, fw, today());
    let later = Overview::of(&wb, fw, far);
    assert!(later.overdue_total >= now.overdue_total);
    assert!(later.gaps_total >= now.gaps_total);
}
