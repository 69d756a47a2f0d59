//! Encrypting a workbook file with the browser's own cryptography (Web
//! Crypto): a key derived from the passphrase by PBKDF2-SHA-256 with a
//! random salt, then AES-GCM with a 256-bit key and a random nonce. Nothing
//! here is home-made: every primitive is `crypto.subtle`'s, and the
//! envelope around the result is `clausebook_core::file::sealed`.
//!
//! The passphrase is used only to derive the key, which cannot be exported;
//! it is never logged, stored or put in an error.

use clausebook_core::file::sealed::{
    CIPHER, HASH, IV_BYTES, KEY_BITS, KEY_DERIVATION, MIN_ITERATIONS, SALT_BYTES, Sealed,
};
use js_sys::{Array, Uint8Array};
use thiserror::Error;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AesDerivedKeyParams, AesGcmParams, CryptoKey, Pbkdf2Params, SubtleCrypto};

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CryptoError {
    #[error("The passphrase is not the one this file was saved with. Nothing was changed.")]
    WrongPassphrase,
    #[error(
        "This browser offers no encryption here (Web Crypto needs a secure https:// page). Save without a passphrase, or open Clausebook over https."
    )]
    Unavailable,
    #[error("The browser could not {0}. Try again; nothing was changed.")]
    Failed(&'static str),
    #[error(
        "The file decrypted, but what it holds is not text, so it cannot be a Clausebook export."
    )]
    NotText,
}

/// Encrypts `plain` (an export's JSON) under `passphrase`, with a fresh
/// salt and nonce, at [`MIN_ITERATIONS`].
pub async fn seal(plain: &str, passphrase: &str) -> Result<Sealed, CryptoError> {
    let salt = random_bytes(SALT_BYTES)?;
    let iv = random_bytes(IV_BYTES)?;
    let key = derive_key(passphrase, &salt, MIN_ITERATIONS, "encrypt").await?;
    let params = AesGcmParams::new_with_u8_array(CIPHER, &Uint8Array::from(iv.as_slice()));
    let promise = subtle()?
        .encrypt_with_object_and_js_u8_array(&params, &key, &Uint8Array::from(plain.as_bytes()))
        .map_err(|_| CryptoError::Failed("encrypt the file"))?;
    let ciphertext = JsFuture::from(promise)
        .await
        .map_err(|_| CryptoError::Failed("encrypt the file"))?;
    Ok(Sealed {
        iterations: MIN_ITERATIONS,
        salt,
        iv,
        ciphertext: Uint8Array::new(&ciphertext).to_vec(),
    })
}

/// Decrypts a sealed file with `passphrase`. AES-GCM authenticates what it
/// decrypts, so a wrong passphrase (or a changed byte) is refused, never
/// read as garbage.
pub async fn open(sealed: &Sealed, passphrase: &str) -> Result<String, CryptoError> {
    let key = derive_key(passphrase, &sealed.salt, sealed.iterations, "decrypt").await?;
    let params = AesGcmParams::new_with_u8_array(CIPHER, &Uint8Array::from(sealed.iv.as_slice()));
    let promise = subtle()?
        .decrypt_with_object_and_js_u8_array(
            &params,
            &key,
            &Uint8Array::from(sealed.ciphertext.as_slice()),
        )
        .map_err(|_| CryptoError::Failed("decrypt the file"))?;
    // The one way decrypt rejects for a well-formed envelope: the tag does
    // not match, which is what a wrong passphrase gives.
    let plain = JsFuture::from(promise)
        .await
        .map_err(|_| CryptoError::WrongPassphrase)?;
    String::from_utf8(Uint8Array::new(&plain).to_vec()).map_err(|_| CryptoError::NotText)
}

async fn derive_key(
    passphrase: &str,
    salt: &[u8],
    iterations: u32,
    usage: &str,
) -> Result<CryptoKey, CryptoError> {
    let subtle = subtle()?;
    let failed = |_| CryptoError::Failed("derive the key from the passphrase");
    let base = subtle
        .import_key_with_str(
            "raw",
            &Uint8Array::from(passphrase.as_bytes()),
            KEY_DERIVATION,
            false,
            &Array::of1(&JsValue::from_str("deriveKey")),
        )
        .map_err(failed)?;
    let base: CryptoKey = JsFuture::from(base).await.map_err(failed)?.unchecked_into();
    let params =
        Pbkdf2Params::new_with_str(KEY_DERIVATION, HASH, iterations, &Uint8Array::from(salt));
    let aes = AesDerivedKeyParams::new(CIPHER, KEY_BITS);
    let key = subtle
        .derive_key_with_object_and_object(
            &params,
            &base,
            &aes,
            false,
            &Array::of1(&JsValue::from_str(usage)),
        )
        .map_err(failed)?;
    Ok(JsFuture::from(key).await.map_err(failed)?.unchecked_into())
}

fn subtle() -> Result<SubtleCrypto, CryptoError> {
    let crypto = gloo_utils::window()
        .crypto()
        .map_err(|_| CryptoError::Unavailable)?;
    // `subtle` is undefined outside a secure context.
    let subtle = js_sys::Reflect::get(&crypto, &JsValue::from_str("subtle"))
        .map_err(|_| CryptoError::Unavailable)?;
    if subtle.is_undefined() || subtle.is_null() {
        return Err(CryptoError::Unavailable);
    }
    Ok(subtle.unchecked_into())
}

/// `n` bytes from the browser's cryptographic random source.
fn random_bytes(n: usize) -> Result<Vec<u8>, CryptoError> {
    let mut bytes = vec![0u8; n];
    gloo_utils::window()
        .crypto()
        .map_err(|_| CryptoError::Unavailable)?
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(|_| CryptoError::Failed("make a random salt"))?;
    Ok(bytes)
}
