//! Study (issue 22): the question bank's quality rules, the mock exam's
//! composition, runs, the flashcard scheduler and the profile's migration.

use clausebook_core::calendar::{IsoDate, Timestamp};
use clausebook_core::framework::{self, RequirementId};
use clausebook_core::limits;
use clausebook_core::study::bank::{self, Area, Kind, Question};
use clausebook_core::study::exam::{self, BLUEPRINT};
use clausebook_core::study::srs::{self, Rating};
use clausebook_core::study::{
    self, Mode, Practice, Profile, ProfileError, RunError, cards, deck, due_today,
};
use std::collections::{BTreeMap, HashSet};

fn at() -> Timestamp {
    "2026-11-25T18:00:00.000Z".parse().unwrap()
}

fn day(text: &str) -> IsoDate {
    text.parse().unwrap()
}

fn norm(text: &str) -> String {
    text.trim().to_lowercase()
}

/// Whether `phrase` occurs in `text` as whole words ("20000-1" is not in
/// "20000-10").
fn contains_phrase(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + phrase.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

fn all() -> &'static [Question] {
    study::bank()
}

#[test]
fn the_hand_written_bank_parses() {
    bank::written_parses().unwrap();
    assert!(bank::written().len() > 100);
}

/// Every question: one correct option among distinct ones, none empty.
#[test]
fn every_question_has_exactly_one_correct_option_among_distinct_ones() {
    for q in all() {
        let n = q.options.len();
        let expected = if q.kind == Kind::Model { 3..=4 } else { 4..=4 };
        assert!(expected.contains(&n), "{}: {n} options", q.id);
        assert!(q.correct < n, "{}", q.id);
        let distinct: HashSet<String> = q.options.iter().map(|o| norm(o)).collect();
        assert_eq!(
            distinct.len(),
            n,
            "{}: options repeat: {:?}",
            q.id,
            q.options
        );
        for o in &q.options {
            assert!(!o.trim().is_empty(), "{}: an empty option", q.id);
        }
        // No option is part of another, which would make both true.
        for (i, a) in q.options.iter().enumerate() {
            for (j, b) in q.options.iter().enumerate() {
                if i != j {
                    assert!(
                        !contains_phrase(&norm(b), &norm(a)),
                        "{}: “{a}” is inside “{b}”",
                        q.id
                    );
                }
            }
        }
        assert!(!q.prompt.trim().is_empty(), "{}", q.id);
    }
}

#[test]
fn ids_are_unique_and_links_are_requirements() {
    let fw = framework::iso20000();
    let mut seen = HashSet::new();
    for q in all() {
        assert!(seen.insert(q.id.clone()), "{} twice", q.id);
        if let Some(link) = &q.link {
            assert!(fw.is_leaf(link), "{}: {link} is not a requirement", q.id);
        }
        if matches!(q.kind, Kind::Purpose | Kind::Evidence | Kind::Scenario)
            || matches!(q.area, Area::Requirements | Area::Processes)
        {
            assert!(q.link.is_some(), "{} needs a link to its requirement", q.id);
        }
    }
}

/// An explanation teaches: it says more than the answer, in more than one
/// sentence, and does not quote requirement text.
#[test]
fn every_explanation_says_more_than_the_answer() {
    for q in all() {
        let e = q.explanation.trim();
        assert!(
            e.chars().count() >= q.answer().chars().count() + 60,
            "{}: the explanation is hardly more than the answer: {e}",
            q.id
        );
        assert_ne!(norm(e), norm(q.answer()), "{}", q.id);
        let sentences = e.matches(". ").count() + 1;
        assert!(sentences >= 2, "{}: one sentence only: {e}", q.id);
        for text in [e, q.prompt.as_str()] {
            assert!(
                !text.to_lowercase().contains(" shall "),
                "{}: reads like the standard's text",
                q.id
            );
        }
    }
}

