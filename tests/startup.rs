//! The start-up mirror's early read (`src/startup.js`, inlined in the page
//! by `.ci/csp.mjs`) must ask for the database, store and record that
//! `src/startup.rs` writes: if they drifted apart, every start would quietly
//! lose its preview.
use clausebook::startup::{EARLY_READ, RECORD, STORE, VERSION};
use clausebook::storage::NAMESPACE;

const SCRIPT: &str = include_str!("../src/startup.js");

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
    ] {
        assert!(SCRIPT.contains(&expected), "startup.js lacks {expected}");
    }
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
