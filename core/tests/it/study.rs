//! Study mode: question generation, flashcards, practice runs and the profile.

use clausebook_core::calendar::Timestamp;
use clausebook_core::framework::{self, Node, Phase};
use clausebook_core::limits;
use clausebook_core::portfolio::{Lifecycle, Part};
use clausebook_core::study::{
    self, Kind, Mode, Practice, Profile, ProfileError, Question, Rng, RunError, Score, Topic,
};
use std::collections::HashSet;

fn at() -> Timestamp {
    "2026-11-25T18:00:00.000Z".parse().unwrap()
}

/// Many questions of every kind, over many seeds.
fn sample() -> Vec<Question> {
    let fw = framework::iso20000();
    let mut out = Vec::new();
    for seed in 0..300u64 {
        let mut rng = Rng::new(seed);
        for kind in Kind::ALL {
            out.push(study::question(fw, kind, &mut rng).expect("built-in data suffices"));
        }
    }
    out
}

#[test]
fn every_question_has_distinct_options_and_exactly_one_correct() {
    for q in sample() {
        assert!(q.options.len() >= 3, "{q:?}");
        assert!(q.options.len() <= study::OPTIONS, "{q:?}");
        let distinct: HashSet<&String> = q.options.iter().collect();
        assert_eq!(distinct.len(), q.options.len(), "duplicate option: {q:?}");
        assert!(q.correct < q.options.len());
        let right = (0..q.options.len()).filter(|&i| q.is_correct(i)).count();
        assert_eq!(right, 1, "{q:?}");
        assert!(q.options.iter().all(|o| !o.trim().is_empty()));
    }
}

#[test]
fn correct_answers_agree_with_the_framework_data() {
    let fw = framework::iso20000();
    // The clause a question is about, found by how its prompt names it.
    let asked_about = |named: &dyn Fn(&Node) -> bool| fw.nodes().iter().find(|n| named(n)).unwrap();
    for q in sample() {
        let answer = q.answer();
        match q.kind {
            Kind::NumberToTitle => {
                let number = q
                    .prompt
                    .trim_start_matches("What is the title of clause ")
                    .trim_end_matches('?');
                assert_eq!(fw.node_by_str(number).unwrap().title, answer, "{q:?}");
                // Wrong options are real titles of other clauses.
                for o in q.options.iter().filter(|o| *o != answer) {
                    assert!(
                        fw.nodes()
                            .iter()
                            .any(|n| n.title == *o && n.number != number)
                    );
                }
            }
            Kind::TitleToNumber => {
                let node = fw.node_by_str(answer).unwrap();
                assert!(q.prompt.contains(&format!("“{}”", node.title)), "{q:?}");
                for o in q.options.iter().filter(|o| *o != answer) {
                    assert_ne!(fw.node_by_str(o).unwrap().title, node.title);
                }
            }
            Kind::PhaseOfClause => {
                let node = asked_about(&|n| q.prompt.contains(&format!("clause {} “", n.number)));
                assert_eq!(node.pdca.label(), answer, "{q:?}");
                let labels: Vec<&str> = Phase::ALL.iter().map(|p| p.label()).collect();
                assert!(q.options.iter().all(|o| labels.contains(&o.as_str())));
            }
            Kind::AnnexSlOrder => {
                let node = asked_about(&|n| q.prompt.ends_with(&format!("after “{}”?", n.title)));
                let group: Vec<_> = match &node.parent {
                    Some(p) => fw.children(p).collect(),
                    None => fw.roots().collect(),
                };
                let at = group.iter().position(|n| n.id == node.id).unwrap();
                assert_eq!(group[at + 1].title, answer, "{q:?}");
                // Distractors come from the same group of clauses.
                assert!(
                    q.options
                        .iter()
                        .all(|o| group.iter().any(|n| n.title == *o))
                );
                assert!(!q.options.contains(&node.title));
            }
            Kind::LifecycleStatePart => {
                let state = Lifecycle::ALL
                    .into_iter()
                    .find(|s| q.prompt.contains(&format!("“{}”", s.label())))
                    .unwrap();
                assert_eq!(state.part().label(), answer, "{q:?}");
                assert_eq!(q.options.len(), Part::ALL.len());
            }
            Kind::CapabilityLevel => {
                let scale = &framework::iso20000().capability_scale;
                let level = scale
                    .levels
                    .iter()
                    .find(|l| {
                        q.prompt.contains(&l.meaning)
                            || q.prompt.contains(&format!("level {} called", l.level))
                    })
                    .unwrap();
                assert!(
                    answer == format!("{} {}", level.level, level.name) || answer == level.name,
                    "{q:?} expected {level:?}"
                );
            }
        }
    }
}

