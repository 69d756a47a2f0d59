//! Study mode: exam preparation for ISO/IEC 20000 Foundation.
//!
//! - `bank`: the questions, by syllabus area, generated from the guidance
//!   and hand-written in `bank.json`, all in Clausebook's own words.
//! - `exam`: the mock exam's format and how a paper is drawn.
//! - `run`: a run in progress (quiz, timed, exam) and its record.
//! - `cards`, `srs`: the flashcard deck and its spaced-repetition schedule.
//! - `profile`: what the browser keeps, with its migrations.
//!
//! Generation is deterministic for a seed, which keeps it testable and
//! lets a run be repeated.

pub mod bank;
pub mod cards;
pub mod exam;
pub mod profile;
pub mod rng;
pub mod run;
pub mod srs;

pub use bank::{Area, Kind, OPTIONS, Question, bank};
pub use cards::{Flashcard, deck, deck_for, due_today};
pub use profile::{NameTooLong, PROFILE_VERSION, Profile, ProfileError};
pub use rng::Rng;
pub use run::{AreaScore, Mode, Practice, RunError, RunRecord, Score};
pub use srs::{Rating, Review};

/// `count` questions from the chosen areas (all syllabus areas if empty),
/// spread evenly across them, without repeats, shuffled, deterministic for
/// `seed`.
pub fn quiz(areas: &[Area], count: usize, seed: u64) -> Vec<Question> {
    let areas: Vec<Area> = if areas.is_empty() {
        Area::ALL.into_iter().filter(|a| a.in_exam()).collect()
    } else {
        areas.to_vec()
    };
    let mut rng = Rng::new(seed);
    let mut pools: Vec<Vec<&Question>> = areas
        .iter()
        .map(|a| {
            let mut pool: Vec<&Question> = bank().iter().filter(|q| q.area == *a).collect();
            rng.shuffle(&mut pool);
            pool
        })
        .collect();
    let mut out = Vec::with_capacity(count);
    let mut turn = 0;
    let n = pools.len();
    while out.len() < count && pools.iter().any(|p| !p.is_empty()) {
        if let Some(q) = pools[turn % n].pop() {
            out.push(q.shuffled(&mut rng));
        }
        turn += 1;
    }
    rng.shuffle(&mut out);
    out
}
