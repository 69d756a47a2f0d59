//! The Overview as markup (`ui::overview::above_fold` / `below_fold`): what
//! both the start-up preview and the Overview page draw.

use clausebook::pages::overview::{above_fold, below_fold};
use clausebook::widgets::markup::{Element, Node, el, text};
use clausebook_core::assessment::Status;
use clausebook_core::calendar::{IsoDate, Timestamp};
use clausebook_core::framework;
use clausebook_core::overview::{LISTED, Line, Overview};
use clausebook_core::sample;

fn today() -> IsoDate {
    IsoDate::new(2026, 11, 26).unwrap()
}

fn sample_overview() -> Overview {
    let created: Timestamp = "2026-09-01T09:00:00.000Z".parse().unwrap();
    Overview::of(
        &sample::workbook(created, today()),
        framework::iso20000(),
        today(),
    )
}

fn page(nodes: Vec<Node>) -> Node {
    el("div").children(nodes).into()
}

fn texts(elements: &[&Element]) -> Vec<String> {
    elements
        .iter()
        .map(|e| Node::Element((*e).clone()).text_content())
        .collect()
}

#[test]
fn the_builder_keeps_attributes_styles_and_children_in_order() {
    let node: Node = el("p")
        .class("hint")
        .attr_opt("aria-current", Some("page"))
        .attr_opt("title", None::<&str>)
        .style("width", "40%")
        .text("a ")
        .child(el("b").text("b"))
        .child_opt(None::<Element>)
        .child(text(" c"))
        .into();
    let Node::Element(p) = &node else {
        panic!("an element")
    };
    assert_eq!(p.get("class"), Some("hint"));
    assert_eq!(p.get("aria-current"), Some("page"));
    assert_eq!(p.get("title"), None);
    assert_eq!(p.styles, vec![("width", "40%".to_owned())]);
    assert_eq!(node.text_content(), "a b c");
    assert_eq!(node.find_all("b").len(), 1);
}

#[test]
fn the_first_screen_names_the_organisation_and_shows_readiness_and_gaps() {
    let o = sample_overview();
    let first = page(above_fold(&o, ""));
    assert_eq!(texts(&first.find_all("h1")), vec![o.organisation.clone()]);
    assert_eq!(texts(&first.find_all("h2")), vec!["Readiness", "Top gaps"]);
    let text = first.text_content();
    assert!(text.contains(&format!("{}%", o.readiness.ready_percent)));
    assert!(text.contains(&format!("{}/100", o.readiness.score)));
    // One row per status, with its count.
    let rows = first.find_all("tr");
    assert_eq!(rows.len(), Status::ALL.len());
    for (row, status) in rows.iter().zip(Status::ALL) {
        let row = Node::Element((*row).clone()).text_content();
        assert_eq!(
            row,
            format!("{}{}", status.label(), o.readiness.count(status))
        );
    }
    // Every gap is a link to where it is fixed.
    let links: Vec<_> = first
        .find_all("a")
        .into_iter()
        .filter_map(|a| a.get("href"))
        .map(str::to_owned)
        .collect();
    for gap in &o.gaps {
        assert!(links.contains(&gap.path), "{} not linked", gap.path);
    }
}

#[test]
fn the_rest_follows_below_the_first_screen() {
    let o = sample_overview();
    let rest = page(below_fold(&o, ""));
    let headings = texts(&rest.find_all("h2"));
    let expected: Vec<&str> = if o.overdue_total > 0 {
        vec![
            "Overdue improvements",
            "By PDCA phase",
            "Capability by clause",
            "Progress by clause",
        ]
    } else {
        vec![
            "By PDCA phase",
            "Capability by clause",
            "Progress by clause",
        ]
    };
    assert_eq!(headings, expected);
    // A row per clause in both tables, and one per phase.
    let by_clause = rest
        .find_all("table")
        .into_iter()
        .find(|t| t.get("class") == Some("by-clause"))
        .expect("the clause table");
    let rows = Node::Element(by_clause.clone()).find_all("tr").len();
    assert_eq!(
        rows,
        o.clauses.len() + 1,
        "a header row and a row per clause"
    );
    assert!(!o.clauses.is_empty());
}

