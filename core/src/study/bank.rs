//! The question bank: every question Study can ask, sorted into the areas
//! of a Foundation syllabus.
//!
//! Two sources, both in Clausebook's own words:
//! - questions generated per requirement from the guidance the app already
//!   has (what a requirement is for, and what evidence shows it), and
//! - hand-written questions in `bank.json`: key terms, the parts of the
//!   series, scope, certification and audits, relationships to other
//!   frameworks, and scenarios.
//!
//! Questions about Clausebook's own model (the capability scale it rates on,
//! the portfolio parts it borrows from ITIL) are kept in an area of their
//! own, so that a mock exam can leave them out.
//!
//! A bank question keeps its correct answer first; `Question::shuffled`
//! orders the options for a run.

use crate::framework::{self, Framework, Node, RequirementId};
use crate::portfolio::{Lifecycle, Part};
use crate::study::rng::Rng;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::sync::OnceLock;

/// How many options a question offers.
pub const OPTIONS: usize = 4;

/// A syllabus area. `OwnModel` is not syllabus: it is Clausebook's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    Series,
    Terms,
    Requirements,
    Processes,
    Scope,
    Relationships,
    Certification,
    OwnModel,
}

impl Area {
    pub const ALL: [Area; 8] = [
        Area::Series,
        Area::Terms,
        Area::Requirements,
        Area::Processes,
        Area::Scope,
        Area::Relationships,
        Area::Certification,
        Area::OwnModel,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Area::Series => "The ISO/IEC 20000 series and its parts",
            Area::Terms => "Key terms",
            Area::Requirements => "SMS requirements (clauses 4 to 7, 9 and 10)",
            Area::Processes => "Processes: purpose and outputs (clause 8)",
            Area::Scope => "Scope, applicability and other parties",
            Area::Relationships => "ITIL, ISO 9001, ISO/IEC 27001 and FitSM",
            Area::Certification => "Certification and audits",
            Area::OwnModel => "Clausebook's own model (not in the exam)",
        }
    }

    /// A short name for tables and charts.
    pub fn short(self) -> &'static str {
        match self {
            Area::Series => "Series",
            Area::Terms => "Terms",
            Area::Requirements => "Requirements",
            Area::Processes => "Processes",
            Area::Scope => "Scope",
            Area::Relationships => "Relationships",
            Area::Certification => "Certification",
            Area::OwnModel => "Own model",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Area::Series => "series",
            Area::Terms => "terms",
            Area::Requirements => "requirements",
            Area::Processes => "processes",
            Area::Scope => "scope",
            Area::Relationships => "relationships",
            Area::Certification => "certification",
            Area::OwnModel => "own_model",
        }
    }

    pub fn from_key(key: &str) -> Option<Area> {
        Area::ALL.into_iter().find(|a| a.key() == key)
    }

    /// Whether the area is on the Foundation syllabus, and so in mock exams.
    pub fn in_exam(self) -> bool {
        self != Area::OwnModel
    }
}

/// What kind of question it is: where it comes from and what it tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Which requirement a description of purpose belongs to (generated).
    Purpose,
    /// Which record is evidence for a requirement (generated).
    Evidence,
    /// A key term (hand-written).
    Term,
    /// A part of the series (hand-written).
    Part,
    /// A fact about scope, certification or relationships (hand-written).
    Fact,
    /// A situation: which requirement applies (hand-written).
    Scenario,
    /// Clausebook's own model: capability levels, portfolio parts (generated).
    Model,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::Purpose,
        Kind::Evidence,
        Kind::Term,
        Kind::Part,
        Kind::Fact,
        Kind::Scenario,
        Kind::Model,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Kind::Purpose => "What a requirement is for",
            Kind::Evidence => "What evidence shows it",
            Kind::Term => "Key term",
            Kind::Part => "Part of the series",
            Kind::Fact => "Fact",
            Kind::Scenario => "Scenario",
            Kind::Model => "Clausebook's own model",
        }
    }
}

/// One multiple-choice question with exactly one correct option.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    /// Stable id: `purpose:8.3.3`, `evidence:8.3.3`, `sc-001`, …
    pub id: String,
    pub area: Area,
    pub kind: Kind,
    pub prompt: String,
    pub options: Vec<String>,
    pub correct: usize,
    /// Why the answer is right and the others are not, in Clausebook's words.
    pub explanation: String,
    /// The requirement page the question is about, where one applies.
    pub link: Option<RequirementId>,
}

impl Question {
    pub fn is_correct(&self, choice: usize) -> bool {
        choice == self.correct
    }

    pub fn answer(&self) -> &str {
        &self.options[self.correct]
    }

    /// The same question with its options in an order drawn from `rng`.
    pub fn shuffled(&self, rng: &mut Rng) -> Question {
        let mut order: Vec<usize> = (0..self.options.len()).collect();
        rng.shuffle(&mut order);
        let options = order.iter().map(|&i| self.options[i].clone()).collect();
        let correct = order.iter().position(|&i| i == self.correct).unwrap_or(0);
        Question {
            options,
            correct,
            ..self.clone()
        }
    }
}