/// The explanation also says why the others are wrong: for scenarios and
/// generated questions, it names every wrong option.
#[test]
fn explanations_name_every_wrong_option() {
    for q in all() {
        for (i, wrong) in q.options.iter().enumerate() {
            if i == q.correct {
                continue;
            }
            let named = match q.kind {
                // Scenario options are "8.3.3 Title": the number is enough.
                Kind::Scenario => {
                    let number = wrong.split(' ').next().unwrap_or_default();
                    q.explanation.contains(&format!("({number})"))
                        || q.explanation.contains(&format!("{number} "))
                }
                Kind::Purpose | Kind::Evidence | Kind::Model => q.explanation.contains(wrong),
                _ => true,
            };
            assert!(
                named,
                "{}: the explanation does not say why not “{wrong}”",
                q.id
            );
        }
    }
}

/// Wrong options are not also true.
#[test]
fn distractors_are_not_also_true() {
    let fw = framework::iso20000();
    for q in all() {
        let Some(link) = &q.link else { continue };
        let node = fw.node(link).unwrap();
        match q.kind {
            Kind::Evidence => {
                for (i, o) in q.options.iter().enumerate() {
                    let own = fw.guidance(&node.id).evidence.contains(o);
                    assert_eq!(own, i == q.correct, "{}: “{o}”", q.id);
                }
            }
            Kind::Purpose | Kind::Scenario => {
                let label = format!("{} {}", node.number, node.title);
                assert_eq!(q.answer(), label, "{}: the answer is its link", q.id);
                for (i, o) in q.options.iter().enumerate() {
                    if i != q.correct {
                        let number = o.split(' ').next().unwrap_or_default();
                        assert!(
                            fw.node_by_str(number).is_some_and(|n| n.id != *link),
                            "{}: “{o}” is not another requirement",
                            q.id
                        );
                    }
                }
            }
            _ => {}
        }
    }
}

#[test]
fn a_purpose_description_does_not_give_its_title_away() {
    for q in all().iter().filter(|q| q.kind == Kind::Purpose) {
        let title = q
            .answer()
            .split_once(' ')
            .map(|(_, t)| t)
            .unwrap_or_default();
        assert!(
            !norm(&q.prompt).contains(&norm(title)),
            "{}: {}",
            q.id,
            q.prompt
        );
    }
}

/// A scenario does not name its own answer.
#[test]
fn a_scenario_does_not_name_its_answer() {
    for q in all().iter().filter(|q| q.kind == Kind::Scenario) {
        let number = q.answer().split(' ').next().unwrap_or_default();
        assert!(
            !contains_phrase(&q.prompt, number),
            "{}: the prompt names {number}: {}",
            q.id,
            q.prompt
        );
    }
}

#[test]
fn every_requirement_has_its_generated_questions() {
    let fw = framework::iso20000();
    for n in fw.leaves() {
        for kind in ["purpose", "evidence"] {
            let id = format!("{kind}:{}", n.id);
            assert!(all().iter().any(|q| q.id == id), "no {id}");
        }
    }
}

fn counts() -> BTreeMap<(Area, Kind), usize> {
    let mut out = BTreeMap::new();
    for q in all() {
        *out.entry((q.area, q.kind)).or_default() += 1;
    }
    out
}

#[test]
fn the_bank_covers_the_syllabus() {
    let c = counts();
    let in_area = |a: Area| {
        c.iter()
            .filter(|((x, _), _)| *x == a)
            .map(|(_, n)| n)
            .sum::<usize>()
    };
    let of_kind = |k: Kind| {
        c.iter()
            .filter(|((_, x), _)| *x == k)
            .map(|(_, n)| n)
            .sum::<usize>()
    };
    assert!(of_kind(Kind::Scenario) >= 80, "{}", of_kind(Kind::Scenario));
    for (area, share) in BLUEPRINT {
        assert!(
            in_area(area) >= 2 * share,
            "{}: {} questions for {share} a paper",
            area.label(),
            in_area(area)
        );
    }
    assert!(of_kind(Kind::Term) >= 15);
    assert!(of_kind(Kind::Part) >= 10);
    // Printed for the report: counts by area and kind.
    for ((a, k), n) in &c {
        println!("{:<14} {:<26} {n}", a.short(), k.label());
    }
}

