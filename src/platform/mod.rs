//! Everything that touches the browser: local storage and autosave,
//! downloads and the clock, the crash screen, offline use and perf marks.
//! Nothing here renders a page.

pub mod browser;
pub mod crash;
pub mod offline;
pub mod perf;
pub mod store;