/// A hand-written question as `bank.json` holds it: the answer, then the
/// wrong options, then the teaching explanation.
#[derive(Deserialize)]
struct Written {
    id: String,
    area: Area,
    kind: Kind,
    prompt: String,
    answer: String,
    wrong: Vec<String>,
    why: String,
    #[serde(default)]
    link: Option<RequirementId>,
}

#[derive(Deserialize)]
struct WrittenFile {
    questions: Vec<Written>,
}

const WRITTEN: &str = include_str!("bank.json");

/// The hand-written questions, answer first. Checked by native tests, so a
/// broken file is a build defect rather than user input.
pub fn written() -> Vec<Question> {
    let file: WrittenFile = serde_json::from_str(WRITTEN).unwrap_or(WrittenFile {
        questions: Vec::new(),
    });
    file.questions
        .into_iter()
        .map(|w| {
            let mut options = vec![w.answer];
            options.extend(w.wrong);
            Question {
                id: w.id,
                area: w.area,
                kind: w.kind,
                prompt: w.prompt,
                options,
                correct: 0,
                explanation: w.why,
                link: w.link,
            }
        })
        .collect()
}

/// Whether `bank.json` parses; the bank would otherwise be silently short.
pub fn written_parses() -> Result<(), String> {
    serde_json::from_str::<WrittenFile>(WRITTEN)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// The whole bank for ISO/IEC 20000-1, built once.
pub fn bank() -> &'static [Question] {
    static CELL: OnceLock<Vec<Question>> = OnceLock::new();
    CELL.get_or_init(|| {
        let fw = framework::iso20000();
        let mut all = generated(fw);
        all.extend(written());
        all.extend(own_model(fw));
        all
    })
}

/// The first sentence of a text.
pub fn first_sentence(text: &str) -> &str {
    let end = text
        .char_indices()
        .find(|&(i, c)| matches!(c, '.' | '?' | '!') && text[i + c.len_utf8()..].starts_with(' '))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(text.len());
    text[..end].trim()
}

/// Replaces the title wherever it appears (any case) with a blank, so that a
/// description does not give its own answer away.
fn mask(text: &str, title: &str) -> String {
    let lower = text.to_lowercase();
    let needle = title.to_lowercase();
    // Lower-casing can change byte lengths outside ASCII; only mask when it
    // did not, so the indices line up.
    if needle.is_empty() || lower.len() != text.len() {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut at = 0;
    while let Some(found) = lower[at..].find(&needle) {
        out.push_str(&text[at..at + found]);
        out.push_str("___");
        at += found + needle.len();
    }
    out.push_str(&text[at..]);
    out
}

fn label(n: &Node) -> String {
    format!("{} {}", n.number, n.title)
}

fn top(n: &Node) -> &str {
    n.number.split('.').next().unwrap_or_default()
}

/// Requirements of clause 8 are processes; the rest are the system's.
fn area_of(n: &Node) -> Area {
    if top(n) == "8" {
        Area::Processes
    } else {
        Area::Requirements
    }
}

/// The requirements with guidance to ask about.
fn askable(fw: &Framework) -> Vec<&Node> {
    fw.leaves()
        .filter(|n| {
            let g = fw.guidance(&n.id);
            !g.plain.is_empty() && !g.evidence.is_empty()
        })
        .collect()
}

/// Plausible wrong requirements for `node`: siblings first, then the same
/// top-level clause, then any; shuffled in each band, deterministic per id.
fn near<'a>(fw: &'a Framework, node: &Node) -> Vec<&'a Node> {
    let mut rng = Rng::from_text(&node.id.0);
    let others: Vec<&Node> = askable(fw)
        .into_iter()
        .filter(|n| n.id != node.id)
        .collect();
    let mut bands: [Vec<&Node>; 3] = [Vec::new(), Vec::new(), Vec::new()];
    for n in others {
        let band = if n.parent == node.parent {
            0
        } else if top(n) == top(node) {
            1
        } else {
            2
        };
        bands[band].push(n);
    }
    bands
        .into_iter()
        .flat_map(|mut b| {
            rng.shuffle(&mut b);
            b
        })
        .collect()
}

/// Questions generated from each requirement's guidance.
pub fn generated(fw: &Framework) -> Vec<Question> {
    let mut out = Vec::new();
    for n in askable(fw) {
        out.push(purpose(fw, n));
        if let Some(q) = evidence(fw, n) {
            out.push(q);
        }
    }
    out
}

