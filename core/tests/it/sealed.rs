//! The encrypted file's envelope: written, read back, detected, and every
//! refusal of a file that is damaged, newer or asks for weak or hostile
//! parameters.

use clausebook_core::file::sealed::*;
use serde_json::{Value, json};

fn sealed() -> Sealed {
    Sealed {
        iterations: MIN_ITERATIONS,
        salt: (0..16).collect(),
        iv: (100..112).collect(),
        ciphertext: (0..40).collect(),
    }
}

/// The envelope as JSON with one change made.
fn tampered(change: impl FnOnce(&mut Value)) -> String {
    let mut value: Value = serde_json::from_str(&sealed().to_json()).unwrap();
    change(&mut value);
    value.to_string()
}

#[test]
fn an_envelope_reads_back_as_written_and_states_its_parameters() {
    let text = sealed().to_json();
    assert_eq!(Sealed::parse(&text), Ok(sealed()));
    let value: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["clausebook_sealed"], json!(1));
    assert_eq!(value["cipher"]["name"], json!("AES-GCM"));
    assert_eq!(value["cipher"]["key_bits"], json!(256));
    assert_eq!(value["key_derivation"]["name"], json!("PBKDF2"));
    assert_eq!(value["key_derivation"]["hash"], json!("SHA-256"));
    assert_eq!(value["key_derivation"]["iterations"], json!(600_000));
    // Standard base64 of the bytes 0..16.
    assert_eq!(
        value["key_derivation"]["salt"],
        json!("AAECAwQFBgcICQoLDA0ODw==")
    );
    assert_eq!(detect(text.as_bytes()), Ok(FileKind::Sealed(sealed())));
    // A byte-order mark from an editor does not hide it.
    let with_bom = format!("\u{feff}{text}");
    assert_eq!(detect(with_bom.as_bytes()), Ok(FileKind::Sealed(sealed())));
}

#[test]
fn a_plain_export_or_anything_else_is_not_sealed() {
    let plain = r#"{"schema_version":3,"app_version":"0.1.0","workbook":{}}"#;
    assert_eq!(detect(plain.as_bytes()), Ok(FileKind::Plain));
    assert_eq!(detect(b"not json"), Ok(FileKind::Plain));
    assert_eq!(detect(&[0xff, 0xfe, 0x00]), Ok(FileKind::Plain));
    assert_eq!(detect(b"[1,2]"), Ok(FileKind::Plain));
}

#[test]
fn weak_or_hostile_parameters_are_refused() {
    let too_few = tampered(|v| v["key_derivation"]["iterations"] = json!(599_999));
    assert!(matches!(
        detect(too_few.as_bytes()),
        Err(SealedError::Iterations { found: 599_999, .. })
    ));
    let too_many =
        tampered(|v| v["key_derivation"]["iterations"] = json!(MAX_ITERATIONS as u64 + 1));
    assert!(matches!(
        Sealed::parse(&too_many),
        Err(SealedError::Iterations { .. })
    ));
    let huge = tampered(|v| v["key_derivation"]["iterations"] = json!(u64::MAX));
    assert!(matches!(
        Sealed::parse(&huge),
        Err(SealedError::Iterations { .. })
    ));
    let most = tampered(|v| v["key_derivation"]["iterations"] = json!(MAX_ITERATIONS));
    assert_eq!(Sealed::parse(&most).unwrap().iterations, MAX_ITERATIONS);

    let short_salt = tampered(|v| v["key_derivation"]["salt"] = json!("AAECAwQFBgcICQoLDA0O"));
    assert_eq!(
        Sealed::parse(&short_salt),
        Err(SealedError::ShortSalt { found: 15, min: 16 })
    );
    let long_iv = tampered(|v| v["cipher"]["iv"] = json!("AAECAwQFBgcICQoLDA=="));
    assert_eq!(
        Sealed::parse(&long_iv),
        Err(SealedError::BadIv { found: 13 })
    );

    let cbc = tampered(|v| v["cipher"]["name"] = json!("AES-CBC"));
    assert!(matches!(
        Sealed::parse(&cbc),
        Err(SealedError::UnknownAlgorithm(_))
    ));
    let short_key = tampered(|v| v["cipher"]["key_bits"] = json!(128));
    assert!(matches!(
        Sealed::parse(&short_key),
        Err(SealedError::UnknownAlgorithm(_))
    ));
    let sha1 = tampered(|v| v["key_derivation"]["hash"] = json!("SHA-1"));
    assert!(matches!(
        Sealed::parse(&sha1),
        Err(SealedError::UnknownAlgorithm(_))
    ));
    let scrypt = tampered(|v| v["key_derivation"]["name"] = json!("scrypt"));
    assert!(matches!(
        Sealed::parse(&scrypt),
        Err(SealedError::UnknownAlgorithm(_))
    ));
}

#[test]
fn versions_and_damage_are_named() {
    let newer = tampered(|v| {
        v["clausebook_sealed"] = json!(2);
        v["cipher"]["mode"] = json!("new");
    });
    let err = detect(newer.as_bytes()).unwrap_err();
    assert_eq!(err, SealedError::NewerVersion(2));
    assert!(err.to_string().contains("newer Clausebook"), "{err}");

    for broken in [
        tampered(|v| v["clausebook_sealed"] = json!(0)),
        tampered(|v| v["clausebook_sealed"] = json!("1")),
        tampered(|v| v["ciphertext"] = json!("%%%not base64")),
        tampered(|v| v["ciphertext"] = json!("AAEC")),
        tampered(|v| v["key_derivation"]["salt"] = json!(12)),
        tampered(|v| {
            v.as_object_mut().unwrap().remove("cipher");
        }),
        tampered(|v| v["extra"] = json!(true)),
        r#"{"clausebook_sealed":1,"#.to_owned(),
    ] {
        let err = Sealed::parse(&broken).unwrap_err();
        assert!(matches!(err, SealedError::Damaged(_)), "{broken}: {err:?}");
        assert!(err.to_string().contains("damaged"), "{err}");
    }
    // Detected as sealed by its key, then refused as damaged, not imported as plain.
    let cut = tampered(|v| v["ciphertext"] = json!("AAEC"));
    assert!(matches!(
        detect(cut.as_bytes()),
        Err(SealedError::Damaged(_))
    ));
}