#[test]
fn the_radar_is_svg_described_in_words() {
    let o = sample_overview();
    let rest = page(below_fold(&o, ""));
    let svg = rest.find_all("svg");
    assert_eq!(svg.len(), 1);
    assert_eq!(svg[0].get("role"), Some("img"));
    let svg = Node::Element(svg[0].clone());
    assert_eq!(svg.find_all("title").len(), 1);
    assert_eq!(svg.find_all("desc").len(), 1);
    assert_eq!(
        svg.find_all("text").len(),
        o.radar.labels.len(),
        "a label per axis"
    );
}

#[test]
fn bars_are_hidden_from_assistive_technology_and_sized_by_style() {
    let o = sample_overview();
    let rest = page(below_fold(&o, ""));
    let bars: Vec<_> = rest
        .find_all("span")
        .into_iter()
        .filter(|s| s.get("class") == Some("bar"))
        .collect();
    assert_eq!(bars.len(), o.phases.len() + o.clauses.len());
    for bar in bars {
        assert_eq!(bar.get("aria-hidden"), Some("true"));
        // A style property, not a `style` attribute, which the page's
        // content security policy would refuse.
        let fill = Node::Element(bar.clone()).find_all("span")[1].clone();
        assert_eq!(fill.get("style"), None);
        assert!(fill.styles[0].1.ends_with('%'));
    }
}

#[test]
fn long_lists_are_cut_with_a_count_of_the_rest() {
    let mut o = sample_overview();
    let gap = |i: usize| Line {
        path: format!("/clauses/8.{i}"),
        link: format!("8.{i}"),
        detail: " Not implemented".to_owned(),
    };
    o.gaps = (0..LISTED).map(gap).collect();
    o.gaps_total = LISTED + 5;
    o.overdue = vec![gap(1)];
    o.overdue_total = 1;
    let first = page(above_fold(&o, "")).text_content();
    assert!(first.contains("and 5 more"));
    let rest = page(below_fold(&o, "")).text_content();
    assert!(rest.contains("1 item is past its target date and not closed."));
    assert!(!rest.contains("more"), "all overdue items are listed");
    o.gaps.clear();
    o.gaps_total = 0;
    let first = page(above_fold(&o, "")).text_content();
    assert!(first.contains("No requirement is marked Not implemented"));
}

#[test]
fn links_are_under_the_path_the_app_is_served_from() {
    let o = sample_overview();
    let mut all = above_fold(&o, "/clausebook");
    all.extend(below_fold(&o, "/clausebook"));
    let links: Vec<_> = page(all)
        .find_all("a")
        .into_iter()
        .map(|a| a.get("href").unwrap_or_default().to_owned())
        .collect();
    assert!(!links.is_empty());
    for href in links {
        assert!(href.starts_with("/clausebook/"), "{href}");
    }
}

#[test]
fn text_from_the_workbook_stays_text() {
    let mut o = sample_overview();
    let hostile = "<img src=x onerror=alert(1)>";
    o.organisation = hostile.to_owned();
    o.gaps = vec![Line {
        path: "/clauses/4.1".to_owned(),
        link: hostile.to_owned(),
        detail: hostile.to_owned(),
    }];
    o.gaps_total = 1;
    let first = page(above_fold(&o, ""));
    assert!(first.find_all("img").is_empty());
    assert_eq!(texts(&first.find_all("h1")), vec![hostile.to_owned()]);
    assert!(
        first
            .text_content()
            .contains(&format!("{hostile}{hostile}"))
    );
}

#[test]
fn markup_as_json_is_text_strings_and_element_lists() {
    let node: Node = el("p")
        .class("hint")
        .attr("data-testid", "x")
        .style("width", "50%")
        .text("Say \"hi\" <b>")
        .child(el("a").attr("href", "/clauses"))
        .into();
    let json: serde_json::Value = serde_json::from_str(&node.to_json()).unwrap();
    assert_eq!(
        json,
        serde_json::json!([
            "p",
            ["class", "hint", "data-testid", "x"],
            ["width", "50%"],
            "Say \"hi\" <b>",
            ["a", ["href", "/clauses"], []]
        ])
    );
    assert_eq!(text("plain").to_json(), "\"plain\"");
}
