//! Study page: quizzes, flashcards and timed practice for exam preparation.
//!
//! Needs no workbook. Scores go into a study profile under its own storage
//! key, so studying never touches a workbook.

use crate::app::records;
use crate::platform::browser;
use crate::widgets::column_heads;
use clausebook_core::framework;
use clausebook_core::study::{
    self, Flashcard, Kind, Mode, Practice, Profile, ProfileError, Rng, RunRecord, Topic,
};
use leptos::prelude::*;
use std::time::Duration;

/// Where the study profile is kept: its own key, never the workbook's.
pub const STUDY_KEY: &str = "clausebook.study";
/// Seconds allowed per question in a timed practice run.
pub const SECONDS_PER_QUESTION: u32 = 30;
/// Runs shown in the progress chart and its table.
const CHART_RUNS: usize = 20;

/// What the student chose to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Activity {
    Quiz,
    Flashcards,
    Timed,
}

impl Activity {
    const ALL: [Activity; 3] = [Activity::Quiz, Activity::Flashcards, Activity::Timed];

    fn label(self) -> &'static str {
        match self {
            Activity::Quiz => "Quiz",
            Activity::Flashcards => "Flashcards",
            Activity::Timed => "Timed practice",
        }
    }

    fn key(self) -> &'static str {
        match self {
            Activity::Quiz => "quiz",
            Activity::Flashcards => "flashcards",
            Activity::Timed => "timed",
        }
    }

    fn hint(self) -> &'static str {
        match self {
            Activity::Quiz => "One question at a time, with the answer explained after each.",
            Activity::Flashcards => "Turn cards over at your own pace. Nothing is scored.",
            Activity::Timed => "A scored run against the clock: 30 seconds a question.",
        }
    }
}

/// A quiz or timed run in progress.
#[derive(Debug, Clone)]
struct RunState {
    practice: Practice,
    current: usize,
    selected: Option<usize>,
    checked: bool,
    started_ms: f64,
    result: Option<RunRecord>,
}

#[derive(Debug, Clone)]
struct CardsState {
    cards: Vec<Flashcard>,
    index: usize,
    flipped: bool,
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

fn elapsed_secs(started_ms: f64, now: f64) -> u32 {
    ((now - started_ms).max(0.0) / 1000.0) as u32
}

/// "2:05" for a countdown.
fn clock(seconds: u32) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// "2 minutes 5 seconds" for screen readers.
fn spoken(seconds: u32) -> String {
    let (m, s) = (seconds / 60, seconds % 60);
    let unit = |n: u32, one: &str| format!("{n} {one}{}", if n == 1 { "" } else { "s" });
    match (m, s) {
        (0, s) => unit(s, "second"),
        (m, 0) => unit(m, "minute"),
        (m, s) => format!("{} {}", unit(m, "minute"), unit(s, "second")),
    }
}

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
    let topics = RwSignal::new(Topic::ALL.to_vec());
    let count = RwSignal::new(5usize);
    let run = RwSignal::new(None::<RunState>);
    let cards = RwSignal::new(None::<CardsState>);
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

    let kinds = move || -> Vec<Kind> {
        let chosen = topics.get_untracked();
        Kind::ALL
            .into_iter()
            .filter(|k| chosen.contains(&k.topic()))
            .collect()
    };

