//! The envelope of an encrypted workbook file: versioned JSON that states
//! the cipher and the key derivation with their parameters, around the
//! ciphertext of an ordinary export.
//!
//! ```json
//! {"clausebook_sealed":1,
//!  "cipher":{"name":"AES-GCM","key_bits":256,"iv":"<base64, 12 bytes>"},
//!  "key_derivation":{"name":"PBKDF2","hash":"SHA-256","iterations":600000,"salt":"<base64, 16 bytes>"},
//!  "ciphertext":"<base64>"}
//! ```
//!
//! The cryptography itself is the browser's (Web Crypto); this module only
//! writes and reads the envelope. It reads strictly: a file states its own
//! parameters, so a hostile one could ask for weak ones or for so many
//! iterations that deriving the key hangs the tab. Only what Clausebook
//! writes, within bounds, is accepted.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The envelope's version; a file with any other is refused.
pub const SEALED_VERSION: u64 = 1;
/// OWASP's figure for PBKDF2-HMAC-SHA-256 (2023): the least accepted, and what is written.
pub const MIN_ITERATIONS: u32 = 600_000;
/// The most accepted: about ten seconds of key derivation on a slow phone,
/// so that a hostile file cannot hang the tab for minutes.
pub const MAX_ITERATIONS: u32 = 10_000_000;
/// The salt written; a file's salt must be at least this long.
pub const SALT_BYTES: usize = 16;
/// AES-GCM's nonce: exactly 96 bits.
pub const IV_BYTES: usize = 12;
/// AES-GCM appends a 128-bit tag, so no ciphertext is shorter.
const TAG_BYTES: usize = 16;

pub const CIPHER: &str = "AES-GCM";
pub const KEY_BITS: u32 = 256;
pub const KEY_DERIVATION: &str = "PBKDF2";
pub const HASH: &str = "SHA-256";

/// An encrypted workbook file, its parameters checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sealed {
    pub iterations: u32,
    pub salt: Vec<u8>,
    pub iv: Vec<u8>,
    /// AES-GCM's output: the encrypted export followed by its tag.
    pub ciphertext: Vec<u8>,
}

/// What a chosen file holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileKind {
    /// An encrypted file: it needs the passphrase before it can be read.
    Sealed(Sealed),
    /// Anything else, read as an ordinary export (which checks it).
    Plain,
}

