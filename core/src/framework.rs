//! Framework definitions: the clause structure the engine walks.
//!
//! A framework is data (compiled-in JSON), never code: ids, numbers, titles,
//! hierarchy, PDCA phase and guidance all come from the definition, so other
//! Annex SL standards or FitSM fit the same engine.

use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;
use thiserror::Error;

/// A framework definition after validation.
#[derive(Debug, Clone)]
pub struct Framework {
    pub id: FrameworkId,
    pub version: String,
    pub name: String,
    pub subtitle: String,
    /// Whether requirements may be excluded as "not applicable".
    /// ISO/IEC 20000-1:2018 allows none.
    pub allows_exclusions: bool,
    pub source_note: String,
    /// Why clauses carry a PDCA phase at all: the phases are a convention the
    /// definition names, not part of the standard. Shown wherever phases are.
    pub pdca_note: String,
    /// The same in one short line, for beside a phase badge or table.
    pub pdca_convention: String,
    /// The licence attribution to show wherever the framework's text is shown
    /// (FitSM is CC BY 4.0); empty when nothing is reproduced.
    pub attribution: String,
    pub licence_url: String,
    /// The capability scale requirements are rated on.
    pub capability_scale: CapabilityScale,
    /// The clause that lists the expected documented information, if any.
    pub documented_information_clause: Option<RequirementId>,
    pub documented_information: Vec<DocumentItem>,
    nodes: Vec<Node>,
    index: HashMap<RequirementId, usize>,
    children: HashMap<RequirementId, Vec<usize>>,
}

/// One clause or sub-clause. Leaves are the assessable requirements.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Node {
    pub id: RequirementId,
    pub number: String,
    pub title: String,
    pub parent: Option<RequirementId>,
    pub pdca: Phase,
    /// Where the title's wording rests, when it is weaker than the framework's
    /// `source_note` (e.g. on one public source only); empty otherwise.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title_source: String,
    /// Requirement text the licence lets us show (FitSM); empty for ISO,
    /// whose text is copyrighted.
    #[serde(default)]
    pub text: String,
}

/// The levels a framework rates capability on: ISO/IEC 33020 has 0–5,
/// FitSM 0–4. Levels are numbered from 0 without gaps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CapabilityScale {
    pub name: String,
    /// What the scale is and is not: ISO/IEC 20000-1 defines none, so the
    /// levels are an assessment aid, and the note says so where they are shown.
    #[serde(default)]
    pub note: String,
    pub levels: Vec<ScaleLevel>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScaleLevel {
    pub level: u8,
    pub name: String,
    /// One line in our own words.
    pub meaning: String,
}

/// Guidance in Clausebook's own words. Parents carry `intro`; leaves carry
/// the rest. It is kept apart from the clause tree, in a file of its own per
/// framework ([`Framework::guidance`]), so that what draws the first screen
/// (the tree, titles and phases) does not carry it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Guidance {
    pub intro: String,
    pub plain: String,
    pub evidence: Vec<String>,
    pub questions: Vec<String>,
    pub tip: String,
    pub related: Vec<RequirementId>,
    pub documents: Vec<String>,
    pub fitsm: Vec<String>,
}

/// An item of documented information the framework expects (ISO/IEC 20000-1 7.5.4).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentItem {
    pub id: String,
    pub title: String,
}

/// Identifies a framework definition, e.g. `iso20000-1-2018`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct FrameworkId(pub String);

/// Identifies a clause or requirement within a framework, e.g. `8.5.1.2`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RequirementId(pub String);

/// The Plan-Do-Check-Act phase a clause belongs to, by the convention the
/// framework's `pdca_note` names. `Frame` is for clauses the convention puts
/// around the cycle rather than in it (ISO/IEC 20000-1 clauses 4 and 5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    Frame,
    Plan,
    Do,
    Check,
    Act,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FrameworkError {
    #[error("The framework definition is not valid JSON: {0}")]
    Json(String),
    #[error("The framework definition has no clauses.")]
    Empty,
    #[error("Clause id “{0}” appears more than once.")]
    DuplicateId(String),
    #[error("Clause “{child}” names parent “{parent}”, which does not come before it.")]
    MissingParent { child: String, parent: String },
    #[error("Clause “{later}” comes after “{earlier}” but is numbered before it.")]
    OutOfOrder { earlier: String, later: String },
    #[error("Clause “{child}” is not numbered under its parent “{parent}”.")]
    NumberNotUnderParent { child: String, parent: String },
    #[error("Clause “{0}” has an empty number or title.")]
    Blank(String),
    #[error("The capability scale must number its levels 0, 1, 2, … up to at most 5.")]
    BadScale,
}