#[test]
fn every_kind_is_generated_and_a_quiz_spreads_across_kinds() {
    let kinds: HashSet<Kind> = sample().iter().map(|q| q.kind).collect();
    assert_eq!(kinds.len(), Kind::ALL.len());
    let fw = framework::iso20000();
    let quiz = study::quiz(fw, &[], 12, 7);
    assert_eq!(quiz.len(), 12);
    for kind in Kind::ALL {
        assert_eq!(
            quiz.iter().filter(|q| q.kind == kind).count(),
            2,
            "{kind:?}"
        );
    }
    // A topic filter limits the kinds.
    let only: Vec<Kind> = Topic::Clauses.kinds().collect();
    let quiz = study::quiz(fw, &only, 10, 7);
    assert!(quiz.iter().all(|q| q.kind.topic() == Topic::Clauses));
    // Within a run the same question is not asked twice.
    let prompts: HashSet<&String> = quiz.iter().map(|q| &q.prompt).collect();
    assert_eq!(prompts.len(), quiz.len());
}

#[test]
fn both_capability_directions_are_asked() {
    let caps: Vec<Question> = sample()
        .into_iter()
        .filter(|q| q.kind == Kind::CapabilityLevel)
        .collect();
    assert!(caps.iter().any(|q| q.prompt.contains("description")));
    assert!(caps.iter().any(|q| q.prompt.contains("called")));
}

#[test]
fn generation_is_deterministic_for_a_seed() {
    let fw = framework::iso20000();
    assert_eq!(study::quiz(fw, &[], 20, 42), study::quiz(fw, &[], 20, 42));
    assert_ne!(study::quiz(fw, &[], 20, 42), study::quiz(fw, &[], 20, 43));
    // The correct option does not always sit in the same place.
    let positions: HashSet<usize> = sample().iter().map(|q| q.correct).collect();
    assert!(positions.len() >= 3, "{positions:?}");
}

#[test]
fn explanations_are_present_and_in_our_own_words() {
    for q in sample() {
        assert!(q.explanation.len() > 20, "{q:?}");
        assert!(q.explanation.contains(q.answer()), "{q:?}");
        assert!(!q.explanation.to_lowercase().contains("shall"), "{q:?}");
        assert!(!q.prompt.to_lowercase().contains("shall"), "{q:?}");
    }
}

#[test]
fn distractors_for_clauses_are_siblings_when_there_are_enough() {
    let fw = framework::iso20000();
    // Clause 9.2 has siblings 9.1, 9.3 and 9.4: the wrong numbers should be those.
    for seed in 0..200 {
        let mut rng = Rng::new(seed);
        let q = study::question(fw, Kind::TitleToNumber, &mut rng).unwrap();
        if q.answer() == "9.2" {
            let mut opts = q.options.clone();
            opts.sort();
            assert_eq!(opts, ["9.1", "9.2", "9.3", "9.4"]);
            return;
        }
    }
    panic!("no question about 9.2 in 200 seeds");
}

#[test]
fn flashcards_cover_the_data_and_respect_topics() {
    let fw = framework::iso20000();
    let all = study::flashcards(fw, &[]);
    assert_eq!(
        all.iter().filter(|c| c.topic == Topic::Clauses).count(),
        fw.nodes().len()
    );
    assert!(all.iter().any(|c| c.front == "Clause 8.5.1"
        && c.back.starts_with(&fw.node_by_str("8.5.1").unwrap().title)));
    assert_eq!(
        all.iter().filter(|c| c.topic == Topic::Lifecycle).count(),
        Lifecycle::ALL.len()
    );
    let pdca = all.iter().find(|c| c.front == "Plan (PDCA)").unwrap();
    assert!(pdca.back.starts_with("Clause 6:"), "{}", pdca.back);
    let caps = study::flashcards(fw, &[Topic::Capability]);
    assert_eq!(
        caps.len(),
        framework::iso20000().capability_scale.levels.len()
    );
    assert!(all.iter().all(|c| !c.back.to_lowercase().contains("shall")));
}