/// Clausebook's own model is labelled so, and never on the syllabus.
#[test]
fn own_model_questions_are_labelled_and_off_the_syllabus() {
    for q in all() {
        assert_eq!(q.kind == Kind::Model, q.area == Area::OwnModel, "{}", q.id);
        if q.area == Area::OwnModel {
            assert!(
                q.explanation.contains("ITIL") || q.explanation.contains("assessment aid"),
                "{}: {}",
                q.id,
                q.explanation
            );
        }
    }
    assert!(!Area::OwnModel.in_exam());
    assert!(Area::OwnModel.label().contains("Clausebook's own model"));
    assert!(BLUEPRINT.iter().all(|(a, _)| a.in_exam()));
}

#[test]
fn a_mock_exam_is_40_questions_in_the_documented_proportions() {
    assert_eq!(
        BLUEPRINT.iter().map(|(_, n)| n).sum::<usize>(),
        exam::QUESTIONS
    );
    assert_eq!(exam::SECONDS, 3600);
    for seed in [1, 2, 3, 42, 2026] {
        let paper = exam::paper(all(), seed);
        assert_eq!(paper.len(), exam::QUESTIONS);
        for (area, share) in BLUEPRINT {
            assert_eq!(
                paper.iter().filter(|q| q.area == area).count(),
                share,
                "{} in seed {seed}",
                area.label()
            );
        }
        assert!(paper.iter().all(|q| q.area != Area::OwnModel));
        let ids: HashSet<&str> = paper.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(ids.len(), paper.len(), "no repeats");
    }
    assert_eq!(exam::paper(all(), 7), exam::paper(all(), 7));
    assert_ne!(exam::paper(all(), 7), exam::paper(all(), 8));
}

#[test]
fn the_pass_line_is_26_of_40() {
    assert!(exam::passes(26, 40));
    assert!(!exam::passes(25, 40));
    assert!(!exam::passes(0, 0));
}

#[test]
fn a_quiz_spreads_across_the_chosen_areas() {
    let q = study::quiz(&[Area::Terms, Area::Certification], 10, 5);
    assert_eq!(q.len(), 10);
    assert_eq!(q.iter().filter(|q| q.area == Area::Terms).count(), 5);
    assert!(
        q.iter()
            .all(|q| matches!(q.area, Area::Terms | Area::Certification))
    );
    assert_eq!(study::quiz(&[], 20, 9), study::quiz(&[], 20, 9));
    assert!(study::quiz(&[], 40, 9).iter().all(|q| q.area.in_exam()));
    // Options are shuffled: the answer is not always first.
    let firsts = study::quiz(&[], 40, 3)
        .iter()
        .filter(|q| q.correct == 0)
        .count();
    assert!(firsts < 30, "{firsts}");
}