fn purpose(fw: &Framework, n: &Node) -> Question {
    let wrong: Vec<&Node> = near(fw, n).into_iter().take(OPTIONS - 1).collect();
    let described = mask(first_sentence(&fw.guidance(&n.id).plain), &n.title);
    let others: Vec<String> = wrong
        .iter()
        .map(|w| {
            format!(
                "{} is about this: {}",
                label(w),
                first_sentence(&fw.guidance(&w.id).plain)
            )
        })
        .collect();
    let mut options = vec![label(n)];
    options.extend(wrong.iter().map(|w| label(w)));
    Question {
        id: format!("purpose:{}", n.id),
        area: area_of(n),
        kind: Kind::Purpose,
        prompt: format!("Which requirement does this describe? “{described}”"),
        options,
        correct: 0,
        explanation: format!(
            "The description is {}. {} The other options are different requirements. {}",
            label(n),
            fw.guidance(&n.id).plain,
            others.join(" ")
        ),
        link: Some(n.id.clone()),
    }
}

fn evidence(fw: &Framework, n: &Node) -> Option<Question> {
    let guidance = fw.guidance(&n.id);
    let own: BTreeSet<&str> = guidance.evidence.iter().map(String::as_str).collect();
    let title = n.title.to_lowercase();
    let answer = guidance
        .evidence
        .iter()
        .find(|e| !e.to_lowercase().contains(&title))
        .or(guidance.evidence.first())?;
    // Evidence of requirements in other clauses, and not of a requirement
    // this one names as related, so that a wrong option is not also true.
    let mut pool: Vec<(&Node, &String)> = Vec::new();
    for other in near(fw, n).into_iter().rev() {
        let related =
            guidance.related.contains(&other.id) || fw.guidance(&other.id).related.contains(&n.id);
        if top(other) == top(n) || related {
            continue;
        }
        if let Some(e) = fw
            .guidance(&other.id)
            .evidence
            .iter()
            .find(|e| !own.contains(e.as_str()) && !pool.iter().any(|(_, p)| p == e))
        {
            pool.push((other, e));
        }
        if pool.len() == OPTIONS - 1 {
            break;
        }
    }
    let mut options = vec![answer.clone()];
    options.extend(pool.iter().map(|(_, e)| (*e).clone()));
    let others: Vec<String> = pool
        .iter()
        .map(|(o, e)| format!("“{e}” is evidence for {}.", label(o)))
        .collect();
    Some(Question {
        id: format!("evidence:{}", n.id),
        area: area_of(n),
        kind: Kind::Evidence,
        prompt: format!(
            "Which of these records would an auditor accept as evidence for {}?",
            label(n)
        ),
        options,
        correct: 0,
        explanation: format!(
            "“{answer}” shows {} at work: {} The other records belong to other requirements. {}",
            label(n),
            first_sentence(&guidance.plain),
            others.join(" ")
        ),
        link: Some(n.id.clone()),
    })
}

/// Questions about Clausebook's own model, labelled as such: the portfolio
/// parts it borrows from ITIL, and the capability scale it rates on.
pub fn own_model(fw: &Framework) -> Vec<Question> {
    let mut out = Vec::new();
    for state in Lifecycle::ALL {
        let part = state.part();
        let mut options = vec![part.label().to_owned()];
        options.extend(
            Part::ALL
                .iter()
                .filter(|p| **p != part)
                .map(|p| p.label().to_owned()),
        );
        let others: Vec<String> = Part::ALL
            .iter()
            .filter(|p| **p != part)
            .map(|p| {
                format!(
                    "{} holds what ITIL puts there ({}).",
                    p.label(),
                    p.meaning()
                )
            })
            .collect();
        out.push(Question {
            id: format!("model:lifecycle:{}", state.key()),
            area: Area::OwnModel,
            kind: Kind::Model,
            prompt: format!(
                "In Clausebook's portfolio, which of ITIL's parts holds a service with the status “{}”?",
                state.label()
            ),
            options,
            correct: 0,
            explanation: format!(
                "{} A service that is “{}” belongs there. The other parts: {} {}",
                part.meaning(),
                state.label(),
                others.join(" "),
                Part::SOURCE
            ),
            link: None,
        });
    }
    let scale = &fw.capability_scale;
    for level in &scale.levels {
        let mut rng = Rng::from_text(&format!("level{}", level.level));
        let mut others: Vec<&framework::ScaleLevel> = scale
            .levels
            .iter()
            .filter(|l| l.level != level.level)
            .collect();
        rng.shuffle(&mut others);
        others.truncate(OPTIONS - 1);
        let mut options = vec![level.name.clone()];
        options.extend(others.iter().map(|l| l.name.clone()));
        let why_not: Vec<String> = others
            .iter()
            .map(|l| format!("level {} is {}", l.level, l.name))
            .collect();
        out.push(Question {
            id: format!("model:level:{}", level.level),
            area: Area::OwnModel,
            kind: Kind::Model,
            prompt: format!(
                "On the {} that Clausebook rates processes on, what is level {} called?",
                scale.name, level.level
            ),
            options,
            correct: 0,
            explanation: format!(
                "Level {} is {}: {} Of the other options, {}. {}",
                level.level,
                level.name,
                level.meaning,
                why_not.join(", "),
                scale.note
            ),
            link: None,
        });
    }
    out
}
