//! Everything that touches the browser: local storage and autosave,
//! downloads and the clock, a chosen file to save to, encryption, the
//! crash screen, offline use, perf marks and how long the browser keeps the
//! site's data.
//! Nothing here renders a page.

pub mod browser;
pub mod crash;
pub mod crypto;
pub mod file_handle;
pub mod offline;
pub mod perf;
pub mod retention;
pub mod store;