#[test]
fn an_exam_lets_answers_change_and_questions_be_flagged_until_handed_in() {
    let paper = exam::paper(all(), 11);
    let mut run = Practice::exam(paper.clone());
    assert_eq!(run.time_limit, Some(3600));
    let wrong = (paper[0].correct + 1) % paper[0].options.len();
    assert_eq!(run.answer(0, wrong, 10), Ok(false));
    assert_eq!(run.answer(0, paper[0].correct, 20), Ok(true), "changed");
    assert_eq!(run.toggle_flag(3), Ok(true));
    assert_eq!(run.toggle_flag(5), Ok(true));
    assert_eq!(run.toggle_flag(5), Ok(false));
    assert_eq!(run.flagged(), vec![3]);
    assert_eq!(run.unanswered().len(), 39);
    assert!(!run.is_over(100), "an exam ends when handed in");
    for (i, q) in paper.iter().enumerate().skip(1).take(25) {
        run.answer(i, q.correct, 30).unwrap();
    }
    run.hand_in();
    assert_eq!(run.answer(30, 0, 40), Err(RunError::HandedIn));
    assert_eq!(run.toggle_flag(3), Err(RunError::HandedIn));
    assert!(run.is_over(40));
    assert_eq!(run.score().correct, 26);
    assert!(run.passed());
    let by_area = run.by_area();
    assert_eq!(by_area.values().map(|s| s.total).sum::<u32>(), 40);
    let record = run.finish(at(), 1200);
    assert_eq!(record.mode, Mode::Exam);
    assert_eq!(record.passed(), Some(true));
    assert_eq!(record.by_area.len(), BLUEPRINT.len());
    // Time up stops answers, and the record is capped at the limit.
    let mut late = Practice::exam(paper);
    assert_eq!(late.answer(0, 0, 3600), Err(RunError::TimeUp));
    assert_eq!(late.finish(at(), 4000).seconds, 3600);
}

#[test]
fn a_quiz_takes_each_answer_once() {
    let questions = study::quiz(&[], 3, 1);
    let mut run = Practice::new(Mode::Quiz, questions.clone(), None);
    run.answer(0, questions[0].correct, 1).unwrap();
    assert_eq!(run.answer(0, 0, 2), Err(RunError::AlreadyAnswered(1)));
    assert_eq!(run.answer(9, 0, 2), Err(RunError::NoSuchQuestion(10)));
    assert_eq!(run.answer(1, 9, 2), Err(RunError::NoSuchOption(2, 10)));
    assert_eq!(run.finish(at(), 5).passed(), None);
}

#[test]
fn sm2_spaces_reviews_out_and_starts_again_after_a_lapse() {
    let d0 = day("2026-12-01");
    let r1 = srs::schedule(None, Rating::Good, d0);
    assert_eq!((r1.interval, r1.due), (1, day("2026-12-02")));
    assert_eq!(r1.ease, srs::START_EASE);
    let r2 = srs::schedule(Some(&r1), Rating::Good, r1.due);
    assert_eq!((r2.interval, r2.due), (6, day("2026-12-08")));
    let r3 = srs::schedule(Some(&r2), Rating::Good, r2.due);
    assert_eq!(r3.interval, 15, "6 × 2.5");
    let easy = srs::schedule(Some(&r2), Rating::Easy, r2.due);
    assert!(easy.interval > r3.interval && easy.ease == 2600);
    let hard = srs::schedule(Some(&r2), Rating::Hard, r2.due);
    assert!(hard.interval < r3.interval && hard.ease == 2360);
    let lapse = srs::schedule(Some(&r3), Rating::Again, r3.due);
    assert_eq!((lapse.interval, lapse.streak, lapse.lapses), (1, 0, 1));
    assert_eq!(lapse.first, d0);
    // Ease never drops below 1.3.
    let mut r = r1;
    for _ in 0..20 {
        r = srs::schedule(Some(&r), Rating::Again, r.due);
    }
    assert_eq!(r.ease, srs::MIN_EASE);
}

