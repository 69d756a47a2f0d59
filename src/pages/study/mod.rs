//! Study page: quizzes, timed practice, the mock exam and flashcards, for
//! ISO/IEC 20000 Foundation exam preparation.
//!
//! Needs no workbook. Scores and flashcard schedules go into a study
//! profile under its own storage key, so studying never touches a workbook.

mod activity;
mod cards;
mod chart;
mod clock;
mod exam;
mod option;
mod profile;
mod results;
mod review;
mod run;
mod start;

use activity::Activity;
use cards::{CardsState, CardsView};
use clock::now_ms;
use exam::{ExamState, ExamView};
use profile::ProfileView;
use run::{RunState, RunView};
use start::StartForm;

use crate::app::records;
use crate::platform::browser;
use crate::widgets::PageIntro;
use clausebook_core::framework;
use clausebook_core::study::{self, Area, Mode, Practice, Profile, ProfileError, Rng};
use leptos::prelude::*;

/// Where the study profile is kept: its own key, never the workbook's.
pub const STUDY_KEY: &str = "clausebook.study";
/// Seconds allowed per question in a timed practice run.
pub const SECONDS_PER_QUESTION: u32 = 30;

/// The route's page.
#[component]
pub fn StudyPage() -> impl IntoView {
    view! { <Study /> }
}

