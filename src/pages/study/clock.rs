//! The run's clock: elapsed time from the start, and the time left shown
//! and spoken.

pub(super) fn now_ms() -> f64 {
    js_sys::Date::now()
}

pub(super) fn elapsed_secs(started_ms: f64, now: f64) -> u32 {
    ((now - started_ms).max(0.0) / 1000.0) as u32
}

/// "2:05" for a countdown.
pub(super) fn clock(seconds: u32) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// "2 minutes 5 seconds" for screen readers.
pub(super) fn spoken(seconds: u32) -> String {
    let (m, s) = (seconds / 60, seconds % 60);
    let unit = |n: u32, one: &str| format!("{n} {one}{}", if n == 1 { "" } else { "s" });
    match (m, s) {
        (0, s) => unit(s, "second"),
        (m, 0) => unit(m, "minute"),
        (m, s) => format!("{} {}", unit(m, "minute"), unit(s, "second")),
    }
}

/// Moves `now` (what the clock shows) four times a second while the view
/// lives, and calls `finish` with the elapsed seconds once `time_up` says
/// the time has run out. Elapsed time is always worked out from the start,
/// so a throttled tab cannot stretch the limit.
pub(super) fn tick(
    now: leptos::prelude::RwSignal<f64>,
    time_up: impl Fn() -> Option<u32> + 'static,
    finish: impl Fn(u32) + 'static,
) {
    use leptos::prelude::*;
    if let Ok(handle) = set_interval_with_handle(
        move || {
            now.set(now_ms());
            if let Some(elapsed) = time_up() {
                finish(elapsed);
            }
        },
        std::time::Duration::from_millis(250),
    ) {
        on_cleanup(move || handle.clear());
    }
}