#[test]
fn cards_due_today_count_new_cards_within_the_days_allowance() {
    let fw = framework::iso20000();
    let cards = deck(fw);
    let ids: HashSet<&str> = cards.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids.len(), cards.len(), "card ids are unique");
    assert!(cards.len() > 100);
    let today = day("2026-12-01");
    let mut profile = Profile::new("").unwrap();
    assert_eq!(
        due_today(&cards, &profile.cards, today).len(),
        srs::NEW_PER_DAY
    );
    let first = due_today(&cards, &profile.cards, today)[0].id.clone();
    profile.rate(&first, Rating::Good, today);
    let due = due_today(&cards, &profile.cards, today);
    assert_eq!(
        due.len(),
        srs::NEW_PER_DAY - 1,
        "a rated card is not due today"
    );
    assert!(due.iter().all(|c| c.id != first));
    // Tomorrow it is due again, with a fresh allowance of new cards.
    let tomorrow = today.add_days(1);
    let due = due_today(&cards, &profile.cards, tomorrow);
    assert_eq!(due.len(), srs::NEW_PER_DAY + 1);
    assert!(due.iter().any(|c| c.id == first));
    assert_eq!(cards::deck_for(fw, &[Area::OwnModel]).len(), 15);
}

#[test]
fn a_profile_round_trips_with_runs_and_card_schedules() {
    let mut profile = Profile::new("  Alex  ").unwrap();
    assert_eq!(profile.name, "Alex");
    let paper = exam::paper(all(), 3);
    let mut run = Practice::exam(paper.clone());
    for (i, q) in paper.iter().enumerate() {
        run.answer(i, q.correct, 10).unwrap();
    }
    run.hand_in();
    profile.record(run.finish(at(), 40));
    profile.rate("q:term-sla", Rating::Easy, day("2026-12-01"));
    let text = profile.to_json();
    assert!(text.contains("\"version\":2"), "{text}");
    let back = Profile::from_json(&text).unwrap();
    assert_eq!(back, profile);
    assert_eq!(back.best(), Some(100));
    assert_eq!(back.exams().count(), 1);
    assert_eq!(back.by_area().values().map(|s| s.total).sum::<u32>(), 40);
    assert!(Profile::new(&"x".repeat(81)).is_err());
}

#[test]
fn the_weakest_area_is_what_to_study_next() {
    let paper = exam::paper(all(), 4);
    let mut run = Practice::exam(paper.clone());
    for (i, q) in paper.iter().enumerate() {
        if q.area != Area::Scope {
            run.answer(i, q.correct, 1).unwrap();
        }
    }
    let mut profile = Profile::new("").unwrap();
    assert_eq!(profile.weakest(), None);
    profile.record(run.finish(at(), 1));
    assert_eq!(profile.weakest(), Some(Area::Scope));
}

/// A version 1 profile, as Clausebook stored it before issue 22.
const V1: &str = r#"{"version":1,"name":"Sam","runs":[{"at":"2026-11-20T10:00:00.000Z","mode":"timed","score":{"correct":4,"total":6},"seconds":120,"by_kind":[{"kind":"number_to_title","score":{"correct":1,"total":2}},{"kind":"phase_of_clause","score":{"correct":1,"total":1}},{"kind":"capability_level","score":{"correct":2,"total":3}}]},{"at":"2026-11-21T10:00:00.000Z","mode":"quiz","score":{"correct":0,"total":0},"seconds":0,"by_kind":[]}]}"#;

#[test]
fn a_version_1_profile_is_migrated_with_its_kinds_mapped_to_areas() {
    let p = Profile::from_json(V1).unwrap();
    assert_eq!(p.version, study::PROFILE_VERSION);
    assert_eq!(p.name, "Sam");
    assert_eq!(p.runs.len(), 2);
    let areas: Vec<(Area, u32, u32)> = p.runs[0]
        .by_area
        .iter()
        .map(|a| (a.area, a.score.correct, a.score.total))
        .collect();
    assert_eq!(areas, [(Area::Requirements, 2, 3), (Area::OwnModel, 2, 3)]);
    assert!(p.cards.is_empty());
    // Saved again, it is version 2 and reads back the same.
    assert_eq!(Profile::from_json(&p.to_json()).unwrap(), p);
}

#[test]
fn history_keeps_the_most_recent_runs() {
    let mut profile = Profile::new("").unwrap();
    let run = Practice::new(Mode::Quiz, study::quiz(&[], 1, 1), None);
    for _ in 0..limits::MAX_STUDY_RUNS + 5 {
        profile.record(run.finish(at(), 1));
    }
    assert_eq!(profile.runs.len(), limits::MAX_STUDY_RUNS);
}

