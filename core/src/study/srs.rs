//! Spaced repetition for flashcards: SM-2, the SuperMemo 2 scheduler.
//!
//! Why SM-2 and not FSRS: the maintained FSRS crate (`rs-fsrs` 1.2) depends
//! on chrono with its default features, which include `wasmbind` and so
//! bring wasm-bindgen and js-sys into this crate's tree on wasm32, against
//! the rule that the domain has no browser crate. SM-2 is a few lines of
//! integer arithmetic on whole days, needs no clock type, is what Anki was
//! built on, and is enough for a deck of about two hundred cards studied
//! over weeks. Each card keeps its own small state; the profile stores it.

use crate::calendar::IsoDate;
use serde::{Deserialize, Serialize};

/// Ease starts at 2.5 and never drops below 1.3 (kept in thousandths).
pub const START_EASE: u32 = 2500;
pub const MIN_EASE: u32 = 1300;
/// New cards introduced per day, so that a fresh deck is not all "due".
pub const NEW_PER_DAY: usize = 10;

/// How well the student recalled a card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    /// Forgot it: see it again tomorrow.
    Again,
    /// Recalled with effort.
    Hard,
    /// Recalled.
    Good,
    /// Recalled at once.
    Easy,
}

impl Rating {
    pub const ALL: [Rating; 4] = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy];

    pub fn label(self) -> &'static str {
        match self {
            Rating::Again => "Again",
            Rating::Hard => "Hard",
            Rating::Good => "Good",
            Rating::Easy => "Easy",
        }
    }

    /// SM-2's response quality, 0 to 5; below 3 is a lapse.
    fn quality(self) -> u32 {
        match self {
            Rating::Again => 2,
            Rating::Hard => 3,
            Rating::Good => 4,
            Rating::Easy => 5,
        }
    }
}

/// A card's schedule after its latest review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    /// The day the card was first studied.
    pub first: IsoDate,
    /// The day it was last rated.
    pub last: IsoDate,
    /// The day it is due again.
    pub due: IsoDate,
    /// Days between `last` and `due`.
    pub interval: u32,
    /// SM-2's ease factor, in thousandths.
    pub ease: u32,
    /// Successful reviews in a row.
    pub streak: u32,
    /// Times forgotten.
    pub lapses: u32,
}

impl Review {
    pub fn is_due(&self, today: IsoDate) -> bool {
        self.due <= today
    }
}

/// The schedule after rating a card `rating` on `today`, from its previous
/// schedule (`None` for a new card).
pub fn schedule(previous: Option<&Review>, rating: Rating, today: IsoDate) -> Review {
    let q = rating.quality();
    let ease = previous.map_or(START_EASE, |p| p.ease);
    // SM-2: EF' = EF + (0.1 - (5 - q) * (0.08 + (5 - q) * 0.02)), in thousandths.
    let miss = 5 - q;
    let change = 100_i64 - i64::from(miss * (80 + miss * 20));
    let ease = (i64::from(ease) + change).max(i64::from(MIN_EASE)) as u32;
    let (streak, interval, lapses) = match previous {
        _ if q < 3 => (0, 1, previous.map_or(0, |p| p.lapses) + 1),
        None => (1, 1, 0),
        Some(p) => {
            let streak = p.streak + 1;
            let interval = match streak {
                1 => 1,
                2 => 6,
                // Rounded to whole days: interval × ease.
                _ => ((u64::from(p.interval) * u64::from(ease) + 500) / 1000).max(1) as u32,
            };
            (streak, interval, p.lapses)
        }
    };
    Review {
        first: previous.map_or(today, |p| p.first),
        last: today,
        due: today.add_days(i64::from(interval)),
        interval,
        ease,
        streak,
        lapses,
    }
}
