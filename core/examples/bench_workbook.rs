//! Writes the benchmark's large workbook as an export file.
//!
//! `cargo run --release -p clausebook-core --example bench_workbook -- --seed 42 --out target/bench/large.clausebook.json`
//! Also writes the same workbook in the stored (local storage) format next to
//! it, `*.stored.json`, which the benchmark seeds into the browser.

#[path = "../../bench/generate.rs"]
mod generate;

use clausebook_core::file::{export, schema};
use clausebook_core::framework;
use std::path::PathBuf;

fn main() {
    let mut seed = 42;
    let mut out = PathBuf::from("target/bench/large.clausebook.json");
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match (arg.as_str(), args.next()) {
            ("--seed", Some(v)) => seed = v.parse().expect("--seed takes a whole number"),
            ("--out", Some(v)) => out = v.into(),
            _ => {
                eprintln!("usage: bench_workbook [--seed N] [--out FILE]");
                std::process::exit(2);
            }
        }
    }
    let fw = framework::iso20000();
    let wb = generate::workbook(fw, seed, generate::Size::full());
    let at: clausebook_core::calendar::Timestamp =
        "2026-11-25T10:00:00.000Z".parse().expect("timestamp");
    let text = export::export_json(&wb, at.clone());
    // The benchmark is only meaningful if the app accepts the file.
    if let Err(e) = export::read_import(text.as_bytes()) {
        eprintln!("the generated workbook does not import: {e}");
        std::process::exit(1);
    }
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir).expect("create the output folder");
    }
    std::fs::write(&out, &text).expect("write the export file");
    let stored = schema::to_stored_json(&wb, at);
    let stored_path = out.with_extension("").with_extension("stored.json");
    std::fs::write(&stored_path, &stored).expect("write the stored file");
    println!(
        "{}: {} bytes (export), {}: {} bytes (stored); {} assessed, {} evidence, {} improvements, {} services",
        out.display(),
        text.len(),
        stored_path.display(),
        stored.len(),
        wb.assessments.len(),
        wb.evidence.items.len(),
        wb.improvements.items.len(),
        wb.portfolio.services.len()
    );
}
