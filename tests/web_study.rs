//! Browser tests (wasm-bindgen-test in headless Chromium) for the Study page.
#![cfg(target_arch = "wasm32")]

use clausebook::pages::study::Study;
use clausebook::platform::store;
use clausebook_core::study::{self, Area, Mode, Profile};
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

mod support;
use support::*;

wasm_bindgen_test_configure!(run_in_browser);

fn choose(el: &HtmlElement, index: usize) {
    let radio: HtmlInputElement = el
        .query_selector(&format!("#study-option-{index}"))
        .unwrap()
        .unwrap_or_else(|| panic!("no option {index}"))
        .unchecked_into();
    radio.click();
    input_event(&radio, "change");
}

#[wasm_bindgen_test]
async fn a_quiz_answer_is_checked_explained_and_the_score_saved() {
    let key = "test.study.quiz";
    store::remove(key).unwrap();
    let el = container();
    let _handle = mount_to(el.clone(), move || {
        view! { <Study storage_key=key seed=11 /> }
    });
    tick().await;
    // The same questions the page will ask: all areas, 5 questions, seed 11.
    let questions = study::quiz(&Area::ALL, 5, 11);

    button(&el, "Start").click();
    tick().await;
    assert!(text(&el, "legend").contains(&questions[0].prompt));

    // A wrong answer first: feedback says so and gives the right one.
    let wrong = (questions[0].correct + 1) % questions[0].options.len();
    choose(&el, wrong);
    tick().await;
    button(&el, "Check answer").click();
    tick().await;
    let feedback = text(&el, ".study-feedback");
    assert!(feedback.starts_with("Not quite."), "{feedback}");
    assert!(feedback.contains(questions[0].answer()), "{feedback}");
    assert!(feedback.contains(&questions[0].explanation), "{feedback}");
    let live = el.query_selector(".study-feedback").unwrap().unwrap();
    assert_eq!(live.get_attribute("aria-live").as_deref(), Some("polite"));

    // The rest right.
    for q in &questions[1..] {
        button(&el, "Next question").click();
        tick().await;
        assert!(text(&el, "legend").contains(&q.prompt));
        choose(&el, q.correct);
        tick().await;
        button(&el, "Check answer").click();
        tick().await;
        assert!(text(&el, ".study-feedback").starts_with("Correct."));
    }
    button(&el, "See results").click();
    tick().await;
    let score = text(&el, ".study-score");
    assert!(score.contains("4 of 5 correctly (80%)"), "{score}");

    // Saved under the study key, as a valid profile.
    let raw = store::read_raw(key).expect("profile saved");
    let profile = Profile::from_json(&raw).unwrap();
    assert_eq!(profile.runs.len(), 1);
    assert_eq!(profile.runs[0].score.correct, 4);
    assert_eq!(profile.runs[0].score.total, 5);
    // The workbook key is never touched by studying.
    assert!(text(&el, "[data-testid=study-summary]").contains("1 scored run"));
    assert!(text(&el, ".study-history").contains("4 of 5 (80%)"));
    store::remove(key).unwrap();
}

#[wasm_bindgen_test]
async fn unreadable_study_data_is_reported_and_kept() {
    let key = "test.study.bad";
    store::write_raw(key, "{broken").unwrap();
    store::remove(&format!("{key}.unreadable")).unwrap();
    let el = container();
    let _handle = mount_to(el.clone(), move || {
        view! { <Study storage_key=key seed=3 /> }
    });
    tick().await;
    let alert = text(&el, "[role=alert]");
    assert!(alert.contains("not readable"), "{alert}");
    // Renaming the profile saves; the broken text is set aside first.
    let name: HtmlInputElement = el
        .query_selector("#study-name")
        .unwrap()
        .unwrap()
        .unchecked_into();
    name.set_value("Robin");
    input_event(&name, "change");
    tick().await;
    assert_eq!(
        store::read_raw(&format!("{key}.unreadable")).as_deref(),
        Some("{broken")
    );
    let saved = Profile::from_json(&store::read_raw(key).unwrap()).unwrap();
    assert_eq!(saved.name, "Robin");
    store::remove(key).unwrap();
    store::remove(&format!("{key}.unreadable")).unwrap();
}

