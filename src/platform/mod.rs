//! Everything that touches the browser: local storage and autosave,
//! downloads and the clock, a chosen file to save to, encryption, the
//! crash screen, offline use and perf marks.
//! Nothing here renders a page.

pub mod browser;
pub mod crash;
pub mod crypto;
pub mod file_handle;
pub mod offline;
pub mod perf;
pub mod store;
