//! Study mode: quizzes, flashcards and timed practice for exam preparation.
//!
//! Every question is generated from data — the framework definition (clause
//! numbers, titles, PDCA phases, hierarchy), the portfolio lifecycle and the
//! capability scale — so nothing here restates the standard. Generation is
//! deterministic for a seed, which keeps it testable and lets a run be repeated.
//!
//! The study profile (name and history of runs) is its own small JSON
//! document, kept apart from any workbook.

use crate::calendar::Timestamp;
use crate::framework::ScaleLevel;
use crate::framework::{Framework, Node, Phase, RequirementId};
use crate::limits::{MAX_PROFILE_NAME_CHARS, MAX_STUDY_RUNS};
use crate::portfolio::{Lifecycle, Part};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use thiserror::Error;

/// How many options a multiple-choice question offers at most.
pub const OPTIONS: usize = 4;

/// The kinds of question the generator can ask.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Given a clause number, pick its title.
    NumberToTitle,
    /// Given a clause title, pick its number.
    TitleToNumber,
    /// Given a clause, pick its Plan-Do-Check-Act phase.
    PhaseOfClause,
    /// Given a clause, pick the one that follows it in the Annex SL order.
    AnnexSlOrder,
    /// Given a service lifecycle status, pick the portfolio part it belongs to.
    LifecycleStatePart,
    /// Match a capability level's number, name and meaning.
    CapabilityLevel,
}

/// The topics a student can filter on; each covers one or more kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Topic {
    Clauses,
    Pdca,
    Structure,
    Lifecycle,
    Capability,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::NumberToTitle,
        Kind::TitleToNumber,
        Kind::PhaseOfClause,
        Kind::AnnexSlOrder,
        Kind::LifecycleStatePart,
        Kind::CapabilityLevel,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Kind::NumberToTitle => "Clause number to title",
            Kind::TitleToNumber => "Clause title to number",
            Kind::PhaseOfClause => "PDCA phase of a clause",
            Kind::AnnexSlOrder => "Order of the clauses",
            Kind::LifecycleStatePart => "Service lifecycle and portfolio",
            Kind::CapabilityLevel => "Capability levels",
        }
    }

    pub fn topic(self) -> Topic {
        match self {
            Kind::NumberToTitle | Kind::TitleToNumber => Topic::Clauses,
            Kind::PhaseOfClause => Topic::Pdca,
            Kind::AnnexSlOrder => Topic::Structure,
            Kind::LifecycleStatePart => Topic::Lifecycle,
            Kind::CapabilityLevel => Topic::Capability,
        }
    }
}

impl Topic {
    pub const ALL: [Topic; 5] = [
        Topic::Clauses,
        Topic::Pdca,
        Topic::Structure,
        Topic::Lifecycle,
        Topic::Capability,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Topic::Clauses => "Clause numbers and titles",
            Topic::Pdca => "The PDCA cycle",
            Topic::Structure => "Order of the clauses",
            Topic::Lifecycle => "Service lifecycle",
            Topic::Capability => "Capability levels",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Topic::Clauses => "clauses",
            Topic::Pdca => "pdca",
            Topic::Structure => "structure",
            Topic::Lifecycle => "lifecycle",
            Topic::Capability => "capability",
        }
    }

    pub fn kinds(self) -> impl Iterator<Item = Kind> {
        Kind::ALL.into_iter().filter(move |k| k.topic() == self)
    }
}

