//! The guidance content: complete for every requirement, linked, and in our own words.

use clausebook_core::framework::{self, Node};

fn is_leaf(node: &Node) -> bool {
    framework::iso20000().is_leaf(&node.id)
}

#[test]
fn every_requirement_has_every_part() {
    let fw = framework::iso20000();
    for node in fw.nodes().iter().filter(|n| is_leaf(n)) {
        let g = fw.guidance(&node.id);
        let id = &node.number;
        assert!(
            g.plain.split(". ").count() >= 2,
            "{id}: plain words too short"
        );
        assert!((3..=6).contains(&g.evidence.len()), "{id}: evidence count");
        assert!((3..=5).contains(&g.questions.len()), "{id}: question count");
        assert!(
            g.questions.iter().all(|q| q.trim_end().ends_with('?')),
            "{id}: questions"
        );
        assert!(g.tip.len() > 40, "{id}: tip");
        assert!(!g.related.is_empty(), "{id}: related");
        assert!(
            g.evidence.iter().all(|e| !e.trim().is_empty()),
            "{id}: blank evidence"
        );
    }
}

/// The guidance lives in a file of its own: every entry belongs to a clause.
#[test]
fn all_guidance_belongs_to_a_clause() {
    let fw = framework::iso20000();
    let with_guidance = fw
        .nodes()
        .iter()
        .filter(|n| *fw.guidance(&n.id) != Default::default())
        .count();
    // Every clause and requirement has guidance, and the file has no other entries.
    assert_eq!(with_guidance, fw.nodes().len());
    let file: std::collections::HashMap<String, serde_json::Value> = serde_json::from_str(
        include_str!("../../src/framework/iso20000-1-2018.guidance.json"),
    )
    .unwrap();
    assert_eq!(file.len(), fw.nodes().len());
    for id in file.keys() {
        assert!(
            fw.node_by_str(id).is_some(),
            "guidance for unknown clause {id}"
        );
    }
    // FitSM-1 shows its own text and has none of ours.
    let fitsm = framework::fitsm1();
    assert!(
        fitsm
            .nodes()
            .iter()
            .all(|n| *fitsm.guidance(&n.id) == Default::default())
    );
}

#[test]
fn every_parent_clause_has_an_introduction() {
    let fw = framework::iso20000();
    for node in fw.nodes().iter().filter(|n| !is_leaf(n)) {
        assert!(
            fw.guidance(&node.id).intro.len() > 80,
            "{}: intro",
            node.number
        );
    }
}

#[test]
fn every_link_resolves() {
    let fw = framework::iso20000();
    let fitsm = framework::fitsm();
    let mut fitsm_links = 0;
    for node in fw.nodes() {
        let g = fw.guidance(&node.id);
        for r in &g.related {
            assert!(
                fw.is_leaf(r),
                "{}: related {r} is not a requirement",
                node.number
            );
            assert_ne!(r, &node.id, "{} links to itself", node.number);
        }
        for d in &g.documents {
            assert!(fw.document(d).is_some(), "{}: document {d}", node.number);
        }
        for f in &g.fitsm {
            assert!(fitsm.item(f).is_some(), "{}: FitSM {f}", node.number);
            fitsm_links += 1;
        }
    }
    assert!(fitsm_links > 50, "FitSM mapping is mostly missing");
    assert!(fitsm.attribution.contains("CC BY 4.0"));
}

#[test]
fn no_text_uses_requirement_phrasing() {
    let fw = framework::iso20000();
    for node in fw.nodes() {
        let g = fw.guidance(&node.id);
        let texts = [&g.intro, &g.plain, &g.tip]
            .into_iter()
            .chain(&g.evidence)
            .chain(&g.questions);
        for text in texts {
            let lower = text.to_lowercase();
            assert!(
                !lower
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w == "shall"),
                "{}: “{text}”",
                node.number
            );
            assert!(!text.contains('<'), "{}: markup in “{text}”", node.number);
        }
    }
}
