//! The compiled-in framework definition, and the checks that guard any definition.

use clausebook_core::framework::{self, Framework, FrameworkError, compare_numbers};
use std::cmp::Ordering;
use std::collections::HashSet;

#[test]
fn iso20000_has_clauses_4_to_10_and_57_requirements() {
    let fw = framework::iso20000();
    let roots: Vec<&str> = fw.roots().map(|n| n.number.as_str()).collect();
    assert_eq!(roots, ["4", "5", "6", "7", "8", "9", "10"]);
    assert_eq!(fw.nodes().len(), 77);
    assert_eq!(fw.leaves().count(), 57);
    assert!(!fw.allows_exclusions);
}

#[test]
fn ids_are_unique_and_parents_exist_before_children() {
    let fw = framework::iso20000();
    let mut seen = HashSet::new();
    for node in fw.nodes() {
        assert!(seen.insert(node.id.clone()), "duplicate {}", node.id);
        if let Some(parent) = &node.parent {
            assert!(
                seen.contains(parent),
                "{} before its parent {parent}",
                node.id
            );
        }
    }
}

#[test]
fn numbering_is_in_document_order() {
    let fw = framework::iso20000();
    crate::support::assert_in_document_order(fw);
}

#[test]
fn tree_queries_agree() {
    let fw = framework::iso20000();
    let id = "8.5.1.2".into();
    let ancestors: Vec<&str> = fw.ancestors(&id).map(|n| n.number.as_str()).collect();
    assert_eq!(ancestors, ["8.5.1", "8.5", "8"]);
    assert!(fw.is_leaf(&id));
    assert!(!fw.is_leaf(&"8.5.1".into()));
    assert!(!fw.is_leaf(&"99".into()));
    let under_8_5: Vec<&str> = fw
        .leaves_under(&"8.5".into())
        .map(|n| n.number.as_str())
        .collect();
    assert_eq!(
        under_8_5,
        [
            "8.5.1.1", "8.5.1.2", "8.5.1.3", "8.5.2.1", "8.5.2.2", "8.5.2.3", "8.5.3"
        ]
    );
    let per_root: usize = fw.roots().map(|r| fw.leaves_under(&r.id).count()).sum();
    assert_eq!(per_root, 57);
}

#[test]
fn numbers_compare_numerically() {
    assert_eq!(compare_numbers("9", "10"), Ordering::Less);
    assert_eq!(compare_numbers("8.5", "8.5.1"), Ordering::Less);
    assert_eq!(compare_numbers("8.10", "8.9"), Ordering::Greater);
    assert_eq!(compare_numbers("GR1.2", "GR1.10"), Ordering::Less);
}

fn definition(nodes: &str) -> String {
    format!(
        r#"{{"id":"t","version":"1","name":"T","allows_exclusions":true,"capability_scale":{SCALE},"nodes":[{nodes}]}}"#
    )
}

const SCALE: &str = r#"{"name":"S","levels":[{"level":0,"name":"Zero","meaning":"z"},{"level":1,"name":"One","meaning":"o"}]}"#;

fn with_scale(levels: &str) -> String {
    format!(
        r#"{{"id":"t","version":"1","name":"T","allows_exclusions":true,"capability_scale":{{"name":"S","levels":[{levels}]}},"nodes":[{}]}}"#,
        node("1", None)
    )
}

fn node(id: &str, parent: Option<&str>) -> String {
    let parent = parent.map_or("null".to_owned(), |p| format!("\"{p}\""));
    format!(r#"{{"id":"{id}","number":"{id}","title":"T {id}","parent":{parent},"pdca":"plan"}}"#)
}

#[test]
fn a_small_other_framework_walks_the_same_engine() {
    let text = definition(&[node("1", None), node("1.1", Some("1")), node("2", None)].join(","));
    let fw = Framework::from_json(&text).unwrap();
    let leaves: Vec<&str> = fw.leaves().map(|n| n.number.as_str()).collect();
    assert_eq!(leaves, ["1.1", "2"]);
    assert!(fw.allows_exclusions);
}

#[test]
fn broken_definitions_are_refused_with_the_reason() {
    let dup = definition(&[node("1", None), node("1", None)].join(","));
    assert_eq!(
        Framework::from_json(&dup).unwrap_err(),
        FrameworkError::DuplicateId("1".into())
    );
    let orphan = definition(&node("1.1", Some("1")));
    assert!(matches!(
        Framework::from_json(&orphan),
        Err(FrameworkError::MissingParent { .. })
    ));
    let order = definition(&[node("2", None), node("1", None)].join(","));
    assert!(matches!(
        Framework::from_json(&order),
        Err(FrameworkError::OutOfOrder { .. })
    ));
    let misnumbered = definition(&[node("1", None), node("2.1", Some("1"))].join(","));
    assert!(matches!(
        Framework::from_json(&misnumbered),
        Err(FrameworkError::NumberNotUnderParent { .. })
    ));
    assert_eq!(
        Framework::from_json(&definition("")).unwrap_err(),
        FrameworkError::Empty
    );
    assert!(matches!(
        Framework::from_json("{"),
        Err(FrameworkError::Json(_))
    ));
    // A scale must count 0, 1, 2 … without gaps.
    let gap = with_scale(
        r#"{"level":0,"name":"Zero","meaning":"z"},{"level":2,"name":"Two","meaning":"t"}"#,
    );
    assert_eq!(
        Framework::from_json(&gap).unwrap_err(),
        FrameworkError::BadScale
    );
    assert_eq!(
        Framework::from_json(&with_scale("")).unwrap_err(),
        FrameworkError::BadScale
    );
}

#[test]
fn no_clause_title_is_written_in_rust_code() {
    // The structure is data: titles live in the JSON definition only.
    let fw = framework::iso20000();
    let mut sources = String::new();
    for entry in crate::support::files_under("src") {
        if entry.extension().is_some_and(|e| e == "rs") {
            sources.push_str(&std::fs::read_to_string(&entry).unwrap());
        }
    }
    // Words that are also the improvement log's sources and kinds (issue #5:
    // an item comes from an internal audit or a management review). They
    // name where an item came from, not the clause, so they may appear.
    const ALSO_VOCABULARY: [&str; 2] = ["Internal audit", "Management review"];
    for node in fw
        .nodes()
        .iter()
        .filter(|n| n.title.len() > 12 && !ALSO_VOCABULARY.contains(&n.title.as_str()))
    {
        assert!(
            !sources.contains(&node.title),
            "title of {} appears in Rust code",
            node.number
        );
    }
}