/// The study tools. Tests mount this with their own key and a fixed seed.
#[component]
pub fn Study(
    #[prop(default = STUDY_KEY)] storage_key: &'static str,
    /// Fixes question generation (tests); otherwise the clock seeds it.
    #[prop(optional)]
    seed: Option<u64>,
) -> impl IntoView {
    let (initial, load_error) = match records::read(storage_key) {
        None => (Profile::new("").unwrap_or_default(), None),
        Some(raw) => match Profile::from_json(&raw) {
            Ok(p) => (p, None),
            Err(e) => (Profile::new("").unwrap_or_default(), Some(e)),
        },
    };
    let profile = RwSignal::new(initial);
    let load_error = RwSignal::new(load_error);
    let save_message = RwSignal::new(None::<String>);
    let activity = RwSignal::new(Activity::Quiz);
    let areas = RwSignal::new(Area::ALL.to_vec());
    let count = RwSignal::new(5usize);
    let run = RwSignal::new(None::<RunState>);
    let exam_run = RwSignal::new(None::<ExamState>);
    let cards = RwSignal::new(None::<CardsState>);
    let deck = study::deck(framework::iso20000());
    let today = browser::today();
    // Cards due today in the chosen areas, counted from the saved schedules.
    let due = Memo::new(move |_| {
        let chosen = areas.get();
        let in_areas: Vec<_> = deck
            .iter()
            .filter(|c| chosen.contains(&c.area))
            .cloned()
            .collect();
        profile.with(|p| study::due_today(&in_areas, &p.cards, today).len())
    });
    let start_ref = NodeRef::<leptos::html::H2>::new();

    let save = move || {
        // Unreadable old data is set aside under its own key before the
        // first new save, so nothing the student had is lost.
        if let Some(e) = load_error.get_untracked() {
            let backup = format!("{storage_key}.unreadable");
            if let Err(err) = records::write(&backup, e.raw()) {
                save_message.set(Some(format!("Not saved: {err}")));
                return;
            }
        }
        let text = profile.with_untracked(Profile::to_json);
        match records::write(storage_key, &text) {
            Ok(()) => save_message.set(Some("Saved in this browser.".to_owned())),
            Err(err) => save_message.set(Some(format!("Not saved: {err}"))),
        }
    };

    let start = move |_| {
        let base = seed.unwrap_or_else(|| now_ms() as u64);
        let seed = base.wrapping_add(profile.with_untracked(|p| p.runs.len() as u64));
        let fw = framework::iso20000();
        match activity.get_untracked() {
            Activity::Flashcards => {
                let chosen = areas.get_untracked();
                let in_areas = study::deck_for(fw, &chosen);
                let mut due: Vec<_> = profile.with_untracked(|p| {
                    study::due_today(&in_areas, &p.cards, today)
                        .into_iter()
                        .cloned()
                        .collect()
                });
                Rng::new(seed).shuffle(&mut due);
                cards.set(Some(CardsState {
                    cards: due,
                    index: 0,
                    flipped: false,
                    rated: 0,
                }));
            }
            Activity::Exam => {
                let paper = study::exam::paper(study::bank(), seed);
                exam_run.set(Some(ExamState {
                    practice: Practice::exam(paper),
                    current: 0,
                    started_ms: now_ms(),
                    confirming: false,
                    result: None,
                }));
            }
            a => {
                let n = count.get_untracked();
                let questions = study::quiz(&areas.get_untracked(), n, seed);
                let (mode, limit) = match a {
                    Activity::Timed => (Mode::Timed, Some(n as u32 * SECONDS_PER_QUESTION)),
                    _ => (Mode::Quiz, None),
                };
                run.set(Some(RunState {
                    practice: Practice::new(mode, questions, limit),
                    current: 0,
                    selected: None,
                    checked: false,
                    started_ms: now_ms(),
                    result: None,
                }));
            }
        }
    };

    // Ends the exam once: hands it in, records it in the profile and saves.
    let finish_exam = move |elapsed: u32| {
        let mut record = None;
        exam_run.update(|r| {
            if let Some(r) = r.as_mut().filter(|r| r.result.is_none()) {
                r.practice.hand_in();
                let rec = r.practice.finish(browser::now(), elapsed);
                r.result = Some(rec.clone());
                record = Some(rec);
            }
        });
        if let Some(rec) = record {
            profile.update(|p| p.record(rec));
            save();
        }
    };

    // A flashcard rated: its next day is kept in the profile at once.
    let rate = move |card: String, rating: study::Rating| {
        profile.update(|p| {
            p.rate(&card, rating, today);
        });
        save();
    };

    // Ends the run once: records it in the profile and saves.
    let finish = move |elapsed: u32| {
        let mut record = None;
        run.update(|r| {
            if let Some(r) = r.as_mut().filter(|r| r.result.is_none()) {
                let rec = r.practice.finish(browser::now(), elapsed);
                r.result = Some(rec.clone());
                record = Some(rec);
            }
        });
        if let Some(rec) = record {
            profile.update(|p| p.record(rec));
            save();
        }
    };

    let back_to_start = move || {
        run.set(None);
        exam_run.set(None);
        cards.set(None);
        crate::widgets::focus_after_render(start_ref);
    };

    // Which view shows: a memo, so that answering a question (which
    // changes `run`) does not rebuild the view and lose keyboard focus.
    let showing = Memo::new(move |_| {
        (
            run.with(Option::is_some),
            exam_run.with(Option::is_some),
            cards.with(Option::is_some),
        )
    });
    let body = move || {
        let back = Callback::new(move |_| back_to_start());
        match showing.get() {
            (true, _, _) => view! { <RunView run finish back /> }.into_any(),
            (_, true, _) => view! { <ExamView exam=exam_run finish=finish_exam back /> }.into_any(),
            (_, _, true) => view! { <CardsView cards rate back /> }.into_any(),
            _ => {
                view! { <StartForm activity areas count due start heading=start_ref /> }.into_any()
            }
        }
    };

    view! {
        <div class="study">
            <PageIntro title="Study">
                "Prepare for an ISO/IEC 20000 Foundation exam: the series and its parts, key terms, the requirements of clauses 4 to 10, what each process is for, scope, certification and audits, and how the standard relates to ITIL, ISO 9001, ISO/IEC 27001 and FitSM. Every question and explanation is in Clausebook's own words, never the standard's text. No workbook needed: your scores and flashcards stay in this browser."
            </PageIntro>
            {move || {
                load_error
                    .get()
                    .map(|e| {
                        view! {
                            <p class="error" role="alert">
                                {e.to_string()}
                                " Your next score starts a new profile; the old data is kept under its own key."
                            </p>
                        }
                    })
            }}
            {body}
            <ProfileView profile save save_message />
        </div>
    }
}

/// Keeps `ProfileError` in the public surface used by tests.
pub fn read_profile(key: &str) -> Option<Result<Profile, ProfileError>> {
    records::read(key).map(|raw| Profile::from_json(&raw))
}
