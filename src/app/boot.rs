//! Start-up: applies the stored theme, then opens the app. The theme comes
//! first so that the app's first paint is already in it, never a flash of
//! the other one.
//!
//! A returning visit is fast because the service worker serves the code
//! (`public/sw.js`) and the app starts at once: nothing is drawn ahead of
//! it. In release builds the app itself is a chunk of its own
//! ([`super::open_app`]), fetched right after this runs.

use super::theme;

/// Starts Clausebook (the crash screen is installed before this).
pub fn start() {
    crate::platform::perf::mark("clausebook:boot");
    theme::apply_theme(theme::stored());
    super::open_app();
}
