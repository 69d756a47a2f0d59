//! The stored text in ASCII only: every character above U+007F written as a
//! JSON `\u` escape. Browsers charge local storage differently: WebKit
//! (Safari) charges two bytes for every character of a value once it holds
//! any character above U+00FF (such as `’`, which macOS and iOS type by
//! default), and one byte a character otherwise. An ASCII value costs one
//! unit a character in every engine, so the storage meter, the snapshot
//! policy and the "full" handling can count what they see.
//!
//! Only what is kept in the browser is written this way; exported files stay
//! readable UTF-8. Any JSON reader reads both.

use serde::Serialize;
use serde_json::ser::{Formatter, Serializer};
use std::io;

/// Serialises `value` as compact JSON in ASCII only.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let mut out = Vec::new();
    to_writer(&mut out, value)?;
    // The formatter writes ASCII only, so this cannot fail.
    String::from_utf8(out).map_err(|e| serde_json::Error::io(io::Error::other(e)))
}

/// Serialises `value` into `out` as compact JSON in ASCII only.
pub fn to_writer<W: io::Write, T: Serialize + ?Sized>(out: W, value: &T) -> serde_json::Result<()> {
    value.serialize(&mut Serializer::with_formatter(out, Ascii))
}

/// serde_json's compact formatter, but a string's non-ASCII characters are
/// written as `\uXXXX` (two escapes, a surrogate pair, above U+FFFF).
struct Ascii;

impl Formatter for Ascii {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut plain = 0;
        for (at, c) in fragment.char_indices() {
            if c.is_ascii() {
                continue;
            }
            writer.write_all(&fragment.as_bytes()[plain..at])?;
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                write!(writer, "\\u{unit:04x}")?;
            }
            plain = at + c.len_utf8();
        }
        writer.write_all(&fragment.as_bytes()[plain..])
    }
}
