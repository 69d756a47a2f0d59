//! The crate's modules depend on each other without a cycle: each can be
//! read, changed and tested knowing only the modules below it.
//!
//! The graph is read from the source: every `crate::…` path in a module's
//! file (code, doc links and comments alike) is an edge to the module it
//! names.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

type Graph = BTreeMap<String, BTreeSet<String>>;

#[test]
fn the_modules_form_no_cycle() {
    let graph = graph_of_crate();
    if let Some(cycle) = find_cycle(&graph) {
        panic!(
            "the modules of clausebook-core import each other in a circle: {}\n\
             Move what both need into a module below them (as `limits` holds every limit).",
            cycle.join(" → ")
        );
    }
}

/// The reader sees the edges that are there, so that a cycle cannot hide
/// from it behind a syntax it skips.
#[test]
fn the_graph_has_the_edges_the_source_names() {
    let graph = graph_of_crate();
    let deps = |m: &str| graph.get(m).cloned().unwrap_or_default();
    assert!(graph.len() > 20, "{graph:?}");
    // `use crate::limits::{self, …}` and a plain `use crate::workbook::Workbook`.
    assert!(
        deps("workbook").contains("limits"),
        "{:?}",
        deps("workbook")
    );
    assert!(deps("file::schema").contains("workbook"));
    // A module below a folder, named through it.
    assert!(deps("file::export").contains("file::schema"));
    assert!(deps("file::export").contains("file::name"));
    assert!(
        deps("limits").is_empty(),
        "limits is a leaf: {:?}",
        deps("limits")
    );
}

#[test]
fn a_cycle_is_found_and_shown() {
    let graph = graph_of(&[
        ("a", "use crate::b::B;"),
        ("b", "use crate::{c::{self, C}, d};"),
        ("c", "/// See [`crate::a::thing`]."),
        ("d", ""),
    ]);
    assert_eq!(find_cycle(&graph).unwrap(), ["a", "b", "c", "a"]);
    let graph = graph_of(&[("a", "use crate::b;"), ("b", "pub(crate) fn f() {}")]);
    assert_eq!(find_cycle(&graph), None);
}

/// Every `.rs` file under `core/src` as a module path (`file/schema.rs` is
/// `file::schema`), with the modules its text names.
fn graph_of_crate() -> Graph {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files: Vec<(String, String)> = crate::support::files_under(&src)
        .into_iter()
        .filter(|path| path.extension().is_some_and(|e| e == "rs"))
        .map(|path| {
            let relative = path.strip_prefix(&src).expect("below src");
            let text = std::fs::read_to_string(&path).expect("a source file");
            (module_path(relative), text)
        })
        .collect();
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(m, t)| (m.as_str(), t.as_str()))
        .filter(|(m, _)| !m.is_empty())
        .collect();
    graph_of(&files)
}

/// `file/schema.rs` as `file::schema`, `lib.rs` as the empty path.
fn module_path(relative: &Path) -> String {
    let mut parts: Vec<String> = relative
        .with_extension("")
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts.join("::")
}

fn graph_of(files: &[(&str, &str)]) -> Graph {
    let modules: BTreeSet<&str> = files.iter().map(|(m, _)| *m).collect();
    let mut graph = Graph::new();
    for (module, text) in files {
        let deps = graph.entry((*module).to_owned()).or_default();
        for path in crate_paths(text) {
            // The longest prefix of the path that is a module: `crate::file::schema::decode`
            // names `file::schema`.
            let named = (1..=path.len())
                .rev()
                .map(|n| path[..n].join("::"))
                .find(|p| modules.contains(p.as_str()));
            if let Some(named) = named
                && named != *module
            {
                deps.insert(named);
            }
        }
    }
    graph
}

/// Every path that starts with `crate::`, with `{…}` groups spread out:
/// `crate::{a::{self, B}, c}` is `[a, self]`, `[a, B]` and `[c]`.
fn crate_paths(text: &str) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find("crate::") {
        let before = rest[..i].chars().next_back();
        rest = &rest[i + "crate::".len()..];
        // `$crate::` in a macro, or a word that ends in "crate".
        if before.is_some_and(|c| c == '$' || c == '_' || c.is_alphanumeric()) {
            continue;
        }
        let (found, _) = path_tree(rest, Vec::new());
        paths.extend(found);
    }
    paths
}

/// Reads `a::b::{…}` from the start of `text` after `prefix`: the paths it
/// spells and the text after it.
fn path_tree(text: &str, mut prefix: Vec<String>) -> (Vec<Vec<String>>, &str) {
    let mut rest = text.trim_start();
    loop {
        if let Some(group) = rest.strip_prefix('{') {
            let mut paths = Vec::new();
            rest = group;
            loop {
                rest = rest.trim_start();
                if let Some(after) = rest.strip_prefix('}') {
                    return (paths, after);
                }
                if let Some(after) = rest.strip_prefix(',') {
                    rest = after;
                    continue;
                }
                let (found, after) = path_tree(rest, prefix.clone());
                if after.len() == rest.len() {
                    // Not a path (e.g. `*`): skip a character.
                    rest = &rest[rest.chars().next().map_or(0, char::len_utf8)..];
                } else {
                    rest = after;
                }
                paths.extend(found);
                if rest.is_empty() {
                    return (paths, rest);
                }
            }
        }
        let end = rest
            .find(|c: char| !(c == '_' || c.is_alphanumeric()))
            .unwrap_or(rest.len());
        if end == 0 {
            return (
                vec![prefix].into_iter().filter(|p| !p.is_empty()).collect(),
                rest,
            );
        }
        prefix.push(rest[..end].to_owned());
        rest = &rest[end..];
        match rest.strip_prefix("::") {
            Some(after) => rest = after,
            None => return (vec![prefix], rest),
        }
    }
}

/// A cycle, as the modules along it with the first repeated at the end.
fn find_cycle(graph: &Graph) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Open,
        Done,
    }
    fn visit(
        graph: &Graph,
        module: &str,
        marks: &mut BTreeMap<String, Mark>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        match marks.get(module) {
            Some(Mark::Done) => return None,
            Some(Mark::Open) => {
                let start = path.iter().position(|m| m == module).unwrap_or(0);
                let mut cycle = path[start..].to_vec();
                cycle.push(module.to_owned());
                return Some(cycle);
            }
            None => {}
        }
        marks.insert(module.to_owned(), Mark::Open);
        path.push(module.to_owned());
        for dep in graph.get(module).into_iter().flatten() {
            if let Some(cycle) = visit(graph, dep, marks, path) {
                return Some(cycle);
            }
        }
        path.pop();
        marks.insert(module.to_owned(), Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    graph
        .keys()
        .find_map(|m| visit(graph, m, &mut marks, &mut Vec::new()))
}
