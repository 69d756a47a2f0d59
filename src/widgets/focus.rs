//! Moving keyboard focus to an element that a coming render will draw.

use leptos::html::{self, ElementType};
use leptos::prelude::*;

/// Moves keyboard focus to the first element matching `selector`, after the
/// next render. After a navigation the new page may not be rendered yet,
/// so this looks again on each frame, for up to about five seconds.
pub fn focus_later(selector: String) {
    focus_when_found(selector, 300);
}

fn focus_when_found(selector: String, frames_left: u32) {
    request_animation_frame(move || {
        let found = gloo_utils::document()
            .query_selector(&selector)
            .ok()
            .flatten()
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
        match found {
            Some(el) => {
                let _ = el.focus();
            }
            None if frames_left > 0 => focus_when_found(selector, frames_left - 1),
            None => {}
        }
    });
}

/// Moves keyboard focus to `node` after the next render: the heading of
/// what a change has just drawn (the next question, the results, a
/// preview), or a field to type into.
pub fn focus_after_render<E>(node: NodeRef<E>)
where
    E: ElementType,
    E::Output: wasm_bindgen::JsCast + Clone + 'static,
{
    request_animation_frame(move || {
        if let Some(el) = node.get() {
            let _ = wasm_bindgen::JsCast::unchecked_ref::<web_sys::HtmlElement>(&el).focus();
        }
    });
}

/// Moves keyboard focus to `heading` after the next render and scrolls it
/// to the top of the window: for a view that replaces a long form (Study's
/// start form), whose button left the window scrolled far down. The
/// browser's own scroll on focus would centre it.
pub fn focus_at_top(heading: NodeRef<html::H2>) {
    request_animation_frame(move || {
        if let Some(el) = heading.get() {
            let _ = el.focus();
            el.scroll_into_view_with_bool(true);
        }
    });
}

/// Focuses `heading` when `done` turns true, not when it starts true.
pub fn focus_when_done(done: Memo<bool>, heading: NodeRef<html::H2>) {
    Effect::new(move |was: Option<bool>| {
        let now = done.get();
        if now && was == Some(false) {
            focus_after_render(heading);
        }
        now
    });
}

/// Starts the page afresh at its top, after the next render: the window
/// scrolled to 0, 0 and focus on the page's `<h1>` (which takes focus by
/// `tabindex="-1"`). For a workbook just created or opened, whose page is
/// drawn anew while the window kept the old scroll position (the welcome
/// form left it at the foot of the Overview), and whose focused button
/// may be gone.
pub fn to_page_top() {
    let heading = || {
        gloo_utils::document()
            .query_selector("main h1")
            .ok()
            .flatten()
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
    };
    // The new page is drawn by an effect, which may run after the next
    // frame: wait, for up to about five seconds, for a heading other than
    // the one shown now.
    let before = heading().map(|h| (h.clone(), h.text_content()));
    to_page_top_when_drawn(before, heading, 300);
}

fn to_page_top_when_drawn(
    before: Option<(web_sys::HtmlElement, Option<String>)>,
    heading: impl Fn() -> Option<web_sys::HtmlElement> + 'static,
    frames_left: u32,
) {
    request_animation_frame(move || {
        let now = heading();
        let changed = match (&before, &now) {
            (Some((old, text)), Some(new)) => {
                old != new || !old.is_connected() || new.text_content() != *text
            }
            (None, Some(_)) => true,
            _ => false,
        };
        if !changed && frames_left > 0 {
            return to_page_top_when_drawn(before, heading, frames_left - 1);
        }
        if let Some(heading) = now {
            let _ = heading.focus();
        }
        // After the focus, which scrolls the heading into view on its own
        // terms: the page starts at its very top, header included.
        gloo_utils::window().scroll_to_with_x_and_y(0.0, 0.0);
    });
}
