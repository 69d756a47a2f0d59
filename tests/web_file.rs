//! Browser tests for the encrypted workbook file: Web Crypto's PBKDF2 and
//! AES-GCM through `platform::crypto`, around `file::sealed`'s envelope.
#![cfg(target_arch = "wasm32")]

use clausebook::platform::crypto::{self, CryptoError};
use clausebook_core::file::export;
use clausebook_core::file::sealed::{self, FileKind, MIN_ITERATIONS};
use clausebook_core::framework;
use clausebook_core::workbook::Workbook;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn export_text() -> String {
    let workbook = Workbook::create(
        "Harbour Street IT",
        "Managed desktops — “hosting” for small offices",
        framework::iso20000(),
        clausebook::platform::browser::now(),
    )
    .unwrap();
    export::export_json(&workbook, clausebook::platform::browser::now())
}

/// The file as written: sealed, then the envelope's JSON read back as a
/// chosen file's bytes would be.
async fn sealed_file(plain: &str, passphrase: &str) -> String {
    crypto::seal(plain, passphrase).await.unwrap().to_json()
}

fn read(file: &str) -> sealed::Sealed {
    match sealed::detect(file.as_bytes()).unwrap() {
        FileKind::Sealed(s) => s,
        FileKind::Plain => panic!("a sealed file detected as plain: {file}"),
    }
}

#[wasm_bindgen_test]
async fn a_sealed_file_opens_with_its_passphrase_to_the_same_export() {
    let plain = export_text();
    let file = sealed_file(&plain, "correct horse battery staple").await;
    assert!(!file.contains("Harbour"), "the file holds no workbook text");
    let opened = crypto::open(&read(&file), "correct horse battery staple")
        .await
        .unwrap();
    assert_eq!(opened, plain);
    // And what it opens to imports as the workbook it was.
    let preview = export::read_import(opened.as_bytes()).unwrap();
    assert_eq!(
        preview.envelope.workbook.organisation.name,
        "Harbour Street IT"
    );
}

#[wasm_bindgen_test]
async fn a_wrong_passphrase_is_named_as_such() {
    let file = sealed_file(&export_text(), "the right one").await;
    let err = crypto::open(&read(&file), "the wrong one")
        .await
        .unwrap_err();
    assert_eq!(err, CryptoError::WrongPassphrase);
    assert_eq!(
        err.to_string(),
        "The passphrase is not the one this file was saved with. Nothing was changed."
    );
}

#[wasm_bindgen_test]
async fn the_envelope_states_its_parameters_and_every_file_is_salted_afresh() {
    let plain = export_text();
    let a = sealed_file(&plain, "same").await;
    let b = sealed_file(&plain, "same").await;
    let value: serde_json::Value = serde_json::from_str(&a).unwrap();
    assert!(value["key_derivation"]["iterations"].as_u64().unwrap() >= 600_000);
    assert_eq!(read(&a).iterations, MIN_ITERATIONS);
    assert_eq!(value["key_derivation"]["hash"], "SHA-256");
    assert_eq!(value["cipher"]["name"], "AES-GCM");
    assert_eq!(value["cipher"]["key_bits"], 256);
    let (a, b) = (read(&a), read(&b));
    assert_eq!(a.salt.len(), 16);
    assert_eq!(a.iv.len(), 12);
    assert_ne!(a.salt, b.salt, "a fresh salt each time");
    assert_ne!(a.iv, b.iv, "a fresh nonce each time");
    assert_ne!(a.ciphertext, b.ciphertext);
}

#[wasm_bindgen_test]
async fn a_changed_byte_is_refused_not_read_as_garbage() {
    let file = sealed_file(&export_text(), "pass").await;
    let mut sealed = read(&file);
    sealed.ciphertext[0] ^= 1;
    assert_eq!(
        crypto::open(&sealed, "pass").await.unwrap_err(),
        CryptoError::WrongPassphrase
    );
}
