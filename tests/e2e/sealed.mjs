// An encrypted workbook file made outside the app, with Node's own Web
// Crypto, from the envelope's documented fields: that the app opens it shows
// the file format is the standard algorithms and not something only
// Clausebook can read. Used where the app's own file cannot be downloaded
// (WebKit's driver has no downloads).
import { webcrypto } from 'node:crypto';

export async function sealFile(text, passphrase, { iterations = 600000 } = {}) {
  const { subtle } = webcrypto;
  const salt = webcrypto.getRandomValues(new Uint8Array(16));
  const iv = webcrypto.getRandomValues(new Uint8Array(12));
  const base = await subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  const key = await subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', iterations, salt },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt'],
  );
  const ciphertext = await subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(text));
  const b64 = (bytes) => Buffer.from(bytes).toString('base64');
  return JSON.stringify({
    clausebook_sealed: 1,
    cipher: { name: 'AES-GCM', key_bits: 256, iv: b64(iv) },
    key_derivation: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: b64(salt) },
    ciphertext: b64(new Uint8Array(ciphertext)),
  });
}
