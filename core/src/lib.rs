//! Clausebook's domain: what an ISO/IEC 20000-1 (or FitSM-1) workbook is,
//! how it is assessed, checked, stored as a file and reported on.
//!
//! Plain Rust with no browser crate in its dependency tree, so that every
//! rule here is tested natively. The app (the crate at the repository's top
//! level) draws it and keeps it in the browser.

pub mod assessment;
pub mod baseline;
pub mod calendar;
pub mod compare;
pub mod csv;
pub mod evidence;
pub mod file;
pub mod framework;
pub mod history;
pub mod improvement;
pub mod ims;
pub mod library;
pub mod limits;
mod numbered;
pub mod overview;
pub mod portfolio;
pub mod progress;
pub mod report;
pub mod retention;
pub mod sample;
pub mod study;
pub mod trainer;
pub mod validation;
pub mod walkthrough;
pub mod workbook;
