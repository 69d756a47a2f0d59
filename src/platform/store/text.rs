//! The text a save writes: the workbook's stored JSON, as a JS string, so
//! that megabytes are not copied between Rust and the browser twice. The
//! autosaver keeps the last save's pieces ([`SaveText`]) and converts only
//! what changed.

use clausebook_core::calendar::Timestamp;
use clausebook_core::file::save_cache;
use clausebook_core::file::schema;
use clausebook_core::workbook::Workbook;

/// Writes a workbook's stored text for a save, as a JS string with its
/// length in UTF-8 bytes (the size the head records).
pub(super) type Serialise<'a> = dyn FnMut(&Workbook, Timestamp) -> (js_sys::JsString, u64) + 'a;

/// The stored text, serialised whole.
pub(super) fn plain_text(workbook: &Workbook, saved_at: Timestamp) -> (js_sys::JsString, u64) {
    let text = schema::to_stored_json(workbook, saved_at);
    (js_sys::JsString::from(text.as_str()), text.len() as u64)
}

/// What the autosaver keeps from one save to the next so that the next
/// serialises and converts only what changed.
#[derive(Default)]
pub(super) struct SaveText {
    items: save_cache::Cache,
    /// The JS string of each item's text of the last save, by serial
    /// ([`save_cache::Piece::Item`]).
    js: std::collections::HashMap<u64, js_sys::JsString>,
    /// The JS strings of the last save's short written pieces: mostly the
    /// commas between items, thousands of them, each a call into JS to
    /// convert otherwise.
    short: std::collections::HashMap<String, js_sys::JsString>,
}

/// Written pieces up to this long are kept as JS strings between saves.
const SHORT_PIECE: usize = 64;

impl SaveText {
    pub(super) fn text(
        &mut self,
        workbook: &Workbook,
        saved_at: Timestamp,
    ) -> (js_sys::JsString, u64) {
        let Ok(text) = self.items.text(workbook, saved_at.clone()) else {
            return plain_text(workbook, saved_at);
        };
        let mut kept = std::collections::HashMap::with_capacity(self.js.len());
        let mut short = std::collections::HashMap::with_capacity(self.short.len());
        let mut whole = js_sys::JsString::from("");
        for piece in text.pieces() {
            let part = match piece {
                save_cache::Piece::Written(text) if text.len() <= SHORT_PIECE => {
                    match short.get(text.as_str()) {
                        Some(part) => js_sys::JsString::clone(part),
                        None => {
                            let part = self
                                .short
                                .remove(text.as_str())
                                .unwrap_or_else(|| js_sys::JsString::from(text.as_str()));
                            short.insert(text.clone(), part.clone());
                            part
                        }
                    }
                }
                save_cache::Piece::Written(text) => js_sys::JsString::from(text.as_str()),
                save_cache::Piece::Item { serial, text } => {
                    let part = self
                        .js
                        .remove(serial)
                        .unwrap_or_else(|| js_sys::JsString::from(*text));
                    kept.insert(*serial, part.clone());
                    part
                }
            };
            // Joined on the JS side: the browser copies the parts once,
            // when the whole is written.
            whole = whole.concat(&part);
        }
        self.js = kept;
        self.short = short;
        (whole, text.len() as u64)
    }
}
