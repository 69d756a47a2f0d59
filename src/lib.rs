//! Clausebook: a compliance workbook for ISO/IEC 20000-1:2018 that runs in the browser.
//!
//! The domain modules (`framework`, `workbook`, `assessment`, `improvement`,
//! `portfolio`, `validation`, `schema`, `stored`, `export`, `calendar`) are
//! plain Rust, tested natively. `browser`, `storage` and `ui` sit on top and
//! need a browser.

pub mod assessment;
pub mod baseline;
pub mod calendar;
pub mod compare;
pub mod csv;
pub mod evidence;
pub mod export;
pub mod framework;
pub mod history;
pub mod improvement;
pub mod ims;
pub mod library;
pub mod markup;
pub mod overview;
pub mod portfolio;
pub mod report;
pub mod sample;
pub mod schema;
pub mod stored;
pub mod study;
pub mod trainer;
pub mod validation;
pub mod walkthrough;
pub mod workbook;

pub mod browser;
pub mod crash;
pub mod offline;
pub mod perf;
pub mod startup;
pub mod storage;
pub mod ui;
