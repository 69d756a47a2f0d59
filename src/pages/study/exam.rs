//! The mock exam: 40 questions against a 60-minute clock, answers that can
//! change, flags to come back to, and a review at the end.

use super::clock::{clock, elapsed_secs, now_ms, spoken, tick};
use super::option::OptionRow;
use super::review::ExamReview;
use crate::widgets::{focus_after_render, focus_at_top, focus_when_done};
use clausebook_core::study::{Practice, RunRecord};
use leptos::prelude::*;

/// A mock exam in progress, or handed in (`result` is set).
#[derive(Debug, Clone)]
pub(super) struct ExamState {
    pub(super) practice: Practice,
    pub(super) current: usize,
    pub(super) started_ms: f64,
    /// Asking "hand in with questions unanswered or flagged?".
    pub(super) confirming: bool,
    pub(super) result: Option<RunRecord>,
}

#[component]
pub(super) fn ExamView(
    exam: RwSignal<Option<ExamState>>,
    finish: impl Fn(u32) + Copy + Send + Sync + 'static,
    back: Callback<()>,
) -> impl IntoView {
    let now = RwSignal::new(now_ms());
    let elapsed_now = move || {
        exam.with_untracked(|e| {
            e.as_ref()
                .map(|e| elapsed_secs(e.started_ms, now_ms()))
                .unwrap_or(0)
        })
    };
    let time_up = move || {
        exam.with_untracked(|e| {
            let e = e.as_ref()?;
            let elapsed = elapsed_secs(e.started_ms, now_ms());
            (e.result.is_none() && e.practice.is_time_up(elapsed)).then_some(elapsed)
        })
    };
    tick(now, time_up, finish);

    let heading = NodeRef::<leptos::html::H2>::new();
    let review_heading = NodeRef::<leptos::html::H2>::new();
    // Begin at question 1's heading, at the top of the window (see RunView).
    focus_at_top(heading);
    let done = Memo::new(move |_| exam.with(|e| e.as_ref().is_some_and(|e| e.result.is_some())));
    focus_when_done(done, review_heading);

    let total = exam.with_untracked(|e| e.as_ref().map_or(0, |e| e.practice.questions.len()));
    let current = Memo::new(move |_| exam.with(|e| e.as_ref().map_or(0, |e| e.current)));
    let question = Memo::new(move |_| {
        exam.with(|e| {
            e.as_ref()
                .and_then(|e| e.practice.questions.get(e.current).cloned())
        })
    });
    let chosen =
        Memo::new(move |_| exam.with(|e| e.as_ref().and_then(|e| e.practice.answer_of(e.current))));
    let flagged = Memo::new(move |_| {
        exam.with(|e| e.as_ref().is_some_and(|e| e.practice.is_flagged(e.current)))
    });
    // What each question's navigator button shows: answered, flagged.
    let marks = Memo::new(move |_| {
        exam.with(|e| {
            e.as_ref().map_or_else(Vec::new, |e| {
                (0..e.practice.questions.len())
                    .map(|i| (e.practice.answer_of(i).is_some(), e.practice.is_flagged(i)))
                    .collect::<Vec<_>>()
            })
        })
    });
    let confirming = Memo::new(move |_| exam.with(|e| e.as_ref().is_some_and(|e| e.confirming)));

    let go = move |to: usize| {
        exam.update(|e| {
            if let Some(e) = e {
                e.current = to.min(total.saturating_sub(1));
                e.confirming = false;
            }
        });
        focus_after_render(heading);
    };
    let pick = move |choice: usize| {
        let elapsed = elapsed_now();
        let mut up = false;
        exam.update(|e| {
            if let Some(e) = e {
                let at = e.current;
                if let Err(clausebook_core::study::RunError::TimeUp) =
                    e.practice.answer(at, choice, elapsed)
                {
                    up = true;
                }
            }
        });
        if up {
            finish(elapsed);
        }
    };
    let toggle_flag = move |_| {
        exam.update(|e| {
            if let Some(e) = e {
                let at = e.current;
                let _ = e.practice.toggle_flag(at);
            }
        })
    };
    let hand_in = move |_| {
        let open = exam.with_untracked(|e| {
            e.as_ref().is_some_and(|e| {
                !e.practice.unanswered().is_empty() || !e.practice.flagged().is_empty()
            })
        });
        if open && !confirming.get_untracked() {
            exam.update(|e| {
                if let Some(e) = e {
                    e.confirming = true;
                }
            });
        } else {
            finish(elapsed_now());
        }
    };

    let seconds_left = move || {
        let now = now.get();
        exam.with(|e| {
            e.as_ref()
                .and_then(|e| e.practice.seconds_left(elapsed_secs(e.started_ms, now)))
        })
    };
    // Spoken at a few steps only, so a screen reader is not flooded.
    let announcement = Memo::new(move |_| {
        let left = seconds_left()?;
        Some(match left {
            0 => "Time is up.".to_owned(),
            1..=60 => "1 minute left.".to_owned(),
            61..=300 => "5 minutes left.".to_owned(),
            301..=600 => "10 minutes left.".to_owned(),
            _ => String::new(),
        })
    });

    let asking = move || {
        let Some(q) = question.get() else {
            return ().into_any();
        };
        let options = q
            .options
            .iter()
            .enumerate()
            .map(|(i, text)| {
                view! {
                    <OptionRow
                        index=i
                        text=text.clone()
                        name="exam-answer"
                        selected=Signal::derive(move || chosen.get())
                        disabled=Signal::derive(|| false)
                        marked=Signal::derive(|| None)
                        pick
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

    let navigator = move || {
        marks
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, (answered, flag))| {
                let mut name = format!("Question {}", i + 1);
                if answered {
                    name.push_str(", answered");
                }
                if flag {
                    name.push_str(", flagged");
                }
                view! {
                    <li>
                        <button
                            type="button"
                            class="exam-jump"
                            class:exam-answered=answered
                            class:exam-flagged=flag
                            aria-label=name
                            aria-current=move || (current.get() == i).then_some("step")
                            on:click=move |_| go(i)
                        >
                            {(i + 1).to_string()}
                            {flag.then_some(view! { <span aria-hidden="true">"⚑"</span> })}
                        </button>
                    </li>
                }
            })
            .collect_view()
    };

    let review = move || {
        let (practice, record) = exam.with_untracked(|e| {
            e.as_ref()
                .and_then(|e| e.result.clone().map(|r| (e.practice.clone(), r)))
        })?;
        Some(view! { <ExamReview practice record back heading=review_heading /> })
    };

    view! {
        <section class="card study-run study-exam" aria-labelledby="study-run-title">
            <Show when=move || !done.get() fallback=review>
                <div class="study-run-head">
                    <h2 id="study-run-title" tabindex="-1" node_ref=heading>
                        {move || format!("Mock exam · question {} of {total}", current.get() + 1)}
                    </h2>
                    {move || {
                        seconds_left()
                            .map(|left| {
                                view! {
                                    <p class="study-timer" role="timer">
                                        <span aria-hidden="true">"Time left " {clock(left)}</span>
                                        <span class="visually-hidden">{format!("{} left", spoken(left))}</span>
                                    </p>
                                }
                            })
                    }}
                </div>
                <p class="hint exam-progress">
                    {move || {
                        let m = marks.get();
                        format!(
                            "{} of {} answered · {} flagged",
                            m.iter().filter(|(a, _)| *a).count(),
                            m.len(),
                            m.iter().filter(|(_, f)| *f).count(),
                        )
                    }}
                </p>
                {asking}
                <p class="actions exam-step">
                    <button type="button" disabled=move || current.get() == 0 on:click=move |_| go(current.get_untracked().saturating_sub(1))>
                        "Previous question"
                    </button>
                    <button
                        type="button"
                        class="exam-flag"
                        aria-pressed=move || flagged.get().to_string()
                        on:click=toggle_flag
                    >
                        "Flag for review"
                    </button>
                    <button
                        type="button"
                        class="primary"
                        disabled=move || { current.get() + 1 >= total }
                        on:click=move |_| go(current.get_untracked() + 1)
                    >
                        "Next question"
                    </button>
                </p>
                <nav class="exam-nav" aria-label="Questions">
                    <ol>{navigator}</ol>
                </nav>
                <div role="status" aria-live="polite" class="exam-confirm-region">
                    <Show when=move || confirming.get()>
                        <p class="exam-confirm">
                            {move || {
                                exam.with(|e| {
                                    e.as_ref()
                                        .map(|e| {
                                            format!(
                                                "{} unanswered and {} flagged. Unanswered questions count as wrong. Hand in anyway?",
                                                e.practice.unanswered().len(),
                                                e.practice.flagged().len(),
                                            )
                                        })
                                        .unwrap_or_default()
                                })
                            }}
                        </p>
                    </Show>
                </div>
                <p class="visually-hidden" aria-live="polite">{move || announcement.get()}</p>
                <p class="actions">
                    <button type="button" class="primary" on:click=hand_in>
                        {move || if confirming.get() { "Hand in now" } else { "Hand in" }}
                    </button>
                    <Show when=move || confirming.get()>
                        <button
                            type="button"
                            on:click=move |_| {
                                exam.update(|e| {
                                    if let Some(e) = e {
                                        e.confirming = false;
                                    }
                                })
                            }
                        >
                            "Keep going"
                        </button>
                    </Show>
                    <button type="button" on:click=move |_| back.run(())>
                        "Stop"
                    </button>
                </p>
            </Show>
        </section>
    }
}
