//! Browser tests (wasm-bindgen-test in headless Chromium) for the improvements page's components.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);
