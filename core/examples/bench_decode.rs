//! Native timings of the steps behind Start, Save and Import, on the large
//! benchmark workbook (`bash .ci/bench` writes it first). For finding where
//! time goes; the benchmark proper measures the browser.
//!   cargo run --release -p clausebook-core --example bench_decode [-- path/to/large.stored.json]
use clausebook_core::file::schema::{self, Envelope};
use std::time::{Duration, Instant};

fn time<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let t = Instant::now();
    let out = f();
    (out, t.elapsed())
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/bench/large.stored.json".into());
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("No workbook at {path}: run `bash .ci/bench` first.");
        std::process::exit(1);
    };
    for _ in 0..3 {
        let (_, nesting) =
            time(|| schema::nests_deeper_than(&text, clausebook_core::limits::MAX_NESTING));
        let (parsed, structs) = time(|| serde_json::from_str::<Envelope>(&text));
        let Ok(envelope) = parsed else {
            eprintln!("{path} is not a current workbook.");
            std::process::exit(1);
        };
        let workbook = &envelope.workbook;
        let (_, validate) = time(|| workbook.validate());
        let (_, decode) = time(|| schema::decode(&text));
        let saved_at = envelope
            .saved_at
            .clone()
            .unwrap_or_else(|| workbook.updated_at.clone());
        let (json, serialise) = time(|| schema::to_stored_json(workbook, saved_at));
        println!(
            "decode {decode:?} (nesting {nesting:?}, structs {structs:?}, validation {validate:?}); serialise {serialise:?} ({} bytes)",
            json.len()
        );
    }
}
