//! The workbook as a file: the versioned envelope every file shares, its
//! migrations and import checks ([`schema`]), the JSON export and import
//! ([`export`]), and the autosave's cache of each item's text from the last
//! save ([`save_cache`]), the names of the files it downloads ([`name`]), and
//! the ASCII-only JSON the browser keeps ([`ascii`]), and the envelope of
//! an encrypted file ([`sealed`]).

pub mod ascii;
pub mod export;
pub mod name;
pub mod save_cache;
pub mod schema;
pub mod sealed;