/// The wire form of a definition file.
#[derive(Deserialize)]
struct Definition {
    id: FrameworkId,
    version: String,
    name: String,
    #[serde(default)]
    subtitle: String,
    allows_exclusions: bool,
    #[serde(default)]
    source_note: String,
    #[serde(default)]
    pdca_note: String,
    #[serde(default)]
    pdca_convention: String,
    #[serde(default)]
    attribution: String,
    #[serde(default)]
    licence_url: String,
    capability_scale: CapabilityScale,
    #[serde(default)]
    documented_information_clause: Option<RequirementId>,
    #[serde(default)]
    documented_information: Vec<DocumentItem>,
    nodes: Vec<Node>,
}

const ISO_20000_1_2018: &str = include_str!("framework/iso20000-1-2018.json");

/// The compiled-in ISO/IEC 20000-1:2018 definition.
pub fn iso20000() -> &'static Framework {
    static CELL: OnceLock<Framework> = OnceLock::new();
    CELL.get_or_init(|| {
        // The definition is compiled in and checked by a native test, so a
        // failure here is a build defect, not user input.
        Framework::from_json(ISO_20000_1_2018).expect("built-in framework definition is valid")
    })
}

/// Guidance by requirement id: the framework's own file, parsed on first use.
/// Only the pages that show guidance (and Study, which asks about it) read
/// it, so the release build leaves it out of the first screen's code.
fn guidance_of(id: &FrameworkId) -> &'static HashMap<RequirementId, Guidance> {
    static ISO: OnceLock<HashMap<RequirementId, Guidance>> = OnceLock::new();
    static NONE: OnceLock<HashMap<RequirementId, Guidance>> = OnceLock::new();
    if *id == iso20000().id {
        ISO.get_or_init(|| {
            // Compiled in and checked by a native test: a failure is a build defect.
            serde_json::from_str(include_str!("framework/iso20000-1-2018.guidance.json"))
                .expect("built-in guidance is valid")
        })
    } else {
        // FitSM-1 shows its own requirement text, and has no guidance of ours.
        NONE.get_or_init(HashMap::new)
    }
}

const FITSM_1: &str = include_str!("framework/fitsm-1-3.0.json");

/// The compiled-in FitSM-1 (FitSM 3.0) definition, built by
/// `tools/fitsm_framework.py` from the CC BY 4.0 requirements.
pub fn fitsm1() -> &'static Framework {
    static CELL: OnceLock<Framework> = OnceLock::new();
    CELL.get_or_init(|| {
        // Compiled in and checked by a native test, like ISO/IEC 20000-1.
        Framework::from_json(FITSM_1).expect("built-in FitSM-1 definition is valid")
    })
}

/// Every compiled-in framework a workbook can be created for, default first.
pub fn all() -> [&'static Framework; 2] {
    [iso20000(), fitsm1()]
}

/// Looks up a compiled-in framework by id.
pub fn by_id(id: &FrameworkId) -> Option<&'static Framework> {
    all().into_iter().find(|f| f.id == *id)
}

/// Looks up a compiled-in framework by the id string used in forms.
pub fn by_key(key: &str) -> Option<&'static Framework> {
    all().into_iter().find(|f| f.id.0 == key)
}

