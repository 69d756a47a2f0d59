//! A run of questions: a quiz, timed practice or a mock exam, and the record
//! of it the profile keeps.
//!
//! The caller passes elapsed time in, so the rules stay testable.

use crate::calendar::Timestamp;
use crate::study::bank::{Area, Question};
use crate::study::exam;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use thiserror::Error;

/// How a run was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Answer, see why at once, go on.
    Quiz,
    /// The same against a clock.
    Timed,
    /// The Foundation format: answers can change and questions be flagged
    /// until the paper is handed in; explanations come in the review.
    Exam,
}

impl Mode {
    pub fn label(self) -> &'static str {
        match self {
            Mode::Quiz => "Quiz",
            Mode::Timed => "Timed practice",
            Mode::Exam => "Mock exam",
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

    fn add(&mut self, right: bool) {
        self.total += 1;
        if right {
            self.correct += 1;
        }
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
    #[error("The paper has been handed in: answers can no longer change.")]
    HandedIn,
}

/// A run in progress: the questions, the answers and flags so far, and the
/// time limit.
#[derive(Debug, Clone, PartialEq)]
pub struct Practice {
    pub mode: Mode,
    pub questions: Vec<Question>,
    answers: Vec<Option<usize>>,
    flags: Vec<bool>,
    handed_in: bool,
    /// Seconds allowed, for timed runs and exams.
    pub time_limit: Option<u32>,
}

impl Practice {
    pub fn new(mode: Mode, questions: Vec<Question>, time_limit: Option<u32>) -> Self {
        let n = questions.len();
        Practice {
            mode,
            questions,
            answers: vec![None; n],
            flags: vec![false; n],
            handed_in: false,
            time_limit,
        }
    }

    /// A mock exam on `questions` with the Foundation time limit.
    pub fn exam(questions: Vec<Question>) -> Self {
        Practice::new(Mode::Exam, questions, Some(exam::SECONDS))
    }

    pub fn answer_of(&self, index: usize) -> Option<usize> {
        self.answers.get(index).copied().flatten()
    }

    /// Records an answer. A quiz takes each answer once; an exam lets the
    /// student change it until the paper is handed in. None after time is up.
    pub fn answer(&mut self, index: usize, choice: usize, elapsed: u32) -> Result<bool, RunError> {
        if self.handed_in {
            return Err(RunError::HandedIn);
        }
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
        if slot.is_some() && self.mode != Mode::Exam {
            return Err(RunError::AlreadyAnswered(index + 1));
        }
        *slot = Some(choice);
        Ok(q.is_correct(choice))
    }

    /// Flags or unflags a question to come back to.
    pub fn toggle_flag(&mut self, index: usize) -> Result<bool, RunError> {
        if self.handed_in {
            return Err(RunError::HandedIn);
        }
        let flag = self
            .flags
            .get_mut(index)
            .ok_or(RunError::NoSuchQuestion(index + 1))?;
        *flag = !*flag;
        Ok(*flag)
    }

    pub fn is_flagged(&self, index: usize) -> bool {
        self.flags.get(index).copied().unwrap_or(false)
    }

    /// The flagged questions, by index.
    pub fn flagged(&self) -> Vec<usize> {
        (0..self.flags.len()).filter(|&i| self.flags[i]).collect()
    }

    /// The unanswered questions, by index.
    pub fn unanswered(&self) -> Vec<usize> {
        (0..self.answers.len())
            .filter(|&i| self.answers[i].is_none())
            .collect()
    }

    /// Ends the paper: no more answers or flags.
    pub fn hand_in(&mut self) {
        self.handed_in = true;
    }

    pub fn is_handed_in(&self) -> bool {
        self.handed_in
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

    /// Whether the run has ended: handed in, or (outside an exam) every
    /// question answered, or time up.
    pub fn is_over(&self, elapsed: u32) -> bool {
        self.handed_in
            || (self.mode != Mode::Exam && self.is_complete())
            || self.is_time_up(elapsed)
    }

    /// Unanswered questions count as wrong: the score is out of all asked.
    pub fn score(&self) -> Score {
        let mut s = Score::default();
        for (q, a) in self.questions.iter().zip(&self.answers) {
            s.add(a.is_some_and(|a| q.is_correct(a)));
        }
        s
    }

    /// Whether an exam's score reaches the pass line.
    pub fn passed(&self) -> bool {
        let s = self.score();
        exam::passes(s.correct, s.total)
    }

    pub fn by_area(&self) -> BTreeMap<Area, Score> {
        let mut out: BTreeMap<Area, Score> = BTreeMap::new();
        for (q, a) in self.questions.iter().zip(&self.answers) {
            out.entry(q.area)
                .or_default()
                .add(a.is_some_and(|a| q.is_correct(a)));
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
            by_area: self
                .by_area()
                .into_iter()
                .map(|(area, score)| AreaScore { area, score })
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
    pub by_area: Vec<AreaScore>,
}

impl RunRecord {
    /// Whether this was a mock exam that reached the pass line.
    pub fn passed(&self) -> Option<bool> {
        (self.mode == Mode::Exam).then(|| exam::passes(self.score.correct, self.score.total))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AreaScore {
    pub area: Area,
    pub score: Score,
}
