//! Replays inputs found by fuzzing (`.ci/fuzz`): each must be refused with an
//! error or read as a valid workbook, never panic.

use clausebook_core::file::export;

#[test]
fn every_fuzz_finding_is_handled() {
    let dir = std::path::Path::new("tests/fixtures/fuzz");
    let mut count = 0;
    for entry in std::fs::read_dir(dir).expect("tests/fixtures/fuzz exists") {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        if let Ok(found) = export::read_import(&bytes) {
            assert!(
                found.envelope.workbook.validate().is_ok(),
                "{}",
                path.display()
            );
        }
        count += 1;
    }
    assert!(count > 0, "the regression corpus is not empty");
}
