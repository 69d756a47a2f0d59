//! What several test modules need.

use clausebook_core::calendar::{IsoDate, Timestamp};
use clausebook_core::framework::{Framework, compare_numbers};
use std::cmp::Ordering;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// Every file below `dir`, at any depth.
pub fn files_under(dir: impl AsRef<Path>) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("a readable directory") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// Each node's number sorts after the one before it.
pub fn assert_in_document_order(fw: &Framework) {
    for pair in fw.nodes().windows(2) {
        assert_eq!(
            compare_numbers(&pair[0].number, &pair[1].number),
            Ordering::Less,
            "{} then {}",
            pair[0].number,
            pair[1].number
        );
    }
}

/// A timestamp written in a test, such as `2026-11-25T10:00:00.000Z`.
pub fn at(text: &str) -> Timestamp {
    text.parse().expect("a timestamp")
}

/// A date written in a test, such as `2026-11-25`.
pub fn date(text: &str) -> IsoDate {
    text.parse().expect("a date")
}

/// Each of `texts` is refused as a `T`, with an error `expected` accepts.
pub fn assert_each_refused<T: FromStr>(texts: &[&str], expected: impl Fn(&T::Err) -> bool) {
    for text in texts {
        let refused = text.parse::<T>().err();
        assert!(refused.as_ref().is_some_and(&expected), "{text}");
    }
}

/// The moves of walking `path` from its start: `(None, path[0])`, then each
/// step as `(Some(from), to)`, as a history records them.
pub fn walk<T: Copy>(path: &[T]) -> Vec<(Option<T>, T)> {
    let froms = std::iter::once(None).chain(path.iter().copied().map(Some));
    froms.zip(path.iter().copied()).collect()
}

/// `line` starts with `prefix`; a failure shows the whole line.
pub fn assert_starts_with(line: &str, prefix: &str) {
    assert!(
        line.starts_with(prefix),
        "{line}\ndoes not start with\n{prefix}"
    );
}

/// The default `T` with what `set` sets: a filter or form with one field
/// filled in, say.
pub fn with<T: Default>(set: impl FnOnce(&mut T)) -> T {
    let mut value = T::default();
    set(&mut value);
    value
}
