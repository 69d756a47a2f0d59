//! The start-up mirror's early read (`src/startup.js`, inlined in the page
//! by `.ci/csp.mjs`) must ask for the database, store and record that
//! `src/startup.rs` writes: if they drifted apart, every start would quietly
//! lose its preview.
use clausebook::app::boot::{PreviewData, preview_markup};
use clausebook::app::theme::{THEME_KEY, Theme};
use clausebook::platform::startup::{
    DRAWN, EARLY_READ, KEPT_CLICK, PICKED_THEME, PREVIEW, RECORD, STARTED, STORE, VERSION,
};
use clausebook::platform::storage::NAMESPACE;
use clausebook::widgets::markup::Node;
use clausebook_core::calendar::{IsoDate, Timestamp};
use clausebook_core::framework;
use clausebook_core::overview::Overview;
use clausebook_core::sample;

const SCRIPT: &str = include_str!("../src/platform/startup.js");

#[test]
fn the_early_read_asks_for_what_startup_writes() {
    for expected in [
        format!("indexedDB.open('{NAMESPACE}', {VERSION})"),
        format!("createObjectStore('{STORE}')"),
        format!("transaction('{STORE}')"),
        format!("objectStore('{STORE}')"),
        format!(".get('{RECORD}')"),
        format!("window.{EARLY_READ} = read;"),
        // Where `startup::read_now` takes a finished read from.
        "read.settled = { record: record };".to_owned(),
        // Where the drawn preview is, in the record and once drawn.
        format!("record.{PREVIEW}"),
        format!("window.{DRAWN} = root;"),
        format!("window.{KEPT_CLICK} = target;"),
        format!("window.{PICKED_THEME} = select.value;"),
        format!("window.{STARTED}"),
        format!("record['{THEME_KEY}']"),
    ] {
        assert!(SCRIPT.contains(&expected), "startup.js lacks {expected}");
    }
}

/// The page's loader (written by `.ci/csp.mjs`) lets a drawn preview be
/// painted before the code starts.
#[test]
fn the_loader_waits_for_the_drawn_preview_to_be_painted() {
    let csp = include_str!("../.ci/csp.mjs");
    assert!(csp.contains(&format!("if (window.{DRAWN}) await Promise.race([")));
}

#[test]
fn the_early_read_never_fails_the_page() {
    // Wrapped whole in try/catch, and every failure path settles the promise
    // (the start-up code waits for it).
    let code: Vec<&str> = SCRIPT
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect();
    assert_eq!(code.first().map(|l| l.trim()), Some("try {"));
    assert_eq!(code.last().map(|l| l.trim()), Some("} catch (e) {}"));
    assert_eq!(SCRIPT.matches("done(null)").count(), 3);
    assert_eq!(SCRIPT.matches("onerror").count(), 2);
}

/// A space-separated list of names in startup.js: `var NAME = ' a b c ';`.
fn listed(name: &str) -> Vec<&'static str> {
    let start = format!("var {name} = '");
    let from = SCRIPT
        .find(&start)
        .unwrap_or_else(|| panic!("startup.js lacks {start}"))
        + start.len();
    let len = SCRIPT[from..].find('\'').expect("the list ends");
    SCRIPT[from..from + len].split_whitespace().collect()
}

#[test]
fn the_early_read_knows_every_theme() {
    let mut keys: Vec<&str> = Theme::ALL.iter().map(|t| t.key()).collect();
    let mut listed = listed("THEMES");
    keys.sort_unstable();
    listed.sort_unstable();
    assert_eq!(listed, keys);
}

/// `startup.js` draws only what it lists, so that a damaged or tampered
/// record draws nothing; everything the preview holds must be listed, or
/// every start would quietly go without it.
#[test]
fn the_early_read_may_draw_everything_the_preview_holds() {
    let today = IsoDate::new(2026, 11, 26).unwrap();
    let created: Timestamp = "2026-09-01T09:00:00.000Z".parse().unwrap();
    let overview = Overview::of(
        &sample::workbook(created, today),
        framework::iso20000(),
        today,
    );
    assert!(!overview.gaps.is_empty(), "a preview with gaps listed");
    let (tags, attrs, styles) = (listed("TAGS"), listed("ATTRS"), listed("STYLES"));
    for (reminder_due, base, theme) in
        [(true, "", Theme::Dark), (false, "/sub/path", Theme::System)]
    {
        let preview = PreviewData {
            overview: overview.clone(),
            backup_label: "Backed up 3 days ago".to_owned(),
            reminder_due,
            changes_at: None,
        };
        let root = Node::from(preview_markup(&preview, base, theme));
        let elements = root.elements();
        assert!(elements.len() > 60, "{}", elements.len());
        for e in elements {
            assert!(
                tags.contains(&e.tag),
                "startup.js does not list <{}>",
                e.tag
            );
            for (name, value) in &e.attrs {
                let data_or_aria = name.starts_with("aria-") || name.starts_with("data-");
                assert!(
                    attrs.contains(name) || data_or_aria,
                    "startup.js does not list {name}"
                );
                if *name == "href" {
                    assert!(
                        value.starts_with('#')
                            || (value.starts_with('/') && !value.starts_with("//")),
                        "{value}"
                    );
                }
            }
            for (property, _) in &e.styles {
                assert!(
                    styles.contains(property),
                    "startup.js does not list style {property}"
                );
            }
        }
        let json = root.to_json();
        assert!(json.contains("Harbour Street IT"), "{}", &json[..200]);
        assert_eq!(json.contains("Backup reminder"), reminder_due);
        assert!(json.contains(&format!("\"{base}/clauses\"")));
    }
}