#[wasm_bindgen_test]
async fn a_flashcard_turns_by_its_button_and_the_arrows_move_on() {
    let el = container();
    let _handle = mount_to(el.clone(), move || {
        view! { <Study storage_key="test.study.cards" seed=5 /> }
    });
    tick().await;
    let flash: HtmlInputElement = el
        .query_selector("#study-mode-flashcards")
        .unwrap()
        .unwrap()
        .unchecked_into();
    flash.click();
    input_event(&flash, "change");
    tick().await;
    button(&el, "Start").click();
    tick().await;
    assert_eq!(text(&el, ".flashcard-side"), "Front");
    // The card's one control: a real button (Space and Enter are the
    // browser's), inside the card, whose target the stylesheet stretches
    // over the whole card (e2e: phone.test.mjs taps the card).
    let turn = button(&el, "Turn card over");
    assert!(
        turn.parent_element()
            .unwrap()
            .class_list()
            .contains("flashcard")
    );
    assert_eq!(turn.get_attribute("aria-pressed").as_deref(), Some("false"));
    turn.click();
    tick().await;
    assert_eq!(text(&el, ".flashcard-side"), "Back");
    assert_eq!(turn.get_attribute("aria-pressed").as_deref(), Some("true"));
    assert!(text(&el, "h2").contains("Flashcard 1 of"));
    // The arrows, pressed on the button, reach the card.
    press(&turn, "ArrowRight");
    tick().await;
    assert!(text(&el, "h2").contains("Flashcard 2 of"));
    assert_eq!(text(&el, ".flashcard-side"), "Front");
}

/// Picks the mode radio `key` (quiz, timed, exam, flashcards).
fn mode(el: &HtmlElement, key: &str) {
    let radio: HtmlInputElement = el
        .query_selector(&format!("#study-mode-{key}"))
        .unwrap()
        .unwrap()
        .unchecked_into();
    radio.click();
    input_event(&radio, "change");
}

/// Taps the text of option `index`, not the radio: the whole row is the
/// label, so the tap chooses it (issue 21).
fn tap_row(el: &HtmlElement, index: usize) {
    let rows = all(el, ".study-option-text");
    let row: HtmlElement = rows[index].clone().unchecked_into();
    row.click();
}

fn checked(el: &HtmlElement, index: usize) -> bool {
    el.query_selector(&format!("#study-option-{index}"))
        .unwrap()
        .map(|r| r.unchecked_into::<HtmlInputElement>().checked())
        .unwrap_or(false)
}

#[wasm_bindgen_test]
async fn a_tap_on_the_row_text_chooses_the_answer() {
    let el = container();
    let _handle = mount_to(el.clone(), move || {
        view! { <Study storage_key="test.study.tap" seed=2 /> }
    });
    tick().await;
    button(&el, "Start").click();
    tick().await;
    assert!(!checked(&el, 2));
    tap_row(&el, 2);
    tick().await;
    assert!(checked(&el, 2), "a tap on the text checks the radio");
    // The radio sits inside its label: the row is one tap target.
    let radio = el.query_selector("#study-option-2").unwrap().unwrap();
    assert_eq!(radio.parent_element().unwrap().tag_name(), "LABEL");
    store::remove("test.study.tap").unwrap();
}

