//! Timing marks for the benchmark (`bash .ci/bench`): the User Timing API
//! records how long a piece of work took as a `performance.measure` entry,
//! which the benchmark reads from the page. A mark costs about a
//! microsecond, so the calls stay in release builds.

/// Runs `work` and records its duration as a measure named `name`
/// (e.g. `clausebook:save`). Without a `performance` object (outside a
/// browser window) it just runs `work`.
pub fn measure<T>(name: &str, work: impl FnOnce() -> T) -> T {
    // Native builds (tests, the benchmark generator) have no browser to ask.
    if !cfg!(target_arch = "wasm32") {
        return work();
    }
    let Some(performance) = web_sys::window().and_then(|w| w.performance()) else {
        return work();
    };
    let start = format!("{name}:start");
    let _ = performance.mark(&start);
    let result = work();
    let _ = performance.measure_with_start_mark(name, &start);
    // Marks accumulate for the page's lifetime; drop this one.
    performance.clear_marks_with_mark_name(&start);
    result
}

/// Records that something happened now (e.g. `clausebook:app`, when the app is mounted).
pub fn mark(name: &str) {
    if !cfg!(target_arch = "wasm32") {
        return;
    }
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}
