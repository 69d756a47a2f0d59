//! The mock exam in the Foundation format: 40 questions in 60 minutes,
//! closed book, a pass at 26 of 40 (65%).
//!
//! The paper is drawn across the syllabus areas in fixed proportions
//! ([`BLUEPRINT`]), so every mock covers the whole syllabus the way a real
//! paper does. Clausebook's own model is never in it.

use crate::study::bank::{Area, Question};
use crate::study::rng::Rng;

/// Questions on a paper.
pub const QUESTIONS: usize = 40;
/// Time allowed, in seconds (60 minutes).
pub const SECONDS: u32 = 60 * 60;
/// The pass line in percent: 26 of 40.
pub const PASS_PERCENT: u32 = 65;

/// How many questions each area gets on a paper. The weights follow what
/// published Foundation samples spend on each topic: the requirements of
/// the system and the processes weigh most, then terms, then the series,
/// scope and certification, then relationships.
pub const BLUEPRINT: [(Area, usize); 7] = [
    (Area::Series, 4),
    (Area::Terms, 5),
    (Area::Requirements, 10),
    (Area::Processes, 10),
    (Area::Scope, 4),
    (Area::Relationships, 3),
    (Area::Certification, 4),
];

/// Whether `correct` of `total` passes.
pub fn passes(correct: u32, total: u32) -> bool {
    total > 0 && correct * 100 >= total * PASS_PERCENT
}

/// A paper drawn from `bank` for `seed`: each area's share from its own
/// questions, without repeats, in a shuffled order with shuffled options.
/// An area with too few questions gives what it has (the built-in bank has
/// enough; a test says so).
pub fn paper(bank: &[Question], seed: u64) -> Vec<Question> {
    let mut rng = Rng::new(seed);
    let mut out = Vec::with_capacity(QUESTIONS);
    for (area, count) in BLUEPRINT {
        let mut pool: Vec<&Question> = bank.iter().filter(|q| q.area == area).collect();
        rng.shuffle(&mut pool);
        // One question per requirement link at most, so that a paper does
        // not ask about the same requirement twice in one area.
        let mut linked = Vec::new();
        let mut taken = 0;
        for q in pool {
            if taken == count {
                break;
            }
            if let Some(link) = &q.link {
                if linked.contains(link) {
                    continue;
                }
                linked.push(link.clone());
            }
            out.push(q.shuffled(&mut rng));
            taken += 1;
        }
    }
    rng.shuffle(&mut out);
    out
}