    let start = move |_| {
        let base = seed.unwrap_or_else(|| now_ms() as u64);
        let seed = base.wrapping_add(profile.with_untracked(|p| p.runs.len() as u64));
        let fw = framework::iso20000();
        match activity.get_untracked() {
            Activity::Flashcards => {
                let chosen = topics.get_untracked();
                let mut deck = study::flashcards(fw, &chosen);
                Rng::new(seed).shuffle(&mut deck);
                cards.set(Some(CardsState {
                    cards: deck,
                    index: 0,
                    flipped: false,
                }));
            }
            a => {
                let n = count.get_untracked();
                let questions = study::quiz(fw, &kinds(), n, seed);
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
        cards.set(None);
        request_animation_frame(move || {
            if let Some(h) = start_ref.get() {
                let _ = h.focus();
            }
        });
    };

    // Which view shows: a memo, so that answering a question (which
    // changes `run`) does not rebuild the view and lose keyboard focus.
    let showing = Memo::new(move |_| (run.with(Option::is_some), cards.with(Option::is_some)));
    let body = move || {
        let (running, carding) = showing.get();
        if running {
            view! { <RunView run finish back=Callback::new(move |_| back_to_start()) /> }.into_any()
        } else if carding {
            view! { <CardsView cards back=Callback::new(move |_| back_to_start()) /> }.into_any()
        } else {
            view! {
                <StartForm activity topics count start heading=start_ref />
            }
            .into_any()
        }
    };

    view! {
        <div class="study">
            <h1>"Study"</h1>
            <p class="lead">
                "Practise the clause structure, the Plan-Do-Check-Act cycle, the service lifecycle and the capability levels. No workbook needed: questions come from Clausebook's framework data, and your scores stay in this browser."
            </p>
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

#[component]
fn StartForm(
    activity: RwSignal<Activity>,
    topics: RwSignal<Vec<Topic>>,
    count: RwSignal<usize>,
    start: impl Fn(leptos::ev::MouseEvent) + 'static,
    heading: NodeRef<leptos::html::H2>,
) -> impl IntoView {
    let none_chosen = move || topics.with(Vec::is_empty);
    view! {
        <section class="card study-start" aria-labelledby="study-start-title">
            <h2 id="study-start-title" tabindex="-1" node_ref=heading>
                "Start studying"
            </h2>
            <fieldset class="choices">
                <legend>"Mode"</legend>
                {Activity::ALL
                    .into_iter()
                    .map(|a| {
                        let id = format!("study-mode-{}", a.key());
                        let hint_id = format!("{id}-hint");
                        view! {
                            <div class="check">
                                <input
                                    type="radio"
                                    id=id.clone()
                                    name="study-mode"
                                    aria-describedby=hint_id.clone()
                                    prop:checked=move || activity.get() == a
                                    on:change=move |_| activity.set(a)
                                />
                                <label for=id>{a.label()}</label>
                                <span class="hint study-mode-hint" id=hint_id>
                                    {a.hint()}
                                </span>
                            </div>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <fieldset class="choices">
                <legend>"Topics"</legend>
                {Topic::ALL
                    .into_iter()
                    .map(|t| {
                        let id = format!("study-topic-{}", t.key());
                        view! {
                            <div class="check">
                                <input
                                    type="checkbox"
                                    id=id.clone()
                                    prop:checked=move || topics.with(|ts| ts.contains(&t))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        topics
                                            .update(|ts| {
                                                ts.retain(|x| *x != t);
                                                if on {
                                                    ts.push(t);
                                                }
                                            });
                                    }
                                />
                                <label for=id>{t.label()}</label>
                            </div>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <Show when=move || activity.get() != Activity::Flashcards>
                <p class="field">
                    <label for="study-count">"Number of questions"</label>
                    <select
                        id="study-count"
                        on:change=move |ev| {
                            if let Ok(n) = event_target_value(&ev).parse() {
                                count.set(n);
                            }
                        }
                    >
                        {[5usize, 10, 20]
                            .into_iter()
                            .map(|n| {
                                view! {
                                    <option value=n.to_string() prop:selected=move || count.get() == n>
                                        {n.to_string()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </p>
            </Show>
            <Show when=none_chosen>
                <p class="error" id="study-topics-error">
                    "Choose at least one topic."
                </p>
            </Show>
            <p class="actions">
                <button type="button" class="primary" disabled=none_chosen on:click=start>
                    "Start"
                </button>
            </p>
        </section>
    }
}

#[component]
fn RunView(
    run: RwSignal<Option<RunState>>,
    finish: impl Fn(u32) + Copy + Send + Sync + 'static,
    back: Callback<()>,
) -> impl IntoView {
    let now = RwSignal::new(now_ms());
    let timed = run.with_untracked(|r| r.as_ref().is_some_and(|r| r.practice.time_limit.is_some()));
    if timed {
        // The clock only drives the display; elapsed time is always worked
        // out from the start time, so a throttled tab cannot cheat the limit.
        if let Ok(handle) = set_interval_with_handle(
            move || {
                now.set(now_ms());
                let up = run.with_untracked(|r| {
                    r.as_ref().is_some_and(|r| {
                        r.result.is_none()
                            && r.practice.is_time_up(elapsed_secs(r.started_ms, now_ms()))
                    })
                });
                if up {
                    let elapsed = run.with_untracked(|r| {
                        r.as_ref()
                            .map(|r| elapsed_secs(r.started_ms, now_ms()))
                            .unwrap_or(0)
                    });
                    finish(elapsed);
                }
            },
            Duration::from_millis(250),
        ) {
            on_cleanup(move || handle.clear());
        }
    }
    let heading = NodeRef::<leptos::html::H2>::new();
    let results_heading = NodeRef::<leptos::html::H2>::new();
    let focus_later = move |target: NodeRef<leptos::html::H2>| {
        request_animation_frame(move || {
            if let Some(h) = target.get() {
                let _ = h.focus();
            }
        });
    };

    let is_done = Memo::new(move |_| run.with(|r| r.as_ref().is_some_and(|r| r.result.is_some())));
    let is_done = move || is_done.get();
    Effect::new(move |was_done: Option<bool>| {
        let done = is_done();
        if done && was_done == Some(false) {
            focus_later(results_heading);
        }
        done
    });

    let seconds_left = move || {
        let now = now.get();
        run.with(|r| {
            r.as_ref()
                .and_then(|r| r.practice.seconds_left(elapsed_secs(r.started_ms, now)))
        })
    };
    // Announced only when it crosses a step, so screen readers are not
    // flooded every second.
    let announcement = Memo::new(move |_| {
        let left = seconds_left()?;
        Some(match left {
            0 => "Time is up.".to_owned(),
            1..=10 => "10 seconds left.".to_owned(),
            11..=30 => "30 seconds left.".to_owned(),
            _ => format!("{} left.", spoken(left.div_ceil(60) * 60)),
        })
    });

    // Memos, so a change elsewhere in the run does not rebuild the question
    // (the radio with focus would be replaced).
    let question = Memo::new(move |_| {
        run.with(|r| {
            r.as_ref()
                .and_then(|r| r.practice.questions.get(r.current).cloned())
        })
    });
    let question = move || question.get();
    let total = run.with_untracked(|r| r.as_ref().map_or(0, |r| r.practice.questions.len()));
    let current = Memo::new(move |_| run.with(|r| r.as_ref().map_or(0, |r| r.current)));
    let current = move || current.get();
    let checked = Memo::new(move |_| run.with(|r| r.as_ref().is_some_and(|r| r.checked)));
    let checked = move || checked.get();
    let selected = Memo::new(move |_| run.with(|r| r.as_ref().and_then(|r| r.selected)));
    let selected = move || selected.get();
    let mode = run.with_untracked(|r| r.as_ref().map_or(Mode::Quiz, |r| r.practice.mode));

    let check_or_next = move |_| {
        let elapsed = run.with_untracked(|r| {
            r.as_ref()
                .map(|r| elapsed_secs(r.started_ms, now_ms()))
                .unwrap_or(0)
        });
        if !checked() {
            let Some(choice) = selected() else { return };
            let mut time_up = false;
            run.update(|r| {
                if let Some(r) = r {
                    match r.practice.answer(r.current, choice, elapsed) {
                        Ok(_) => r.checked = true,
                        Err(study::RunError::TimeUp) => time_up = true,
                        // Already answered: nothing to record again.
                        Err(_) => r.checked = true,
                    }
                }
            });
            if time_up {
                finish(elapsed);
            }
        } else {
            let last = current() + 1 >= total;
            if last {
                finish(elapsed);
            } else {
                run.update(|r| {
                    if let Some(r) = r {
                        r.current += 1;
                        r.selected = None;
                        r.checked = false;
                    }
                });
                focus_later(heading);
            }
        }
    };

    let button_label = move || {
        if !checked() {
            "Check answer"
        } else if current() + 1 >= total {
            "See results"
        } else {
            "Next question"
        }
    };

    let feedback = move || {
        let q = question()?;
        if !checked() {
            return None;
        }
        let right = selected().is_some_and(|s| q.is_correct(s));
        Some(view! {
            <p class=if right { "study-verdict success" } else { "study-verdict error" }>
                {if right {
                    "Correct.".to_owned()
                } else {
                    format!("Not quite. The answer is “{}”.", q.answer())
                }}
            </p>
            <p class="study-explanation">{q.explanation.clone()}</p>
        })
    };

    let asking = move || {
        let Some(q) = question() else {
            return ().into_any();
        };
        let options = q
            .options
            .iter()
            .enumerate()
            .map(|(i, text)| {
                let id = format!("study-option-{i}");
                let is_answer = q.is_correct(i);
                view! {
                    <div
                        class="check study-option"
                        class:study-right=move || checked() && is_answer
                        class:study-wrong=move || checked() && !is_answer && selected() == Some(i)
                    >
                        <input
                            type="radio"
                            id=id.clone()
                            name="study-answer"
                            disabled=checked
                            prop:checked=move || selected() == Some(i)
                            on:change=move |_| {
                                run.update(|r| {
                                    if let Some(r) = r {
                                        r.selected = Some(i);
                                    }
                                })
                            }
                        />
                        <label for=id>{text.clone()}</label>
                    </div>
                }
            })
            .collect_view();
        view! {
            <fieldset class="choices study-question">
                <legend>{q.prompt.clone()}</legend>
                {options}
            </fieldset>
        }
        .into_any()
    };

    let results = move || {
        let rec = run.with_untracked(|r| r.as_ref().and_then(|r| r.result.clone()))?;
        let timed_out = rec.mode == Mode::Timed
            && run.with_untracked(|r| r.as_ref().is_some_and(|r| !r.practice.is_complete()));
        let rows = rec
            .by_kind
            .iter()
            .map(|k| {
                view! {
                    <tr>
                        <th scope="row">{k.kind.label()}</th>
                        <td>{format!("{} of {}", k.score.correct, k.score.total)}</td>
                    </tr>
                }
            })
            .collect_view();
        Some(view! {
            <section class="card study-results" aria-labelledby="study-results-title">
                <h2 id="study-results-title" tabindex="-1" node_ref=results_heading>
                    "Results"
                </h2>
                {timed_out.then(|| view! { <p>"Time ran out; unanswered questions count as wrong."</p> })}
                <p class="study-score">
                    {format!(
                        "You answered {} of {} correctly ({}%) in {}.",
                        rec.score.correct,
                        rec.score.total,
                        rec.score.percent(),
                        spoken(rec.seconds),
                    )}
                </p>
                <div class="table-scroll" tabindex="0" role="region" aria-label="Results by kind of question">
                    <table>
                        <caption>"By kind of question"</caption>
                        {column_heads(&["Kind", "Correct"])}
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <p class="actions">
                    <button type="button" class="primary" on:click=move |_| back.run(())>
                        "Study again"
                    </button>
                </p>
            </section>
        })
    };

    view! {
        <section class="card study-run" aria-labelledby="study-run-title">
            <Show
                when=move || !is_done()
                fallback=results
            >
                <div class="study-run-head">
                    <h2 id="study-run-title" tabindex="-1" node_ref=heading>
                        {move || format!("{} · question {} of {}", mode.label(), current() + 1, total)}
                    </h2>
                    {move || {
                        seconds_left()
                            .map(|left| {
                                view! {
                                    <p class="study-timer" role="timer">
                                        <span aria-hidden="true">{"Time left " } {clock(left)}</span>
                                        <span class="visually-hidden">
                                            {format!("{} left", spoken(left))}
                                        </span>
                                    </p>
                                }
                            })
                    }}
                </div>
                {asking}
                <div class="study-feedback" role="status" aria-live="polite">
                    {feedback}
                </div>
                <p class="visually-hidden" aria-live="polite">
                    {move || announcement.get()}
                </p>
                <p class="actions">
                    <button
                        type="button"
                        class="primary"
                        disabled=move || !checked() && selected().is_none()
                        on:click=check_or_next
                    >
                        {button_label}
                    </button>
                    <button type="button" on:click=move |_| back.run(())>
                        "Stop"
                    </button>
                </p>
            </Show>
        </section>
    }
}

#[component]
fn CardsView(cards: RwSignal<Option<CardsState>>, back: Callback<()>) -> impl IntoView {
    let total = cards.with_untracked(|c| c.as_ref().map_or(0, |c| c.cards.len()));
    let index = move || cards.with(|c| c.as_ref().map_or(0, |c| c.index));
    let flipped = move || cards.with(|c| c.as_ref().is_some_and(|c| c.flipped));
    let card = move || cards.with(|c| c.as_ref().and_then(|c| c.cards.get(c.index).cloned()));
    let flip = move || {
        cards.update(|c| {
            if let Some(c) = c {
                c.flipped = !c.flipped;
            }
        })
    };
    let go = move |step: isize| {
        cards.update(|c| {
            if let Some(c) = c {
                let n = c.cards.len() as isize;
                if n > 0 {
                    c.index = (c.index as isize + step).rem_euclid(n) as usize;
                    c.flipped = false;
                }
            }
        })
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        " " | "Enter" => {
            ev.prevent_default();
            flip();
        }
        "ArrowRight" => {
            ev.prevent_default();
            go(1);
        }
        "ArrowLeft" => {
            ev.prevent_default();
            go(-1);
        }
        _ => {}
    };
    view! {
        <section class="card study-cards" aria-labelledby="study-cards-title">
            <h2 id="study-cards-title">
                {move || format!("Flashcard {} of {}", index() + 1, total)}
            </h2>
            <div
                class="flashcard"
                class:flashcard-back=flipped
                tabindex="0"
                role="group"
                aria-roledescription="flashcard"
                aria-label=move || {
                    format!(
                        "Card {} of {}, {} side",
                        index() + 1,
                        total,
                        if flipped() { "back" } else { "front" },
                    )
                }
                aria-describedby="flashcard-keys"
                on:keydown=on_key
            >
                <p class="flashcard-side">{move || if flipped() { "Back" } else { "Front" }}</p>
                <p class="flashcard-text" aria-live="polite">
                    {move || {
                        card()
                            .map(|c| if flipped() { c.back } else { c.front })
                            .unwrap_or_default()
                    }}
                </p>
            </div>
            <p class="hint" id="flashcard-keys">
                "On the card: Space or Enter turns it over, the left and right arrow keys move between cards."
            </p>
            <p class="actions">
                <button type="button" on:click=move |_| go(-1)>
                    "Previous card"
                </button>
                <button
                    type="button"
                    class="primary"
                    aria-pressed=move || flipped().to_string()
                    on:click=move |_| flip()
                >
                    "Turn card over"
                </button>
                <button type="button" on:click=move |_| go(1)>
                    "Next card"
                </button>
                <button type="button" on:click=move |_| back.run(())>
                    "Stop"
                </button>
            </p>
        </section>
    }
}

#[component]
fn ProfileView(
    profile: RwSignal<Profile>,
    save: impl Fn() + Copy + Send + Sync + 'static,
    save_message: RwSignal<Option<String>>,
) -> impl IntoView {
    let name_error = RwSignal::new(None::<String>);
    let recent = Memo::new(move |_| {
        profile.with(|p| {
            let skip = p.runs.len().saturating_sub(CHART_RUNS);
            p.runs
                .iter()
                .enumerate()
                .skip(skip)
                .map(|(i, r)| (i + 1, r.clone()))
                .collect::<Vec<_>>()
        })
    });
    let summary = move || {
        profile.with(|p| match p.best() {
            None => "No scored runs yet. Finish a quiz or a timed practice run to see your progress here.".to_owned(),
            Some(best) => format!(
                "{} scored run{} so far; best score {best}%.",
                p.runs.len(),
                if p.runs.len() == 1 { "" } else { "s" }
            ),
        })
    };
    view! {
        <section class="card study-profile" aria-labelledby="study-profile-title">
            <h2 id="study-profile-title">"Your progress"</h2>
            <p class="field">
                <label for="study-name">"Study profile name (optional)"</label>
                <input
                    id="study-name"
                    type="text"
                    autocomplete="name"
                    maxlength=clausebook_core::limits::MAX_PROFILE_NAME_CHARS.to_string()
                    prop:value=move || profile.with(|p| p.name.clone())
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        let mut result = Ok(());
                        profile.update(|p| result = p.rename(&value));
                        match result {
                            Ok(()) => {
                                name_error.set(None);
                                save();
                            }
                            Err(e) => name_error.set(Some(e.to_string())),
                        }
                    }
                />
            </p>
            {move || name_error.get().map(|e| view! { <p class="error">{e}</p> })}
            <p class="hint" role="status">
                {move || save_message.get()}
            </p>
            <p data-testid="study-summary">{summary}</p>
            <Show when=move || !recent.with(Vec::is_empty)>
                <Chart recent />
                <div class="table-scroll" tabindex="0" role="region" aria-label="Score history table">
                    <table class="study-history">
                        <caption>
                            {move || match recent.with(Vec::len) {
                                1 => "Last run".to_owned(),
                                n => format!("Last {n} runs, newest last"),
                            }}
                        </caption>
                        {column_heads(&["Run", "When", "Mode", "Score"])}
                        <tbody>
                            {move || {
                                recent
                                    .get()
                                    .into_iter()
                                    .map(|(n, r)| {
                                        view! {
                                            <tr>
                                                <th scope="row">{n.to_string()}</th>
                                                <td>
                                                    {format!(
                                                        "{} UTC",
                                                        r.at.as_str().replace('T', " ").chars().take(16).collect::<String>(),
                                                    )}
                                                </td>
                                                <td>{r.mode.label()}</td>
                                                <td>
                                                    {format!(
                                                        "{} of {} ({}%)",
                                                        r.score.correct,
                                                        r.score.total,
                                                        r.score.percent(),
                                                    )}
                                                </td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}

/// Bars of the recent scores. The table next to it carries the same figures
/// for screen readers, so the drawing itself is decorative.
#[component]
fn Chart(recent: Memo<Vec<(usize, RunRecord)>>) -> impl IntoView {
    const W: f64 = 400.0;
    const H: f64 = 120.0;
    const TOP: f64 = 8.0;
    const LEFT: f64 = 34.0;
    view! {
        <figure class="study-chart">
            <svg
                viewBox=format!("0 0 {W} {}", H + 16.0)
                role="img"
                aria-label="Chart of the scores in the table below"
                focusable="false"
            >
                {[0.0, 50.0, 100.0]
                    .into_iter()
                    .map(|pct| {
                        let y = TOP + (H - TOP) * (1.0 - pct / 100.0);
                        view! {
                            <line class="study-grid" x1=LEFT x2=W y1=y y2=y />
                            <text class="study-axis" x=LEFT - 4.0 y=y + 4.0 text-anchor="end">
                                {format!("{pct}%")}
                            </text>
                        }
                    })
                    .collect_view()}
                {move || {
                    let runs = recent.get();
                    let n = runs.len().max(1) as f64;
                    let slot = (W - LEFT) / n.max(10.0);
                    runs.into_iter()
                        .enumerate()
                        .map(|(i, (number, r))| {
                            let pct = f64::from(r.score.percent());
                            let h = (H - TOP) * pct / 100.0;
                            let x = LEFT + slot * i as f64 + slot * 0.15;
                            view! {
                                <rect
                                    class=if r.mode == Mode::Timed { "study-bar study-bar-timed" } else { "study-bar" }
                                    x=x
                                    y=H - h
                                    width=slot * 0.7
                                    height=h.max(1.0)
                                />
                                <text class="study-axis" x=x + slot * 0.35 y=H + 13.0 text-anchor="middle">
                                    {number.to_string()}
                                </text>
                            }
                        })
                        .collect_view()
                }}
            </svg>
            <figcaption class="hint">
                "Score of each run in percent, numbered as in the table: blue bars are quizzes, green bars timed practice."
            </figcaption>
        </figure>
    }
}

/// Keeps `ProfileError` in the public surface used by tests.
pub fn read_profile(key: &str) -> Option<Result<Profile, ProfileError>> {
    records::read(key).map(|raw| Profile::from_json(&raw))
}