/// Why an encrypted file cannot be opened, in words a person can act on.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SealedError {
    #[error(
        "This encrypted file is damaged: {0}. Open another copy of it, or the unencrypted export."
    )]
    Damaged(String),
    #[error(
        "This encrypted file was written by a newer Clausebook (envelope version {0}). Open it in the newer version."
    )]
    NewerVersion(u64),
    #[error(
        "This file is encrypted with {0}, which Clausebook does not use. Only files saved by Clausebook can be opened."
    )]
    UnknownAlgorithm(String),
    #[error(
        "This encrypted file asks for {found} key-derivation rounds; Clausebook accepts {min} to {max}, so it was not opened."
    )]
    Iterations { found: u64, min: u32, max: u32 },
    #[error(
        "This encrypted file's salt is {found} bytes; at least {min} are needed, so it was not opened."
    )]
    ShortSalt { found: usize, min: usize },
    #[error(
        "This encrypted file's nonce is {found} bytes; AES-GCM needs exactly {IV_BYTES}, so it was not opened."
    )]
    BadIv { found: usize },
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Wire {
    clausebook_sealed: u64,
    cipher: WireCipher,
    key_derivation: WireKdf,
    ciphertext: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct WireCipher {
    name: String,
    key_bits: u32,
    iv: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct WireKdf {
    name: String,
    hash: String,
    iterations: u64,
    salt: String,
}

/// Only the version key, to tell a sealed file from a plain export cheaply.
#[derive(Deserialize)]
struct Probe {
    clausebook_sealed: Option<serde_json::Value>,
}

impl Sealed {
    /// The envelope as written to the file.
    pub fn to_json(&self) -> String {
        let wire = Wire {
            clausebook_sealed: SEALED_VERSION,
            cipher: WireCipher {
                name: CIPHER.to_owned(),
                key_bits: KEY_BITS,
                iv: STANDARD.encode(&self.iv),
            },
            key_derivation: WireKdf {
                name: KEY_DERIVATION.to_owned(),
                hash: HASH.to_owned(),
                iterations: u64::from(self.iterations),
                salt: STANDARD.encode(&self.salt),
            },
            ciphertext: STANDARD.encode(&self.ciphertext),
        };
        serde_json::to_string_pretty(&wire).unwrap_or_default()
    }

    /// Reads and checks an envelope's text.
    pub fn parse(text: &str) -> Result<Sealed, SealedError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        // The version first, so a newer envelope with new fields is named
        // as newer, not as damaged.
        let probe: Probe = serde_json::from_str(text)
            .map_err(|e| SealedError::Damaged(format!("it is not valid JSON ({e})")))?;
        match probe.clausebook_sealed {
            Some(serde_json::Value::Number(n)) if n.as_u64() == Some(SEALED_VERSION) => {}
            Some(serde_json::Value::Number(n))
                if n.as_u64().is_some_and(|v| v > SEALED_VERSION) =>
            {
                return Err(SealedError::NewerVersion(n.as_u64().unwrap_or_default()));
            }
            _ => {
                return Err(SealedError::Damaged(
                    "its envelope version is missing or not one Clausebook wrote".into(),
                ));
            }
        }
        let wire: Wire = serde_json::from_str(text)
            .map_err(|e| SealedError::Damaged(format!("its envelope does not read ({e})")))?;
        if wire.cipher.name != CIPHER || wire.cipher.key_bits != KEY_BITS {
            return Err(SealedError::UnknownAlgorithm(format!(
                "{} with a {}-bit key",
                wire.cipher.name, wire.cipher.key_bits
            )));
        }
        let kdf = &wire.key_derivation;
        if kdf.name != KEY_DERIVATION || kdf.hash != HASH {
            return Err(SealedError::UnknownAlgorithm(format!(
                "a key derived by {} with {}",
                kdf.name, kdf.hash
            )));
        }
        let iterations = u32::try_from(kdf.iterations)
            .ok()
            .filter(|i| (MIN_ITERATIONS..=MAX_ITERATIONS).contains(i))
            .ok_or(SealedError::Iterations {
                found: kdf.iterations,
                min: MIN_ITERATIONS,
                max: MAX_ITERATIONS,
            })?;
        let salt = decode(&kdf.salt, "salt")?;
        if salt.len() < SALT_BYTES {
            return Err(SealedError::ShortSalt {
                found: salt.len(),
                min: SALT_BYTES,
            });
        }
        let iv = decode(&wire.cipher.iv, "nonce")?;
        if iv.len() != IV_BYTES {
            return Err(SealedError::BadIv { found: iv.len() });
        }
        let ciphertext = decode(&wire.ciphertext, "ciphertext")?;
        if ciphertext.len() < TAG_BYTES {
            return Err(SealedError::Damaged("its ciphertext is cut short".into()));
        }
        Ok(Sealed {
            iterations,
            salt,
            iv,
            ciphertext,
        })
    }
}

fn decode(text: &str, what: &str) -> Result<Vec<u8>, SealedError> {
    STANDARD
        .decode(text)
        .map_err(|_| SealedError::Damaged(format!("its {what} is not base64")))
}

/// Whether `bytes` are an encrypted file (checked) or anything else, which
/// the ordinary import then checks. A file that is JSON with the sealed
/// version key is sealed, even if the rest of it is broken.
pub fn detect(bytes: &[u8]) -> Result<FileKind, SealedError> {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Ok(FileKind::Plain);
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match serde_json::from_str::<Probe>(text) {
        Ok(Probe {
            clausebook_sealed: Some(_),
        }) => Sealed::parse(text).map(FileKind::Sealed),
        _ => Ok(FileKind::Plain),
    }
}