#[wasm_bindgen_test]
async fn a_mock_exam_flags_returns_changes_and_reviews() {
    let key = "test.study.exam";
    store::remove(key).unwrap();
    let el = container();
    let _handle = mount_to(el.clone(), move || {
        view! { <Study storage_key=key seed=21 /> }
    });
    tick().await;
    // The paper the page will set: seed 21, no runs yet.
    let paper = study::exam::paper(study::bank(), 21);
    mode(&el, "exam");
    tick().await;
    button(&el, "Start").click();
    tick().await;
    assert_eq!(text(&el, "h2"), "Mock exam · question 1 of 40");
    assert!(
        text(&el, "[role=timer]").contains("Time left 60:00")
            || text(&el, "[role=timer]").contains("59:5")
    );
    assert!(text(&el, "legend").contains(&paper[0].prompt));

    // Question 1: a wrong answer, flagged to come back to.
    let wrong = (paper[0].correct + 1) % paper[0].options.len();
    tap_row(&el, wrong);
    tick().await;
    button(&el, "Flag for review").click();
    tick().await;
    let flag = button(&el, "Flag for review");
    assert_eq!(flag.get_attribute("aria-pressed").as_deref(), Some("true"));
    // On through the paper, answering every question right from 2 to 26.
    for q in &paper[1..26] {
        button(&el, "Next question").click();
        tick().await;
        assert!(text(&el, "legend").contains(&q.prompt));
        tap_row(&el, q.correct);
        tick().await;
    }
    assert!(text(&el, ".exam-progress").contains("26 of 40 answered · 1 flagged"));
    // Back to the flagged question from the navigator; the answer was kept.
    let jump: HtmlElement = el
        .query_selector("[aria-label='Question 1, answered, flagged']")
        .unwrap()
        .expect("the navigator marks question 1")
        .unchecked_into();
    jump.click();
    tick().await;
    assert_eq!(text(&el, "h2"), "Mock exam · question 1 of 40");
    assert!(checked(&el, wrong));
    // Change it to the right answer and clear the flag.
    tap_row(&el, paper[0].correct);
    tick().await;
    assert!(checked(&el, paper[0].correct));
    button(&el, "Flag for review").click();
    tick().await;

    // Handing in with questions left asks first.
    button(&el, "Hand in").click();
    tick().await;
    assert!(text(&el, ".exam-confirm").contains("14 unanswered and 0 flagged"));
    button(&el, "Hand in now").click();
    tick().await;
    assert_eq!(text(&el, "h2"), "Exam review");
    let score = text(&el, ".study-score");
    assert!(score.contains("26 of 40 (65%)"), "{score}");
    assert!(score.contains("a pass"), "{score}");
    assert!(text(&el, ".exam-areas").contains("Key terms"));
    // Every question is reviewed with its explanation.
    let items = all(&el, ".exam-item");
    assert_eq!(items.len(), 40);
    assert!(
        items[0]
            .text_content()
            .unwrap()
            .contains(&paper[0].explanation)
    );
    assert!(items[39].text_content().unwrap().contains("not answered"));

    // Kept in the history with its areas.
    let saved = Profile::from_json(&store::read_raw(key).unwrap()).unwrap();
    assert_eq!(saved.runs.len(), 1);
    assert_eq!(saved.runs[0].mode, Mode::Exam);
    assert_eq!(saved.runs[0].score.correct, 26);
    assert_eq!(saved.runs[0].by_area.len(), study::exam::BLUEPRINT.len());
    button(&el, "Back to Study").click();
    tick().await;
    assert!(text(&el, ".study-history").contains("Pass"));
    store::remove(key).unwrap();
}

#[wasm_bindgen_test]
async fn a_turned_flashcard_is_rated_and_the_rating_kept() {
    let key = "test.study.rate";
    store::remove(key).unwrap();
    let el = container();
    let _handle = mount_to(el.clone(), move || {
        view! { <Study storage_key=key seed=4 /> }
    });
    tick().await;
    let due_before = text(&el, "[data-testid=study-due]");
    assert_eq!(
        due_before,
        format!("{} cards due today.", study::srs::NEW_PER_DAY)
    );
    mode(&el, "flashcards");
    tick().await;
    button(&el, "Start").click();
    tick().await;
    button(&el, "Turn card over").click();
    tick().await;
    assert_eq!(text(&el, ".flashcard-side"), "Back", "the card turns");
    button(&el, "Good").click();
    tick().await;
    let saved = Profile::from_json(&store::read_raw(key).unwrap()).unwrap();
    assert_eq!(saved.cards.len(), 1);
    button(&el, "Stop").click();
    tick().await;
    assert_eq!(
        text(&el, "[data-testid=study-due]"),
        format!("{} cards due today.", study::srs::NEW_PER_DAY - 1)
    );
    store::remove(key).unwrap();
}