#[test]
fn bad_stored_profiles_give_typed_errors_and_keep_the_text() {
    let cases = [
        "not json at all",
        "{\"name\":\"A\",\"runs\":[]}",
        "{\"version\":99,\"name\":\"A\",\"runs\":[]}",
        "{\"version\":1,\"name\":\"A\",\"runs\":[{\"at\":\"2026-11-25T18:00:00.000Z\",\"mode\":\"quiz\",\"score\":{\"correct\":5,\"total\":3},\"seconds\":1,\"by_kind\":[]}]}",
        "{\"version\":1,\"name\":\"A\",\"runs\":[{\"at\":\"2026-11-25T18:00:00.000Z\",\"mode\":\"quiz\",\"score\":{\"correct\":1,\"total\":3},\"seconds\":1,\"by_kind\":[{\"kind\":\"capability_level\",\"score\":{\"correct\":1,\"total\":2}}]}]}",
        "{\"version\":1,\"name\":\"A\",\"runs\":[{\"at\":\"yesterday\",\"mode\":\"quiz\",\"score\":{\"correct\":1,\"total\":3},\"seconds\":1,\"by_kind\":[]}]}",
        "{\"version\":1,\"name\":\"A\",\"runs\":[{\"at\":\"2026-11-25T18:00:00.000Z\",\"mode\":\"quiz\",\"score\":{\"correct\":1,\"total\":1},\"seconds\":1,\"by_kind\":[{\"kind\":\"riddles\",\"score\":{\"correct\":1,\"total\":1}}]}]}",
        "{\"version\":2,\"name\":\"A\",\"runs\":[],\"cards\":{\"pdca\":{\"first\":\"2026-12-01\",\"last\":\"2026-12-01\",\"due\":\"2026-11-01\",\"interval\":1,\"ease\":2500,\"streak\":1,\"lapses\":0}}}",
    ];
    let errors: Vec<ProfileError> = cases
        .iter()
        .map(|raw| Profile::from_json(raw).expect_err(raw))
        .collect();
    for (raw, e) in cases.iter().zip(&errors) {
        assert_eq!(e.raw(), *raw, "the stored text is kept");
        assert!(!e.to_string().is_empty());
    }
    assert!(matches!(errors[0], ProfileError::Unreadable { .. }));
    assert!(matches!(errors[1], ProfileError::Unreadable { .. }));
    assert!(matches!(
        errors[2],
        ProfileError::UnknownVersion { found: 99, .. }
    ));
    assert!(matches!(errors[3], ProfileError::Invalid { .. }));
    assert!(matches!(errors[4], ProfileError::Invalid { .. }));
    assert!(matches!(errors[5], ProfileError::Unreadable { .. }));
    assert!(errors[6].to_string().contains("riddles"), "{}", errors[6]);
    assert!(errors[7].to_string().contains("pdca"), "{}", errors[7]);
}

#[test]
fn ten_sample_questions_for_the_report() {
    // Not an assertion of content: prints a spread of questions, one per
    // area and kind, for review (`cargo test ten_sample -- --nocapture`).
    let mut seen = HashSet::new();
    for q in all() {
        if seen.insert((q.area, q.kind)) && seen.len() <= 10 {
            println!(
                "[{} / {}] {}\n  * {}\n  - {}\n  Why: {}\n",
                q.area.short(),
                q.kind.label(),
                q.prompt,
                q.answer(),
                q.options
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| *i != q.correct)
                    .map(|(_, o)| o.as_str())
                    .collect::<Vec<_>>()
                    .join(" | "),
                q.explanation
            );
        }
    }
    assert!(seen.len() >= 10);
    let _ = RequirementId::from("8.3.3");
}