#[test]
fn a_practice_run_scores_answers_and_breaks_them_down_by_kind() {
    let fw = framework::iso20000();
    let questions = study::quiz(fw, &[Kind::LifecycleStatePart, Kind::PhaseOfClause], 4, 1);
    let mut run = Practice::new(Mode::Quiz, questions.clone(), None);
    assert_eq!(
        run.score(),
        Score {
            correct: 0,
            total: 4
        }
    );
    // Right, wrong, right; the fourth is left unanswered.
    assert_eq!(run.answer(0, questions[0].correct, 5), Ok(true));
    let wrong = (questions[1].correct + 1) % questions[1].options.len();
    assert_eq!(run.answer(1, wrong, 6), Ok(false));
    assert_eq!(run.answer(2, questions[2].correct, 7), Ok(true));
    assert_eq!(
        run.answer(2, 0, 8),
        Err(RunError::AlreadyAnswered(3)),
        "an answer cannot be changed"
    );
    assert_eq!(run.answer(9, 0, 8), Err(RunError::NoSuchQuestion(10)));
    assert_eq!(run.answer(3, 99, 8), Err(RunError::NoSuchOption(4, 100)));
    assert!(!run.is_complete());
    assert_eq!(
        run.score(),
        Score {
            correct: 2,
            total: 4
        }
    );
    assert_eq!(run.score().percent(), 50);
    let by_kind = run.by_kind();
    let total: u32 = by_kind.values().map(|s| s.total).sum();
    let correct: u32 = by_kind.values().map(|s| s.correct).sum();
    assert_eq!((correct, total), (2, 4));
    let record = run.finish(at(), 30);
    assert_eq!(record.score, run.score());
    assert_eq!(record.by_kind.len(), by_kind.len());
    assert_eq!(record.seconds, 30);
}

#[test]
fn a_timed_run_stops_accepting_answers_when_time_is_up() {
    let fw = framework::iso20000();
    let questions = study::quiz(fw, &[], 3, 9);
    let mut run = Practice::new(Mode::Timed, questions.clone(), Some(60));
    assert_eq!(run.seconds_left(15), Some(45));
    assert!(!run.is_over(59));
    assert_eq!(run.answer(0, questions[0].correct, 59), Ok(true));
    assert!(run.is_over(60));
    assert_eq!(
        run.answer(1, questions[1].correct, 60),
        Err(RunError::TimeUp)
    );
    assert_eq!(run.seconds_left(75), Some(0));
    assert_eq!(
        run.score(),
        Score {
            correct: 1,
            total: 3
        }
    );
    // Time beyond the limit is not recorded.
    assert_eq!(run.finish(at(), 75).seconds, 60);
    assert_eq!(Score::default().percent(), 0);
}

#[test]
fn a_profile_round_trips_through_json() {
    let fw = framework::iso20000();
    let mut profile = Profile::new("  Alex  ").unwrap();
    assert_eq!(profile.name, "Alex");
    let questions = study::quiz(fw, &[], 6, 3);
    let mut run = Practice::new(Mode::Timed, questions.clone(), Some(120));
    for (i, q) in questions.iter().enumerate() {
        run.answer(i, q.correct, 10).unwrap();
    }
    profile.record(run.finish(at(), 40));
    let text = profile.to_json();
    assert!(text.contains("\"version\":1"), "{text}");
    let back = Profile::from_json(&text).unwrap();
    assert_eq!(back, profile);
    assert_eq!(back.best(), Some(100));
    assert_eq!(back.by_kind().values().map(|s| s.total).sum::<u32>(), 6);
    assert!(Profile::new(&"x".repeat(81)).is_err());
}

#[test]
fn history_keeps_the_most_recent_runs() {
    let mut profile = Profile::new("").unwrap();
    let fw = framework::iso20000();
    let run = Practice::new(Mode::Quiz, study::quiz(fw, &[], 1, 1), None);
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
}
