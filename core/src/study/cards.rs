//! Flashcards: a stable deck by syllabus area, and which cards are due.
//!
//! Each card has a stable id, so that its spaced-repetition schedule (kept
//! in the profile) stays with it across releases that add cards.

use crate::calendar::IsoDate;
use crate::framework::{Framework, Phase};
use crate::study::bank::{self, Area, Kind};
use crate::study::srs::{NEW_PER_DAY, Review};
use std::collections::BTreeMap;

/// A two-sided card: prompt on the front, answer and explanation on the back.
#[derive(Debug, Clone, PartialEq)]
pub struct Flashcard {
    pub id: String,
    pub area: Area,
    pub front: String,
    pub back: String,
}

/// The whole deck, in a stable order: terms and series parts (from the
/// hand-written bank), what each requirement is for, the PDCA convention,
/// then Clausebook's own model.
pub fn deck(fw: &Framework) -> Vec<Flashcard> {
    let mut cards = Vec::new();
    for q in bank::written() {
        if matches!(q.kind, Kind::Term | Kind::Part) {
            cards.push(Flashcard {
                id: format!("q:{}", q.id),
                area: q.area,
                front: q.prompt.clone(),
                back: format!("{} {}", q.answer(), q.explanation),
            });
        }
    }
    for n in fw.leaves().filter(|n| !fw.guidance(&n.id).plain.is_empty()) {
        cards.push(Flashcard {
            id: format!("req:{}", n.id),
            area: if n.number.starts_with("8.") {
                Area::Processes
            } else {
                Area::Requirements
            },
            front: format!("{} {}: what is it for?", n.number, n.title),
            back: fw.guidance(&n.id).plain.clone(),
        });
    }
    let phases: Vec<String> = Phase::ALL
        .into_iter()
        .map(|p| {
            let clauses: Vec<&str> = fw
                .roots()
                .filter(|r| r.pdca == p)
                .map(|r| r.number.as_str())
                .collect();
            format!("{}: {}", p.label(), clauses.join(", "))
        })
        .collect();
    cards.push(Flashcard {
        id: "pdca".to_owned(),
        area: Area::Requirements,
        front: "Which clauses are usually read as Plan, Do, Check and Act?".to_owned(),
        back: format!("{}. {}", phases.join("; "), fw.pdca_note),
    });
    for q in bank::own_model(fw) {
        cards.push(Flashcard {
            id: format!("q:{}", q.id),
            area: Area::OwnModel,
            front: q.prompt.clone(),
            back: format!("{} {}", q.answer(), q.explanation),
        });
    }
    cards
}

/// The deck for the chosen areas (all if empty).
pub fn deck_for(fw: &Framework, areas: &[Area]) -> Vec<Flashcard> {
    deck(fw)
        .into_iter()
        .filter(|c| areas.is_empty() || areas.contains(&c.area))
        .collect()
}

/// The cards to study today, in deck order: every reviewed card whose day
/// has come, then new cards up to what is left of the day's allowance.
pub fn due_today<'a>(
    cards: &'a [Flashcard],
    reviews: &BTreeMap<String, Review>,
    today: IsoDate,
) -> Vec<&'a Flashcard> {
    let introduced = reviews.values().filter(|r| r.first == today).count();
    let mut allowance = NEW_PER_DAY.saturating_sub(introduced);
    let mut out = Vec::new();
    for card in cards {
        match reviews.get(&card.id) {
            Some(r) if r.is_due(today) => out.push(card),
            Some(_) => {}
            None if allowance > 0 => {
                allowance -= 1;
                out.push(card);
            }
            None => {}
        }
    }
    out
}
