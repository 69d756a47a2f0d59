//! Feeds arbitrary bytes to the import path. Any panic, overflow or hang is a
//! bug: import must refuse bad files with an error. Run with `.ci/fuzz`.
#![no_main]

use clausebook_core::file::export;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(found) = export::read_import(data) {
        // Whatever import accepts must be a valid workbook, and must survive
        // a second round trip unchanged.
        let wb = found.envelope.workbook;
        assert!(wb.validate().is_ok());
        let text = export::export_json(&wb, "2026-01-01T00:00:00.000Z".parse().unwrap());
        let again = export::read_import(text.as_bytes())
            .expect("a re-export of an accepted workbook is accepted");
        assert_eq!(again.envelope.workbook, wb);
    }
});
