//! One module per page; a folder where a page has parts.

pub mod clauses;
pub mod compare;
pub mod data;
pub mod improvements;
pub mod overview;
pub mod portfolio;
pub mod progress;
pub mod recovery;
pub mod reports;
pub mod requirement;
pub mod study;
pub mod trainer;
pub mod workbooks;
