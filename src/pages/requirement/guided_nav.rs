//! Previous and next through the requirements, with keyboard shortcuts.

use clausebook_core::framework::{Framework, Node};
use clausebook_core::walkthrough;
use leptos::html;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;

/// Previous / Next through the requirements in order, with keyboard
/// shortcuts (n, p, ?) and a help dialog that lists them.
#[component]
pub(super) fn GuidedNav(framework: &'static Framework, node: &'static Node) -> impl IntoView {
    let Some(position) = walkthrough::position(framework, &node.id) else {
        return ().into_any();
    };
    let navigate = use_navigate();
    let help = NodeRef::<html::Dialog>::new();
    let go = {
        let navigate = navigate.clone();
        move |target: &Option<clausebook_core::framework::RequirementId>| {
            if let Some(t) = target {
                navigate(&format!("/clauses/{t}"), NavigateOptions::default());
            }
        }
    };
    let (previous, next) = (position.previous.clone(), position.next.clone());
    let open_help = move || {
        if let Some(d) = help.get() {
            let _ = d.show_modal();
        }
    };
    let handle = {
        let go = go.clone();
        let (previous, next) = (previous.clone(), next.clone());
        window_event_listener(leptos::ev::keydown, move |ev| {
            if ev.ctrl_key() || ev.meta_key() || ev.alt_key() || typing_in_a_field(&ev) {
                return;
            }
            match ev.key().as_str() {
                "n" => go(&next),
                "p" => go(&previous),
                "?" => open_help(),
                _ => return,
            }
            ev.prevent_default();
        })
    };
    on_cleanup(move || handle.remove());
    view! {
        <nav class="guided" aria-label="Walk through the requirements">
            <button
                type="button"
                disabled=previous.is_none()
                aria-keyshortcuts="p"
                on:click={
                    let go = go.clone();
                    move |_| go(&previous)
                }
            >
                "Previous requirement"
            </button>
            <span class="guided-position">{format!("{} of {}", position.index, position.total)}</span>
            <button
                type="button"
                disabled=next.is_none()
                aria-keyshortcuts="n"
                on:click=move |_| go(&next)
            >
                "Next requirement"
            </button>
            <button type="button" class="link-button" aria-keyshortcuts="?" on:click=move |_| open_help()>
                "Keyboard shortcuts"
            </button>
        </nav>
        <dialog node_ref=help aria-labelledby="help-title" class="help-dialog">
            <h2 id="help-title">"Keyboard shortcuts"</h2>
            <dl class="facts">
                <dt><kbd>"n"</kbd></dt>
                <dd>"Next requirement"</dd>
                <dt><kbd>"p"</kbd></dt>
                <dd>"Previous requirement"</dd>
                <dt><kbd>"?"</kbd></dt>
                <dd>"Show this help"</dd>
                <dt><kbd>"Tab"</kbd></dt>
                <dd>"Move between fields; every field saves as you type"</dd>
                <dt><kbd>"Esc"</kbd></dt>
                <dd>"Close this help"</dd>
            </dl>
            <p class="hint">"The letter shortcuts work when you are not typing in a field."</p>
            <form method="dialog">
                <button type="submit" class="primary">"Close help"</button>
            </form>
        </dialog>
    }
    .into_any()
}

fn typing_in_a_field(ev: &web_sys::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.has_attribute("contenteditable")
        })
}
