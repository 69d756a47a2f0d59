//! Clausebook's app: the domain (`clausebook-core`) drawn with Leptos and
//! kept in the browser.

pub mod browser;
pub mod crash;
pub mod markup;
pub mod offline;
pub mod perf;
pub mod startup;
pub mod storage;
pub mod ui;
