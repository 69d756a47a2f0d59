//! A quiz or timed run: one question at a time, then its results.

use super::clock::{clock, elapsed_secs, now_ms, spoken, tick};
use super::option::OptionRow;
use super::results::RunResults;
use crate::app::route;
use crate::widgets::{focus_after_render, focus_at_top, focus_when_done};
use clausebook_core::framework;
use clausebook_core::study::{self, Mode, Practice, Question, RunRecord};
use leptos::prelude::*;

/// A quiz or timed run in progress.
#[derive(Debug, Clone)]
pub(super) struct RunState {
    pub(super) practice: Practice,
    pub(super) current: usize,
    pub(super) selected: Option<usize>,
    pub(super) checked: bool,
    pub(super) started_ms: f64,
    pub(super) result: Option<RunRecord>,
}

#[component]
pub(super) fn RunView(
    run: RwSignal<Option<RunState>>,
    finish: impl Fn(u32) + Copy + Send + Sync + 'static,
    back: Callback<()>,
) -> impl IntoView {
    let now = RwSignal::new(now_ms());
    let timed = run.with_untracked(|r| r.as_ref().is_some_and(|r| r.practice.time_limit.is_some()));
    if timed {
        let time_up = move || {
            run.with_untracked(|r| {
                let r = r.as_ref()?;
                let elapsed = elapsed_secs(r.started_ms, now_ms());
                (r.result.is_none() && r.practice.is_time_up(elapsed)).then_some(elapsed)
            })
        };
        tick(now, time_up, finish);
    }
    let heading = NodeRef::<leptos::html::H2>::new();
    let results_heading = NodeRef::<leptos::html::H2>::new();
    // Start was far down the start form, which this view replaces: begin
    // at the first question's heading, at the top of the window (on a
    // phone the window kept the form's scroll position).
    focus_at_top(heading);

    let is_done = Memo::new(move |_| run.with(|r| r.as_ref().is_some_and(|r| r.result.is_some())));
    focus_when_done(is_done, results_heading);
    let is_done = move || is_done.get();

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
                focus_after_render(heading);
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
            {requirement_link(&q)}
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
                let is_answer = q.is_correct(i);
                view! {
                    <OptionRow
                        index=i
                        text=text.clone()
                        name="study-answer"
                        selected=Signal::derive(selected)
                        disabled=Signal::derive(checked)
                        marked=Signal::derive(move || {
                            if !checked() {
                                None
                            } else if is_answer {
                                Some(true)
                            } else if selected() == Some(i) {
                                Some(false)
                            } else {
                                None
                            }
                        })
                        pick=move |i| {
                            run.update(|r| {
                                if let Some(r) = r {
                                    r.selected = Some(i);
                                }
                            })
                        }
                    />
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
        let record = run.with_untracked(|r| r.as_ref().and_then(|r| r.result.clone()))?;
        let timed_out = record.mode == Mode::Timed
            && run.with_untracked(|r| r.as_ref().is_some_and(|r| !r.practice.is_complete()));
        Some(view! { <RunResults record timed_out back heading=results_heading /> })
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

/// A link to the requirement page a question is about, where it has one.
pub(super) fn requirement_link(q: &Question) -> Option<impl IntoView + use<>> {
    let id = q.link.clone()?;
    let node = framework::iso20000().node(&id)?;
    Some(view! {
        <p class="study-link">
            <a href=route(&format!("/clauses/{id}"))>
                {format!("Read the guidance for {} {}", node.number, node.title)}
            </a>
        </p>
    })
}
