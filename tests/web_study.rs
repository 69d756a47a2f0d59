//! Browser tests (wasm-bindgen-test in headless Chromium) for the Study page.
#![cfg(target_arch = "wasm32")]

use clausebook::pages::study::Study;
use clausebook::platform::store;
use clausebook_core::framework;
use clausebook_core::study::{self, Kind, Profile};
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

/// Fires a key press (built in JavaScript: the KeyboardEventInit binding
/// is not among the enabled web-sys features).
fn press(el: &HtmlElement, key: &str) {
    let fire = js_sys::Function::new_with_args(
        "el, key",
        "el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))",
    );
    fire.call2(&wasm_bindgen::JsValue::NULL, el, &key.into())
        .unwrap();
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
    // The same questions the page will ask: all topics, 5 questions, seed 11.
    let questions = study::quiz(framework::iso20000(), &Kind::ALL, 5, 11);

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
async fn flashcards_turn_over_with_the_keyboard() {
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
    let card: HtmlElement = el
        .query_selector(".flashcard")
        .unwrap()
        .unwrap()
        .unchecked_into();
    press(&card, " ");
    tick().await;
    assert_eq!(text(&el, ".flashcard-side"), "Back");
    assert!(text(&el, "h2").contains("Flashcard 1 of"));
    press(&card, "ArrowRight");
    tick().await;
    assert!(text(&el, "h2").contains("Flashcard 2 of"));
    assert_eq!(text(&el, ".flashcard-side"), "Front");
}