impl Framework {
    /// Parses and validates a definition: unique ids, parents before children,
    /// numbers nested under their parents and in ascending order.
    pub fn from_json(text: &str) -> Result<Self, FrameworkError> {
        let def: Definition =
            serde_json::from_str(text).map_err(|e| FrameworkError::Json(e.to_string()))?;
        if def.nodes.is_empty() {
            return Err(FrameworkError::Empty);
        }
        let levels = &def.capability_scale.levels;
        if levels.is_empty()
            || levels.len() > 6
            || levels
                .iter()
                .enumerate()
                .any(|(i, l)| l.level as usize != i)
        {
            return Err(FrameworkError::BadScale);
        }
        let mut index = HashMap::new();
        let mut children: HashMap<RequirementId, Vec<usize>> = HashMap::new();
        for (i, node) in def.nodes.iter().enumerate() {
            if node.number.trim().is_empty() || node.title.trim().is_empty() {
                return Err(FrameworkError::Blank(node.id.0.clone()));
            }
            if index.insert(node.id.clone(), i).is_some() {
                return Err(FrameworkError::DuplicateId(node.id.0.clone()));
            }
            if let Some(parent) = &node.parent {
                let Some(&p) = index.get(parent) else {
                    return Err(FrameworkError::MissingParent {
                        child: node.id.0.clone(),
                        parent: parent.0.clone(),
                    });
                };
                let prefix = format!("{}.", def.nodes[p].number);
                if !node.number.starts_with(&prefix) {
                    return Err(FrameworkError::NumberNotUnderParent {
                        child: node.number.clone(),
                        parent: def.nodes[p].number.clone(),
                    });
                }
                children.entry(parent.clone()).or_default().push(i);
            }
            if i > 0 {
                let prev = &def.nodes[i - 1];
                if compare_numbers(&prev.number, &node.number) != Ordering::Less {
                    return Err(FrameworkError::OutOfOrder {
                        earlier: prev.number.clone(),
                        later: node.number.clone(),
                    });
                }
            }
        }
        Ok(Self {
            id: def.id,
            version: def.version,
            name: def.name,
            subtitle: def.subtitle,
            allows_exclusions: def.allows_exclusions,
            source_note: def.source_note,
            pdca_note: def.pdca_note,
            pdca_convention: def.pdca_convention,
            attribution: def.attribution,
            licence_url: def.licence_url,
            capability_scale: def.capability_scale,
            documented_information_clause: def.documented_information_clause,
            documented_information: def.documented_information,
            nodes: def.nodes,
            index,
            children,
        })
    }

    /// Clausebook's guidance for a clause; empty where there is none.
    pub fn guidance(&self, id: &RequirementId) -> &'static Guidance {
        static EMPTY: OnceLock<Guidance> = OnceLock::new();
        guidance_of(&self.id)
            .get(id)
            .unwrap_or_else(|| EMPTY.get_or_init(Guidance::default))
    }

    /// Every clause in document order.
    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    pub fn node(&self, id: &RequirementId) -> Option<&Node> {
        self.index.get(id).map(|&i| &self.nodes[i])
    }

    pub fn node_by_str(&self, id: &str) -> Option<&Node> {
        self.node(&RequirementId(id.to_owned()))
    }

    pub fn contains(&self, id: &RequirementId) -> bool {
        self.index.contains_key(id)
    }

    /// Top-level clauses (4 … 10 for Annex SL standards).
    pub fn roots(&self) -> impl Iterator<Item = &Node> {
        self.nodes.iter().filter(|n| n.parent.is_none())
    }

    pub fn children(&self, id: &RequirementId) -> impl Iterator<Item = &Node> {
        self.children
            .get(id)
            .into_iter()
            .flatten()
            .map(|&i| &self.nodes[i])
    }

    pub fn is_leaf(&self, id: &RequirementId) -> bool {
        self.contains(id) && !self.children.contains_key(id)
    }

    /// The assessable requirements, in document order.
    pub fn leaves(&self) -> impl Iterator<Item = &Node> {
        self.nodes
            .iter()
            .filter(|n| !self.children.contains_key(&n.id))
    }

    /// Leaves under a clause (the clause itself if it is a leaf).
    pub fn leaves_under(&self, id: &RequirementId) -> impl Iterator<Item = &Node> {
        let id = id.clone();
        self.leaves()
            .filter(move |n| n.id == id || self.ancestors(&n.id).any(|a| a.id == id))
    }

    /// Parent, grandparent, … up to the root.
    pub fn ancestors<'a>(&'a self, id: &RequirementId) -> impl Iterator<Item = &'a Node> {
        let mut next = self.node(id).and_then(|n| n.parent.clone());
        std::iter::from_fn(move || {
            let node = self.node(next.as_ref()?)?;
            next = node.parent.clone();
            Some(node)
        })
    }

    pub fn document(&self, id: &str) -> Option<&DocumentItem> {
        self.documented_information.iter().find(|d| d.id == id)
    }

    /// Whether the framework's own text is shown and so needs attribution.
    pub fn needs_attribution(&self) -> bool {
        !self.attribution.is_empty()
    }
}

impl CapabilityScale {
    /// The highest level on the scale (5 for ISO/IEC 33020, 4 for FitSM).
    pub fn max(&self) -> u8 {
        self.levels.last().map_or(0, |l| l.level)
    }

    pub fn level(&self, level: u8) -> Option<&ScaleLevel> {
        self.levels.get(level as usize)
    }

