//! The study profile: who is studying, how their runs went and when each
//! flashcard is due. Its own small JSON document, kept apart from any
//! workbook, and what the Study page exports and imports.
//!
//! Version 1 kept runs broken down by the old question kinds (clause
//! titles, PDCA, lifecycle, capability) and no flashcard schedules; it is
//! migrated on reading, each old kind mapped to the area it belongs to now.

use crate::calendar::{IsoDate, Timestamp};
use crate::limits::{MAX_CARD_REVIEWS, MAX_PROFILE_NAME_CHARS, MAX_STUDY_RUNS};
use crate::study::bank::Area;
use crate::study::run::{AreaScore, Mode, RunRecord, Score};
use crate::study::srs::{self, Rating, Review};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use thiserror::Error;

/// The version of the stored study profile format.
pub const PROFILE_VERSION: u32 = 2;

/// A study profile. Not tied to a workbook.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    pub version: u32,
    pub name: String,
    pub runs: Vec<RunRecord>,
    /// Each flashcard's schedule, by card id.
    #[serde(default)]
    pub cards: BTreeMap<String, Review>,
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

/// Version 1's run, with its breakdown by the kinds of question it had.
#[derive(Deserialize)]
struct RunV1 {
    at: Timestamp,
    mode: Mode,
    score: Score,
    seconds: u32,
    #[serde(default)]
    by_kind: Vec<KindScoreV1>,
}

#[derive(Deserialize)]
struct KindScoreV1 {
    kind: String,
    score: Score,
}

#[derive(Deserialize)]
struct ProfileV1 {
    name: String,
    runs: Vec<RunV1>,
}

/// Where each of version 1's kinds of question belongs now.
fn area_of_v1_kind(kind: &str) -> Option<Area> {
    match kind {
        "number_to_title" | "title_to_number" | "phase_of_clause" | "annex_sl_order" => {
            Some(Area::Requirements)
        }
        "lifecycle_state_part" | "capability_level" => Some(Area::OwnModel),
        _ => None,
    }
}

fn migrate_v1(old: ProfileV1) -> Result<Profile, String> {
    let mut runs = Vec::with_capacity(old.runs.len());
    for (i, run) in old.runs.into_iter().enumerate() {
        let mut by_area: BTreeMap<Area, Score> = BTreeMap::new();
        for ks in run.by_kind {
            let area = area_of_v1_kind(&ks.kind)
                .ok_or_else(|| format!("run {} has an unknown kind “{}”", i + 1, ks.kind))?;
            let s = by_area.entry(area).or_default();
            s.correct += ks.score.correct;
            s.total += ks.score.total;
        }
        runs.push(RunRecord {
            at: run.at,
            mode: run.mode,
            score: run.score,
            seconds: run.seconds,
            by_area: by_area
                .into_iter()
                .map(|(area, score)| AreaScore { area, score })
                .collect(),
        });
    }
    Ok(Profile {
        version: PROFILE_VERSION,
        name: old.name,
        runs,
        cards: BTreeMap::new(),
    })
}

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

    /// Rates a flashcard today and keeps its new schedule.
    pub fn rate(&mut self, card: &str, rating: Rating, today: IsoDate) -> Review {
        let next = srs::schedule(self.cards.get(card), rating, today);
        if self.cards.len() < MAX_CARD_REVIEWS || self.cards.contains_key(card) {
            self.cards.insert(card.to_owned(), next);
        }
        next
    }

    pub fn best(&self) -> Option<u32> {
        self.runs.iter().map(|r| r.score.percent()).max()
    }

    /// The mock exams taken, oldest first.
    pub fn exams(&self) -> impl Iterator<Item = &RunRecord> {
        self.runs.iter().filter(|r| r.mode == Mode::Exam)
    }

    /// Correct answers out of questions asked, per area, over every run.
    pub fn by_area(&self) -> BTreeMap<Area, Score> {
        let mut out: BTreeMap<Area, Score> = BTreeMap::new();
        for a in self.runs.iter().flat_map(|r| &r.by_area) {
            let s = out.entry(a.area).or_default();
            s.correct += a.score.correct;
            s.total += a.score.total;
        }
        out
    }

    /// The syllabus area to study next: the weakest by share of right
    /// answers over every run, among areas with answers; `None` before any.
    pub fn weakest(&self) -> Option<Area> {
        self.by_area()
            .into_iter()
            .filter(|(a, s)| a.in_exam() && s.total > 0)
            .min_by_key(|(_, s)| (s.correct * 1000) / s.total)
            .map(|(a, _)| a)
    }

    /// The profile as the browser keeps it: ASCII JSON, which costs the same
    /// in every browser's storage.
    pub fn to_json(&self) -> String {
        // Plain data with string keys: serialising cannot fail.
        crate::file::ascii::to_string(self).unwrap_or_default()
    }

    /// Reads and checks a stored profile, migrating version 1.
    pub fn from_json(raw: &str) -> Result<Self, ProfileError> {
        let unreadable = |reason: String| ProfileError::Unreadable {
            raw: raw.to_owned(),
            reason,
        };
        let value: serde_json::Value =
            serde_json::from_str(raw).map_err(|e| unreadable(e.to_string()))?;
        let found = value.get("version").and_then(serde_json::Value::as_u64);
        let invalid = |reason: String| ProfileError::Invalid {
            raw: raw.to_owned(),
            reason,
        };
        let profile: Profile = match found {
            Some(1) => {
                let old: ProfileV1 =
                    serde_json::from_value(value).map_err(|e| unreadable(e.to_string()))?;
                migrate_v1(old).map_err(invalid)?
            }
            Some(v) if v == u64::from(PROFILE_VERSION) => {
                serde_json::from_value(value).map_err(|e| unreadable(e.to_string()))?
            }
            Some(v) => {
                return Err(ProfileError::UnknownVersion {
                    raw: raw.to_owned(),
                    found: u32::try_from(v).unwrap_or(u32::MAX),
                });
            }
            None => return Err(unreadable("it has no version number".to_owned())),
        };
        if profile.name.chars().count() > MAX_PROFILE_NAME_CHARS {
            return Err(invalid(format!(
                "the name is longer than {MAX_PROFILE_NAME_CHARS} characters"
            )));
        }
        if profile.cards.len() > MAX_CARD_REVIEWS {
            return Err(invalid(format!(
                "it has more than {MAX_CARD_REVIEWS} flashcard schedules"
            )));
        }
        if let Some((id, _)) = profile
            .cards
            .iter()
            .find(|(_, r)| r.ease < srs::MIN_EASE || r.due < r.last || r.last < r.first)
        {
            return Err(invalid(format!(
                "the schedule of card “{id}” is out of order"
            )));
        }
        for (i, run) in profile.runs.iter().enumerate() {
            let n = i + 1;
            if run.score.correct > run.score.total {
                return Err(invalid(format!(
                    "run {n} has more right answers than questions"
                )));
            }
            let sum = run.by_area.iter().fold(Score::default(), |acc, k| Score {
                correct: acc.correct + k.score.correct,
                total: acc.total + k.score.total,
            });
            if !run.by_area.is_empty() && sum != run.score {
                return Err(invalid(format!(
                    "run {n}'s breakdown by area does not match its score"
                )));
            }
        }
        Ok(profile)
    }
}
