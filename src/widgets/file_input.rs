//! The hidden `<input type="file">` behind a "Choose…" button.

use leptos::html;
use leptos::prelude::*;

/// Opens the picker of `input`, cleared first so that the same file can be
/// chosen again after fixing it.
pub fn open_picker(input: NodeRef<html::Input>) {
    if let Some(input) = input.get() {
        input.set_value("");
        input.click();
    }
}

/// The files chosen in `input`, in the order the browser lists them.
pub fn chosen_files(input: NodeRef<html::Input>) -> Vec<web_sys::File> {
    input
        .get()
        .and_then(|input| input.files())
        .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
        .unwrap_or_default()
}