/// A small xorshift64* generator: deterministic for a seed, no dependencies,
/// and good enough to shuffle quiz options (nothing here needs secrecy).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        // Zero is the one state xorshift never leaves; map it elsewhere.
        Rng(if seed == 0 {
            0x9E37_79B9_7F4A_7C15
        } else {
            seed
        })
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n`; `n` must not be zero.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        (!items.is_empty()).then(|| &items[self.below(items.len())])
    }
}

/// One multiple-choice question with exactly one correct option.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub kind: Kind,
    pub prompt: String,
    pub options: Vec<String>,
    pub correct: usize,
    /// Why the correct option is right, in Clausebook's own words.
    pub explanation: String,
}

impl Question {
    pub fn is_correct(&self, choice: usize) -> bool {
        choice == self.correct
    }

    pub fn answer(&self) -> &str {
        &self.options[self.correct]
    }
}

/// Builds a question from a correct option and distractors: drops duplicates
/// of the answer and of each other, keeps at most `OPTIONS`, then shuffles.
fn assemble(
    rng: &mut Rng,
    kind: Kind,
    prompt: String,
    answer: String,
    distractors: Vec<String>,
    explanation: String,
) -> Question {
    let mut options = vec![answer.clone()];
    for d in distractors {
        if options.len() == OPTIONS {
            break;
        }
        if !options.contains(&d) {
            options.push(d);
        }
    }
    rng.shuffle(&mut options);
    let correct = options.iter().position(|o| *o == answer).unwrap_or(0);
    Question {
        kind,
        prompt,
        options,
        correct,
        explanation,
    }
}

/// Clauses whose title appears only once in the framework, so a question
/// about them has one right answer ("General" is the title of several).
/// A question about one clause whose answer is `answer` of it (its title or
/// its number), with nearby clauses' answers as the wrong options.
/// `texts` gives the prompt and the start of the explanation.
/// Which half of a clause a clause question asks for, given the other half.
#[derive(Clone, Copy)]
enum Asked {
    Title,
    Number,
}

impl Asked {
    fn of(self, node: &Node) -> &String {
        match self {
            Asked::Title => &node.title,
            Asked::Number => &node.number,
        }
    }

    /// The prompt, and the explanation shown with the answer.
    fn texts(self, n: &Node) -> (String, String) {
        match self {
            Asked::Title => (
                format!("What is the title of clause {}?", n.number),
                format!("Clause {} is “{}”.", n.number, n.title),
            ),
            Asked::Number => (
                format!("Which clause is titled “{}”?", n.title),
                format!("“{}” is clause {}.", n.title, n.number),
            ),
        }
    }
}

fn clause_question(fw: &Framework, kind: Kind, rng: &mut Rng, asked: Asked) -> Option<Question> {
    let pool = unique_titled(fw);
    let node = *rng.pick(&pool)?;
    let distractors = near_clauses(fw, node, rng)
        .into_iter()
        .map(|n| asked.of(n).clone())
        .collect();
    let (prompt, explanation) = asked.texts(node);
    let context = clause_context(fw, node);
    let q = assemble(
        rng,
        kind,
        prompt,
        asked.of(node).clone(),
        distractors,
        format!("{explanation}{context}"),
    );
    (q.options.len() > 1).then_some(q)
}

fn unique_titled(fw: &Framework) -> Vec<&Node> {
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for n in fw.nodes() {
        *count.entry(n.title.as_str()).or_default() += 1;
    }
    fw.nodes()
        .iter()
        .filter(|n| count.get(n.title.as_str()) == Some(&1))
        .collect()
}

/// Clauses at the same level under the same parent (top-level clauses are
/// siblings of each other), in document order, including `node` itself.
fn siblings<'a>(fw: &'a Framework, node: &Node) -> Vec<&'a Node> {
    match &node.parent {
        Some(p) => fw.children(p).collect(),
        None => fw.roots().collect(),
    }
}

fn depth(fw: &Framework, id: &RequirementId) -> usize {
    fw.ancestors(id).count()
}

/// Plausible wrong clauses for `node`: siblings first (the ones a student
/// mixes up), then clauses at the same depth, then any; shuffled in each band.
fn near_clauses<'a>(fw: &'a Framework, node: &Node, rng: &mut Rng) -> Vec<&'a Node> {
    let d = depth(fw, &node.id);
    let mut sibs: Vec<&Node> = siblings(fw, node)
        .into_iter()
        .filter(|n| n.id != node.id)
        .collect();
    let mut level: Vec<&Node> = fw
        .nodes()
        .iter()
        .filter(|n| n.id != node.id && n.parent != node.parent && depth(fw, &n.id) == d)
        .collect();
    rng.shuffle(&mut sibs);
    rng.shuffle(&mut level);
    sibs.into_iter().chain(level).collect()
}

fn clause_context(fw: &Framework, node: &Node) -> String {
    match node.parent.as_ref().and_then(|p| fw.node(p)) {
        Some(parent) => format!(
            " It sits under clause {} “{}”, in the {} part of the cycle.",
            parent.number,
            parent.title,
            node.pdca.label()
        ),
        None => format!(
            " It is a top-level clause, in the {} part of the cycle.",
            node.pdca.label()
        ),
    }
}

/// The top-level clauses that make up each phase, e.g. "4, 5, 6 and 7".
fn phase_clauses(fw: &Framework, phase: Phase) -> String {
    let numbers: Vec<&str> = fw
        .roots()
        .filter(|r| r.pdca == phase)
        .map(|r| r.number.as_str())
        .collect();
    match numbers.split_last() {
        None => String::new(),
        Some((last, [])) => format!("clause {last}"),
        Some((last, rest)) => format!("clauses {} and {last}", rest.join(", ")),
    }
}

/// Generates one question of `kind`. Returns `None` only if the framework
/// has too little data for that kind (the built-in one always has enough).
pub fn question(fw: &Framework, kind: Kind, rng: &mut Rng) -> Option<Question> {
    match kind {
        Kind::NumberToTitle => clause_question(fw, kind, rng, Asked::Title),
        Kind::TitleToNumber => clause_question(fw, kind, rng, Asked::Number),
        Kind::PhaseOfClause => {
            let pool = unique_titled(fw);
            let node = *rng.pick(&pool)?;
            let q = assemble(
                rng,
                kind,
                format!(
                    "In which phase of the Plan-Do-Check-Act cycle is clause {} “{}”?",
                    node.number, node.title
                ),
                node.pdca.label().to_owned(),
                Phase::ALL.iter().map(|p| p.label().to_owned()).collect(),
                format!(
                    "Clause {} belongs to {}, as does everything in {}. {}",
                    node.number,
                    node.pdca.label(),
                    phase_clauses(fw, node.pdca),
                    node.pdca.meaning()
                ),
            );
            Some(q)
        }
        Kind::AnnexSlOrder => {
            // A clause with a next sibling, in a group big enough to offer
            // three wrong answers from the same group.
            let titled = unique_titled(fw);
            let pool: Vec<(&Node, &Node, Vec<&Node>)> = titled
                .iter()
                .filter_map(|node| {
                    let group = siblings(fw, node);
                    let at = group.iter().position(|n| n.id == node.id)?;
                    let next = *group.get(at + 1)?;
                    let unique = group.iter().all(|g| titled.iter().any(|t| t.id == g.id));
                    (unique && group.len() >= OPTIONS).then_some((*node, next, group))
                })
                .collect();
            let (node, next, group) = rng.pick(&pool)?.clone();
            let mut others: Vec<String> = group
                .iter()
                .filter(|n| n.id != node.id && n.id != next.id)
                .map(|n| n.title.clone())
                .collect();
            rng.shuffle(&mut others);
            let scope = match node.parent.as_ref().and_then(|p| fw.node(p)) {
                Some(parent) => format!("Within clause {} “{}”", parent.number, parent.title),
                None => "Among the top-level clauses".to_owned(),
            };
            let order: Vec<String> = group
                .iter()
                .map(|n| format!("{} {}", n.number, n.title))
                .collect();
            let q = assemble(
                rng,
                kind,
                format!(
                    "{scope}, which clause comes straight after “{}”?",
                    node.title
                ),
                next.title.clone(),
                others,
                format!(
                    "“{}” ({}) is followed by “{}” ({}). The full order is: {}.",
                    node.title,
                    node.number,
                    next.title,
                    next.number,
                    order.join("; ")
                ),
            );
            Some(q)
        }
        Kind::LifecycleStatePart => {
            let state = *rng.pick(&Lifecycle::ALL)?;
            let part = state.part();
            let q = assemble(
                rng,
                kind,
                format!(
                    "A service has the lifecycle status “{}”. Which part of the service portfolio is it in?",
                    state.label()
                ),
                part.label().to_owned(),
                Part::ALL.iter().map(|p| p.label().to_owned()).collect(),
                format!(
                    "“{}” belongs to the {} part of the portfolio, which holds: {}",
                    state.label(),
                    part.label(),
                    part.meaning().to_lowercase()
                ),
            );
            Some(q)
        }
        Kind::CapabilityLevel => {
            // The ISO/IEC 33020 scale the ISO/IEC 20000-1 framework declares.
            let scale = &crate::framework::iso20000().capability_scale;
            let level = rng.pick(&scale.levels)?.clone();
            let mut others: Vec<ScaleLevel> = scale
                .levels
                .iter()
                .filter(|l| l.level != level.level)
                .cloned()
                .collect();
            rng.shuffle(&mut others);
            let label = |l: &ScaleLevel| format!("{} {}", l.level, l.name);
            let explanation = format!(
                "Capability level {}: {} The scale runs from 0 to {}; each level builds on the one below.",
                label(&level),
                level.meaning,
                scale.max()
            );
            // Two directions: meaning → level, and number → name.
            let q = if rng.below(2) == 0 {
                assemble(
                    rng,
                    kind,
                    format!(
                        "Which capability level fits this description: “{}”",
                        level.meaning
                    ),
                    label(&level),
                    others.iter().map(label).collect(),
                    explanation,
                )
            } else {
                assemble(
                    rng,
                    kind,
                    format!("What is capability level {} called?", level.level),
                    level.name.clone(),
                    others.iter().map(|l| l.name.clone()).collect(),
                    explanation,
                )
            };
            Some(q)
        }
    }
}

/// `count` questions drawn from `kinds` (all kinds if empty), spread evenly
/// across the kinds and shuffled, deterministic for `seed`.
pub fn quiz(fw: &Framework, kinds: &[Kind], count: usize, seed: u64) -> Vec<Question> {
    let kinds: Vec<Kind> = if kinds.is_empty() {
        Kind::ALL.to_vec()
    } else {
        kinds.to_vec()
    };
    let mut rng = Rng::new(seed);
    let mut order: Vec<Kind> = (0..count).map(|i| kinds[i % kinds.len()]).collect();
    rng.shuffle(&mut order);
    let mut out: Vec<Question> = Vec::with_capacity(count);
    for kind in order {
        // A few tries to avoid asking the same thing twice in one run.
        let mut chosen = None;
        for _ in 0..8 {
            let Some(q) = question(fw, kind, &mut rng) else {
                break;
            };
            let repeat = out.iter().any(|o| o.prompt == q.prompt);
            chosen = Some(q);
            if !repeat {
                break;
            }
        }
        out.extend(chosen);
    }
    out
}

/// A two-sided card: prompt on the front, answer and explanation on the back.
#[derive(Debug, Clone, PartialEq)]
pub struct Flashcard {
    pub topic: Topic,
    pub front: String,
    pub back: String,
}

/// Flashcards for the chosen topics (all if empty), in a stable order:
/// clauses in document order, then the phases, lifecycle and levels.
pub fn flashcards(fw: &Framework, topics: &[Topic]) -> Vec<Flashcard> {
    let wanted = |t: Topic| topics.is_empty() || topics.contains(&t);
    let mut cards = Vec::new();
    if wanted(Topic::Clauses) {
        for n in fw.nodes() {
            cards.push(Flashcard {
                topic: Topic::Clauses,
                front: format!("Clause {}", n.number),
                back: format!("{}.{}", n.title, clause_context(fw, n)),
            });
        }
    }
    if wanted(Topic::Pdca) {
        for p in Phase::ALL {
            cards.push(Flashcard {
                topic: Topic::Pdca,
                front: format!("{} (PDCA)", p.label()),
                back: format!("{}: {}", capitalise(&phase_clauses(fw, p)), p.meaning()),
            });
        }
    }
    if wanted(Topic::Structure) {
        let order: Vec<String> = fw
            .roots()
            .map(|r| format!("{} {}", r.number, r.title))
            .collect();
        cards.push(Flashcard {
            topic: Topic::Structure,
            front: "The top-level clauses in order".to_owned(),
            back: order.join("; "),
        });
    }
    if wanted(Topic::Lifecycle) {
        for s in Lifecycle::ALL {
            let part = s.part();
            cards.push(Flashcard {
                topic: Topic::Lifecycle,
                front: format!("Lifecycle status “{}”", s.label()),
                back: format!("{}: {}", part.label(), part.meaning()),
            });
        }
    }
    if wanted(Topic::Capability) {
        for l in &crate::framework::iso20000().capability_scale.levels {
            cards.push(Flashcard {
                topic: Topic::Capability,
                front: format!("Capability level {}", l.level),
                back: format!("{}: {}", l.name, l.meaning),
            });
        }
    }
    cards
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// How a run was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    Quiz,
    Timed,
}

impl Mode {
    pub fn label(self) -> &'static str {
        match self {
            Mode::Quiz => "Quiz",
            Mode::Timed => "Timed practice",
        }
    }
}

/// Right answers out of questions asked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Score {
    pub correct: u32,
    pub total: u32,
}

impl Score {
    /// Whole percent, rounded down; 0 for an empty run.
    pub fn percent(self) -> u32 {
        (self.correct * 100).checked_div(self.total).unwrap_or(0)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RunError {
    #[error("There is no question {0} in this run.")]
    NoSuchQuestion(usize),
    #[error("Question {0} has no option {1}.")]
    NoSuchOption(usize, usize),
    #[error("Question {0} is already answered.")]
    AlreadyAnswered(usize),
    #[error("Time is up: answers are no longer accepted.")]
    TimeUp,
}

/// A run in progress: the questions, the answers so far and the time limit.
/// The caller passes elapsed time in, so the rules stay testable.
#[derive(Debug, Clone, PartialEq)]
pub struct Practice {
    pub mode: Mode,
    pub questions: Vec<Question>,
    answers: Vec<Option<usize>>,
    /// Seconds allowed, for timed runs.
    pub time_limit: Option<u32>,
}

impl Practice {
    pub fn new(mode: Mode, questions: Vec<Question>, time_limit: Option<u32>) -> Self {
        let answers = vec![None; questions.len()];
        Practice {
            mode,
            questions,
            answers,
            time_limit,
        }
    }

    pub fn answer_of(&self, index: usize) -> Option<usize> {
        self.answers.get(index).copied().flatten()
    }

    /// Records an answer; each question is answered once, and not after time is up.
    pub fn answer(&mut self, index: usize, choice: usize, elapsed: u32) -> Result<bool, RunError> {
        if self.is_time_up(elapsed) {
            return Err(RunError::TimeUp);
        }
        let q = self
            .questions
            .get(index)
            .ok_or(RunError::NoSuchQuestion(index + 1))?;
        if choice >= q.options.len() {
            return Err(RunError::NoSuchOption(index + 1, choice + 1));
        }
        let slot = &mut self.answers[index];
        if slot.is_some() {
            return Err(RunError::AlreadyAnswered(index + 1));
        }
        *slot = Some(choice);
        Ok(q.is_correct(choice))
    }

    pub fn is_time_up(&self, elapsed: u32) -> bool {
        self.time_limit.is_some_and(|limit| elapsed >= limit)
    }

    pub fn seconds_left(&self, elapsed: u32) -> Option<u32> {
        self.time_limit.map(|limit| limit.saturating_sub(elapsed))
    }

    pub fn answered(&self) -> usize {
        self.answers.iter().flatten().count()
    }

    pub fn is_complete(&self) -> bool {
        self.answered() == self.questions.len()
    }

    /// Whether the run has ended: every question answered, or time up.
    pub fn is_over(&self, elapsed: u32) -> bool {
        self.is_complete() || self.is_time_up(elapsed)
    }

    /// Unanswered questions count as wrong: the score is out of all asked.
    pub fn score(&self) -> Score {
        let correct = self
            .questions
            .iter()
            .zip(&self.answers)
            .filter(|(q, a)| a.is_some_and(|a| q.is_correct(a)))
            .count();
        Score {
            correct: correct as u32,
            total: self.questions.len() as u32,
        }
    }

    pub fn by_kind(&self) -> BTreeMap<Kind, Score> {
        let mut out: BTreeMap<Kind, Score> = BTreeMap::new();
        for (q, a) in self.questions.iter().zip(&self.answers) {
            let s = out.entry(q.kind).or_default();
            s.total += 1;
            if a.is_some_and(|a| q.is_correct(a)) {
                s.correct += 1;
            }
        }
        out
    }

    /// The record to keep in the profile.
    pub fn finish(&self, at: Timestamp, elapsed: u32) -> RunRecord {
        RunRecord {
            at,
            mode: self.mode,
            score: self.score(),
            seconds: elapsed.min(self.time_limit.unwrap_or(u32::MAX)),
            by_kind: self
                .by_kind()
                .into_iter()
                .map(|(kind, score)| KindScore { kind, score })
                .collect(),
        }
    }
}

/// One finished run in the history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunRecord {
    pub at: Timestamp,
    pub mode: Mode,
    pub score: Score,
    pub seconds: u32,
    pub by_kind: Vec<KindScore>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KindScore {
    pub kind: Kind,
    pub score: Score,
}

/// The version of the stored study profile format.
pub const PROFILE_VERSION: u32 = 1;

/// A study profile: who is studying and how their runs went. Not tied to a workbook.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    pub version: u32,
    pub name: String,
    pub runs: Vec<RunRecord>,
}

/// Why stored study data could not be read. Each carries the stored text so
/// nothing is lost when a fresh profile replaces it.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ProfileError {
    #[error("The saved study profile is not readable ({reason}). It has been kept as it was.")]
    Unreadable { raw: String, reason: String },
    #[error(
        "The saved study profile is version {found}, which this version of Clausebook does not know. Update Clausebook to read it."
    )]
    UnknownVersion { raw: String, found: u32 },
    #[error("The saved study profile has a run that does not add up: {reason}.")]
    Invalid { raw: String, reason: String },
}

impl ProfileError {
    /// The stored text that could not be read.
    pub fn raw(&self) -> &str {
        match self {
            ProfileError::Unreadable { raw, .. }
            | ProfileError::UnknownVersion { raw, .. }
            | ProfileError::Invalid { raw, .. } => raw,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("A profile name can be at most {MAX_PROFILE_NAME_CHARS} characters.")]
pub struct NameTooLong;

impl Profile {
    pub fn new(name: &str) -> Result<Self, NameTooLong> {
        let mut p = Profile {
            version: PROFILE_VERSION,
            ..Profile::default()
        };
        p.rename(name)?;
        Ok(p)
    }

    pub fn rename(&mut self, name: &str) -> Result<(), NameTooLong> {
        let name = name.trim();
        if name.chars().count() > MAX_PROFILE_NAME_CHARS {
            return Err(NameTooLong);
        }
        self.name = name.to_owned();
        Ok(())
    }

    /// Adds a finished run, dropping the oldest beyond `MAX_STUDY_RUNS`.
    pub fn record(&mut self, run: RunRecord) {
        self.runs.push(run);
        if self.runs.len() > MAX_STUDY_RUNS {
            let extra = self.runs.len() - MAX_STUDY_RUNS;
            self.runs.drain(..extra);
        }
    }

    pub fn best(&self) -> Option<u32> {
        self.runs.iter().map(|r| r.score.percent()).max()
    }

    /// Correct answers out of questions asked, per kind, over every run.
    pub fn by_kind(&self) -> BTreeMap<Kind, Score> {
        let mut out: BTreeMap<Kind, Score> = BTreeMap::new();
        for ks in self.runs.iter().flat_map(|r| &r.by_kind) {
            let s = out.entry(ks.kind).or_default();
            s.correct += ks.score.correct;
            s.total += ks.score.total;
        }
        out
    }

    /// The profile as the browser keeps it: ASCII JSON, which costs the same
    /// in every browser's storage.
    pub fn to_json(&self) -> String {
        // Plain data with string keys: serialising cannot fail.
        crate::file::ascii::to_string(self).unwrap_or_default()
    }

    /// Reads and checks a stored profile.
    pub fn from_json(raw: &str) -> Result<Self, ProfileError> {
        let value: serde_json::Value =
            serde_json::from_str(raw).map_err(|e| ProfileError::Unreadable {
                raw: raw.to_owned(),
                reason: e.to_string(),
            })?;
        let found = value.get("version").and_then(serde_json::Value::as_u64);
        match found {
            Some(v) if v == u64::from(PROFILE_VERSION) => {}
            Some(v) => {
                return Err(ProfileError::UnknownVersion {
                    raw: raw.to_owned(),
                    found: u32::try_from(v).unwrap_or(u32::MAX),
                });
            }
            None => {
                return Err(ProfileError::Unreadable {
                    raw: raw.to_owned(),
                    reason: "it has no version number".to_owned(),
                });
            }
        }
        let profile: Profile =
            serde_json::from_value(value).map_err(|e| ProfileError::Unreadable {
                raw: raw.to_owned(),
                reason: e.to_string(),
            })?;
        let invalid = |reason: String| ProfileError::Invalid {
            raw: raw.to_owned(),
            reason,
        };
        if profile.name.chars().count() > MAX_PROFILE_NAME_CHARS {
            return Err(invalid(format!(
                "the name is longer than {MAX_PROFILE_NAME_CHARS} characters"
            )));
        }
        for (i, run) in profile.runs.iter().enumerate() {
            let n = i + 1;
            if run.score.correct > run.score.total {
                return Err(invalid(format!(
                    "run {n} has more right answers than questions"
                )));
            }
            let sum = run.by_kind.iter().fold(Score::default(), |acc, k| Score {
                correct: acc.correct + k.score.correct,
                total: acc.total + k.score.total,
            });
            if !run.by_kind.is_empty() && sum != run.score {
                return Err(invalid(format!(
                    "run {n}'s breakdown by kind does not match its score"
                )));
            }
        }
        Ok(profile)
    }
}
