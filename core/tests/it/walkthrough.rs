//! The guided walk and the clause filters.

use clausebook_core::assessment::{Assessment, Status};
use clausebook_core::framework::{self, Phase};
use clausebook_core::walkthrough::{ClauseFilter, position};
use std::collections::HashMap;

use crate::support::with;

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
    let only = |set: fn(&mut ClauseFilter)| with(set);
    let cases = [
        (
            only(|f| f.status = Some(Status::PartiallyImplemented)),
            true,
            "status",
        ),
        (
            only(|f| f.status = Some(Status::NotAssessed)),
            false,
            "other status",
        ),
        (only(|f| f.owner = "jo".into()), true, "owner"),
        (only(|f| f.owner = "sam".into()), false, "other owner"),
        (only(|f| f.phase = Some(Phase::Do)), true, "phase"),
        (only(|f| f.phase = Some(Phase::Plan)), false, "other phase"),
        (only(|f| f.text = "INITIATION".into()), true, "title"),
        (only(|f| f.text = "8.5".into()), true, "number"),
        (only(|f| f.text = "cab".into()), true, "notes"),
        (only(|f| f.text = "audit".into()), false, "other text"),
        (
            only(|f| {
                f.owner = "sam".into();
                f.phase = Some(Phase::Do);
            }),
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
