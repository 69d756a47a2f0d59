//! The domain crate's tests: one binary, a module a concept.

/// The benchmark's workbook generator, also used to test at a year's size.
#[path = "../../../bench/generate.rs"]
mod generate;

mod assessment;
mod bench_workbook;
mod compare;
mod content;
mod framework;
mod frameworks;
mod fuzz_regressions;
mod guidance;
mod import;
mod improvement;
mod ims_mapping;
mod library;
mod modules;
mod overview;
mod portfolio;
mod progress;
mod report;
mod retention;
mod roundtrip;
mod sample;
mod sealed;
mod stored;
mod study;
mod support;
mod walkthrough;
mod workbook;