    /// "2 Managed", or just the number if the scale has no such level.
    pub fn label(&self, level: u8) -> String {
        match self.level(level) {
            Some(l) => format!("{} {}", l.level, l.name),
            None => level.to_string(),
        }
    }
}

/// Compares clause numbers segment by segment, numerically where both are numbers.
pub fn compare_numbers(a: &str, b: &str) -> Ordering {
    let mut left = a.split('.');
    let mut right = b.split('.');
    loop {
        match (left.next(), right.next()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) => {
                let ord = compare_segments(x, y);
                if ord != Ordering::Equal {
                    return ord;
                }
            }
        }
    }
}

/// Orders "PR2" before "PR10": a letter prefix compares as text, the
/// digits after it as a number.
fn compare_segments(x: &str, y: &str) -> Ordering {
    fn split(s: &str) -> (&str, Option<u32>) {
        let digits = s.trim_start_matches(|c: char| !c.is_ascii_digit());
        (&s[..s.len() - digits.len()], digits.parse::<u32>().ok())
    }
    match (split(x), split(y)) {
        ((px, Some(nx)), (py, Some(ny))) => px.cmp(py).then(nx.cmp(&ny)),
        _ => x.cmp(y),
    }
}

impl Phase {
    pub const ALL: [Phase; 5] = [
        Phase::Frame,
        Phase::Plan,
        Phase::Do,
        Phase::Check,
        Phase::Act,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Phase::Frame => "Framing",
            Phase::Plan => "Plan",
            Phase::Do => "Do",
            Phase::Check => "Check",
            Phase::Act => "Act",
        }
    }

    /// The stable key used in data and URLs.
    pub fn key(self) -> &'static str {
        match self {
            Phase::Frame => "frame",
            Phase::Plan => "plan",
            Phase::Do => "do",
            Phase::Check => "check",
            Phase::Act => "act",
        }
    }

    pub fn from_key(key: &str) -> Option<Phase> {
        Phase::ALL.into_iter().find(|p| p.key() == key)
    }

    /// One line a student can remember the phase by.
    pub fn meaning(self) -> &'static str {
        match self {
            Phase::Frame => {
                "Frames the cycle: the context, scope and leadership every phase works within."
            }
            Phase::Plan => "Plan: risks and opportunities, objectives and the plan for the system.",
            Phase::Do => "Provide the support, then run the services and their processes.",
            Phase::Check => "Measure, audit and review how well it works.",
            Phase::Act => "Correct what went wrong and keep improving.",
        }
    }
}

impl fmt::Display for RequirementId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for FrameworkId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for RequirementId {
    fn from(value: &str) -> Self {
        RequirementId(value.to_owned())
    }
}

/// A FitSM-1 requirement, shown next to the matching ISO/IEC 20000-1 clause.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct FitsmItem {
    pub id: String,
    pub text: String,
}

/// FitSM-1 (FitSM 3.0) requirements, CC BY 4.0, with the attribution to show.
#[derive(Debug, Clone)]
pub struct Fitsm {
    pub title: String,
    pub licence: String,
    /// The attribution CC BY 4.0 asks for, shown wherever FitSM text is.
    pub attribution: String,
    items: HashMap<String, (String, FitsmItem)>,
}

#[derive(Deserialize)]
struct FitsmFile {
    framework: String,
    licence: String,
    attribution: String,
    general: Vec<FitsmGroup>,
    process: Vec<FitsmGroup>,
}

#[derive(Deserialize)]
struct FitsmGroup {
    name: String,
    items: Vec<FitsmItem>,
}

const FITSM: &str = include_str!("framework/fitsm-3.0-requirements.json");

/// The compiled-in FitSM-1 requirements.
pub fn fitsm() -> &'static Fitsm {
    static CELL: OnceLock<Fitsm> = OnceLock::new();
    CELL.get_or_init(|| {
        let file: FitsmFile = serde_json::from_str(FITSM).expect("built-in FitSM data is valid");
        let items = file
            .general
            .into_iter()
            .chain(file.process)
            .flat_map(|g| {
                let name = g.name;
                g.items
                    .into_iter()
                    .map(move |item| (item.id.clone(), (name.clone(), item)))
            })
            .collect();
        Fitsm {
            title: file.framework,
            licence: file.licence,
            attribution: file.attribution,
            items,
        }
    })
}

impl Fitsm {
    /// The requirement and the name of its group (e.g. "PR12 Change Management").
    pub fn item(&self, id: &str) -> Option<(&str, &FitsmItem)> {
        self.items.get(id).map(|(g, i)| (g.as_str(), i))
    }
}
