//! The guided walk and the clause filters.

use clausebook_core::assessment::{Assessment, Status};
use clausebook_core::framework::{self, Phase};
use clausebook_core::walkthrough::{ClauseFilter, position};
use std::collections::HashMap;

#[test]
fn the_walk_goes_from_4_1_to_10_2() {
    let fw = framework::iso20000();
    let first = position(fw, &"4.1".into()).unwrap();
    assert_eq!((first.index, first.total), (1, 57));
    assert_eq!(first.previous, None);
    assert_eq!(first.next, Some("4.2".into()));
    let mid = position(fw, &"8.5.1.3".into()).unwrap();
    assert_eq!(mid.previous, Some("8.5.1.2".into()));
    assert_eq!(mid.next, Some("8.5.2.1".into()), "skips the parent 8.5.2");
    let last = position(fw, &"10.2".into()).unwrap();
    assert_eq!((last.index, last.next), (57, None));
    assert_eq!(
        position(fw, &"8.5".into()),
        None,
        "parents are not in the walk"
    );
}

#[test]
fn filters_combine() {
    let fw = framework::iso20000();
    let node = fw.node_by_str("8.5.1.2").unwrap();
    let record = Assessment {
        status: Status::PartiallyImplemented,
        owner: "Jo Bloggs".into(),
        notes: "CAB meets weekly".into(),
        ..Default::default()
    };
    let all = ClauseFilter::default();
    assert!(all.is_empty() && all.matches(node, &record));
    let status = |s| ClauseFilter {
        status: Some(s),
        ..Default::default()
    };
    let owner = |o: &str| ClauseFilter {
        owner: o.into(),
        ..Default::default()
    };
    let phase = |p| ClauseFilter {
        phase: Some(p),
        ..Default::default()
    };
    let text = |t: &str| ClauseFilter {
        text: t.into(),
        ..Default::default()
    };
    let cases = [
        (status(Status::PartiallyImplemented), true, "status"),
        (status(Status::NotAssessed), false, "other status"),
        (owner("jo"), true, "owner"),
        (owner("sam"), false, "other owner"),
        (phase(Phase::Do), true, "phase"),
        (phase(Phase::Plan), false, "other phase"),
        (text("INITIATION"), true, "title"),
        (text("8.5"), true, "number"),
        (text("cab"), true, "notes"),
        (text("audit"), false, "other text"),
        (
            ClauseFilter {
                owner: "sam".into(),
                ..phase(Phase::Do)
            },
            false,
            "every field must match",
        ),
    ];
    for (filter, matches, what) in cases {
        assert_eq!(filter.matches(node, &record), matches, "{what}");
    }
}

#[test]
fn filters_round_trip_through_the_url() {
    let filter = ClauseFilter {
        status: Some(Status::LargelyImplemented),
        owner: "Sam & Co".into(),
        phase: Some(Phase::Check),
        text: "audit".into(),
    };
    let pairs: HashMap<&str, String> = filter.to_query().into_iter().collect();
    let back = ClauseFilter::from_query(|k| pairs.get(k).cloned());
    assert_eq!(back, filter);
    let junk =
        ClauseFilter::from_query(|k| (k == "status" || k == "phase").then(|| "bogus".into()));
    assert!(junk.is_empty(), "unknown values are ignored, not errors");
}
