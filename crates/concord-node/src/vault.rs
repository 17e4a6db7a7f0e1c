//! Keys and sealing: what keeps a seized copy of the data folder from revealing anyone.
//!
//! A random 256-bit *data key* protects the node's sensitive fields. It is stored only
//! wrapped (AEAD-encrypted) under a *key-encryption key* derived either from a
//! passphrase with Argon2id or from a key file, so that changing the passphrase never
//! means re-encrypting the data. Two sub-keys are derived from the data key with HKDF:
//! one seals fields with XChaCha20-Poly1305 (random 192-bit nonces, safe to pick at
//! random for any number of records), the other computes blind indexes with
//! HMAC-SHA256, so that exact lookups work without storing the value.

use std::path::{Path, PathBuf};

use argon2::{Algorithm, Argon2, Params, Version};
use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hkdf::Hkdf;
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;
use zeroize::Zeroizing;

/// Length of every symmetric key, in bytes.
const KEY_LEN: usize = 32;
const NONCE_LEN: usize = 24;
/// First line of a key file; says what the file is to whoever finds it.
const KEY_FILE_HEADER: &str = "CONCORD NODE KEY v1";

/// Argon2id cost: 64 MiB, 3 passes (RFC 9106's second recommended setting, on one
/// lane because a field laptop may have two cores busy serving requests).
pub const ARGON2_MEMORY_KIB: u32 = 64 * 1024;
/// Argon2id passes.
pub const ARGON2_PASSES: u32 = 3;

/// Where the key-encryption key comes from.
#[derive(Clone)]
pub enum KeySource {
    /// A passphrase typed by the operator (Argon2id).
    Passphrase(Zeroizing<String>),
    /// A key file, e.g. on a USB stick kept apart from the laptop.
    KeyFile(PathBuf),
}

impl std::fmt::Debug for KeySource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Passphrase(_) => f.write_str("Passphrase(…)"),
            Self::KeyFile(path) => f.debug_tuple("KeyFile").field(path).finish(),
        }
    }
}

/// Why the data key could not be unlocked.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    /// The passphrase does not open the data key.
    #[error("wrong passphrase: it does not unlock this node's data key (nothing was changed)")]
    WrongPassphrase,
    /// The key file does not open the data key.
    #[error("wrong key file {0}: it does not unlock this node's data key (nothing was changed)")]
    WrongKeyFile(PathBuf),
    /// The key file is absent.
    #[error("key file {0} not found; give the path of the node's key file (--key-file or CONCORD_KEY_FILE)")]
    MissingKeyFile(PathBuf),
    /// The key file is not a Concord key file.
    #[error("{0} is not a Concord key file (expected a first line `{KEY_FILE_HEADER}` and a base64 key)")]
    MalformedKeyFile(PathBuf),
    /// The key file exists already and would be overwritten.
    #[error("key file {0} already exists; refusing to overwrite a key")]
    KeyFileExists(PathBuf),
    /// The node was protected one way and unlocked another.
    #[error("this node is protected by {expected}, not by {given}")]
    WrongMethod {
        expected: &'static str,
        given: &'static str,
    },
    /// An empty passphrase.
    #[error("the passphrase is empty")]
    EmptyPassphrase,
    /// Reading or writing the key file failed.
    #[error("key file {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
}

/// The stored form of the wrapped data key: everything needed to unwrap it, nothing
/// that helps without the passphrase or key file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrappedKey {
    /// `passphrase` or `keyfile`.
    pub method: &'static str,
    /// Salt for Argon2id or HKDF.
    pub salt: Vec<u8>,
    /// Argon2id memory in KiB (0 for key files).
    pub memory_kib: u32,
    /// Argon2id passes (0 for key files).
    pub passes: u32,
    /// Nonce followed by the AEAD ciphertext of the data key.
    pub sealed_key: Vec<u8>,
}

impl KeySource {
    fn method(&self) -> &'static str {
        match self {
            Self::Passphrase(_) => "passphrase",
            Self::KeyFile(_) => "keyfile",
        }
    }

    fn key_encryption_key(
        &self,
        salt: &[u8],
        memory_kib: u32,
        passes: u32,
    ) -> Result<Zeroizing<[u8; KEY_LEN]>, KeyError> {
        let mut kek = Zeroizing::new([0u8; KEY_LEN]);
        match self {
            Self::Passphrase(passphrase) => {
                if passphrase.is_empty() {
                    return Err(KeyError::EmptyPassphrase);
                }
                let params = Params::new(memory_kib, passes, 1, Some(KEY_LEN)).expect("valid Argon2 parameters");
                Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
                    .hash_password_into(passphrase.as_bytes(), salt, kek.as_mut())
                    .expect("Argon2id with a 16-byte salt and 32-byte output cannot fail");
            }
            Self::KeyFile(path) => {
                let material = read_key_file(path)?;
                Hkdf::<Sha256>::new(Some(salt), material.as_ref())
                    .expand(b"concord key-encryption key v1", kek.as_mut())
                    .expect("32 bytes is a valid HKDF-SHA256 output length");
            }
        }
        Ok(kek)
    }
}

fn wrap_aad(method: &str) -> Vec<u8> {
    format!("concord data key v1|{method}").into_bytes()
}

/// Creates a new key file with 256 random bits; refuses to overwrite one.
pub fn create_key_file(path: &Path) -> Result<(), KeyError> {
    use std::io::Write;
    let mut key = Zeroizing::new([0u8; KEY_LEN]);
    rand::rngs::OsRng.fill_bytes(key.as_mut());
    let text = Zeroizing::new(format!("{KEY_FILE_HEADER}\n{}\n", BASE64.encode(key.as_ref())));
    let io = |source| KeyError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            KeyError::KeyFileExists(path.to_path_buf())
        } else {
            io(e)
        }
    })?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(io)
}

fn read_key_file(path: &Path) -> Result<Zeroizing<Vec<u8>>, KeyError> {
    let text = Zeroizing::new(std::fs::read_to_string(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => KeyError::MissingKeyFile(path.to_path_buf()),
        std::io::ErrorKind::InvalidData => KeyError::MalformedKeyFile(path.to_path_buf()),
        _ => KeyError::Io {
            path: path.to_path_buf(),
            source: e,
        },
    })?);
    let mut lines = text.lines();
    let malformed = || KeyError::MalformedKeyFile(path.to_path_buf());
    if lines.next() != Some(KEY_FILE_HEADER) {
        return Err(malformed());
    }
    let key = Zeroizing::new(
        BASE64
            .decode(lines.next().unwrap_or("").trim())
            .map_err(|_| malformed())?,
    );
    if key.len() != KEY_LEN {
        return Err(malformed());
    }
    Ok(key)
}

/// The unlocked keys of a node. Dropping it wipes them from memory.
pub struct Vault {
    seal: XChaCha20Poly1305,
    blind: Hmac<Sha256>,
    chain: Hmac<Sha256>,
}

impl Vault {
    /// Makes a new random data key and wraps it for `source`.
    pub fn create(source: &KeySource) -> Result<(Self, WrappedKey), KeyError> {
        let mut data_key = Zeroizing::new([0u8; KEY_LEN]);
        rand::rngs::OsRng.fill_bytes(data_key.as_mut());
        let mut salt = vec![0u8; 16];
        rand::rngs::OsRng.fill_bytes(&mut salt);
        let (memory_kib, passes) = match source {
            KeySource::Passphrase(_) => (ARGON2_MEMORY_KIB, ARGON2_PASSES),
            KeySource::KeyFile(_) => (0, 0),
        };
        let kek = source.key_encryption_key(&salt, memory_kib, passes)?;
        let sealed_key = seal_with(
            &XChaCha20Poly1305::new(kek.as_ref().into()),
            &wrap_aad(source.method()),
            data_key.as_ref(),
        );
        let wrapped = WrappedKey {
            method: source.method(),
            salt,
            memory_kib,
            passes,
            sealed_key,
        };
        Ok((Self::from_data_key(data_key.as_ref()), wrapped))
    }

    /// Unwraps the data key with `source`. Fails without side effects when it does not fit.
    pub fn unlock(source: &KeySource, wrapped: &WrappedKey) -> Result<Self, KeyError> {
        if source.method() != wrapped.method {
            return Err(KeyError::WrongMethod {
                expected: describe(wrapped.method),
                given: describe(source.method()),
            });
        }
        let kek = source.key_encryption_key(&wrapped.salt, wrapped.memory_kib, wrapped.passes)?;
        let cipher = XChaCha20Poly1305::new(kek.as_ref().into());
        let data_key = open_with(&cipher, &wrap_aad(wrapped.method), &wrapped.sealed_key)
            .filter(|k| k.len() == KEY_LEN)
            .ok_or_else(|| match source {
                KeySource::Passphrase(_) => KeyError::WrongPassphrase,
                KeySource::KeyFile(path) => KeyError::WrongKeyFile(path.clone()),
            })?;
        Ok(Self::from_data_key(&data_key))
    }

    fn from_data_key(data_key: &[u8]) -> Self {
        let hkdf = Hkdf::<Sha256>::new(None, data_key);
        let mut seal_key = Zeroizing::new([0u8; KEY_LEN]);
        let mut blind_key = Zeroizing::new([0u8; KEY_LEN]);
        let mut chain_key = Zeroizing::new([0u8; KEY_LEN]);
        hkdf.expand(b"concord seal v1", seal_key.as_mut())
            .expect("valid HKDF length");
        hkdf.expand(b"concord blind index v1", blind_key.as_mut())
            .expect("valid HKDF length");
        hkdf.expand(b"concord audit chain v1", chain_key.as_mut())
            .expect("valid HKDF length");
        let hmac = |key: &[u8]| <Hmac<Sha256> as Mac>::new_from_slice(key).expect("HMAC takes any key length");
        Self {
            seal: XChaCha20Poly1305::new(seal_key.as_ref().into()),
            blind: hmac(blind_key.as_ref()),
            chain: hmac(chain_key.as_ref()),
        }
    }

    /// Seals `plaintext` for the field `context` of record `record`. Binding both as
    /// associated data means a sealed value copied into another row or column no longer
    /// opens.
    pub fn seal(&self, context: &str, record: &str, plaintext: &[u8]) -> Vec<u8> {
        seal_with(&self.seal, &aad(context, record), plaintext)
    }

    /// Opens what [`Vault::seal`] sealed for the same context and record.
    pub fn open(&self, context: &str, record: &str, sealed: &[u8]) -> Option<Zeroizing<Vec<u8>>> {
        open_with(&self.seal, &aad(context, record), sealed)
    }

    /// The next link of a keyed hash chain: HMAC-SHA256 over the previous link and
    /// `entry`. Without the node's key nobody can compute a link, so an entry altered,
    /// removed or inserted on disk breaks the chain where it was touched.
    pub fn chain_link(&self, previous: &[u8; 32], entry: &[u8]) -> [u8; 32] {
        let mut mac = self.chain.clone();
        mac.update(previous);
        mac.update(entry);
        mac.finalize().into_bytes().into()
    }

    /// A blind index: a keyed digest of `value` in the namespace `kind`, equal for equal
    /// values and useless without the node's key.
    pub fn blind_index(&self, kind: &str, value: &str) -> [u8; 16] {
        let mut mac = self.blind.clone();
        mac.update(kind.as_bytes());
        mac.update(&[0]);
        mac.update(value.as_bytes());
        let digest = mac.finalize().into_bytes();
        let mut out = [0u8; 16];
        out.copy_from_slice(&digest[..16]);
        out
    }
}

fn describe(method: &str) -> &'static str {
    if method == "passphrase" {
        "a passphrase"
    } else {
        "a key file"
    }
}

fn aad(context: &str, record: &str) -> Vec<u8> {
    let mut aad = Vec::with_capacity(context.len() + record.len() + 1);
    aad.extend_from_slice(context.as_bytes());
    aad.push(0);
    aad.extend_from_slice(record.as_bytes());
    aad
}

fn seal_with(cipher: &XChaCha20Poly1305, aad: &[u8], plaintext: &[u8]) -> Vec<u8> {
    let mut nonce = [0u8; NONCE_LEN];
    rand::thread_rng().fill_bytes(&mut nonce);
    let ciphertext = cipher
        .encrypt(XNonce::from_slice(&nonce), Payload { msg: plaintext, aad })
        .expect("XChaCha20-Poly1305 encrypts any message under 256 GiB");
    let mut out = nonce.to_vec();
    out.extend_from_slice(&ciphertext);
    out
}

fn open_with(cipher: &XChaCha20Poly1305, aad: &[u8], sealed: &[u8]) -> Option<Zeroizing<Vec<u8>>> {
    if sealed.len() < NONCE_LEN {
        return None;
    }
    let (nonce, ciphertext) = sealed.split_at(NONCE_LEN);
    cipher
        .decrypt(XNonce::from_slice(nonce), Payload { msg: ciphertext, aad })
        .ok()
        .map(Zeroizing::new)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn passphrase(s: &str) -> KeySource {
        KeySource::Passphrase(Zeroizing::new(s.to_string()))
    }

    #[test]
    fn the_right_passphrase_unlocks_and_a_wrong_one_does_not() {
        let (vault, wrapped) = Vault::create(&passphrase("correct horse")).unwrap();
        let sealed = vault.seal("person.identity", "P1", b"secret");
        let again = Vault::unlock(&passphrase("correct horse"), &wrapped).unwrap();
        assert_eq!(
            again.open("person.identity", "P1", &sealed).unwrap().as_slice(),
            b"secret"
        );
        assert!(matches!(
            Vault::unlock(&passphrase("wrong horse"), &wrapped),
            Err(KeyError::WrongPassphrase)
        ));
    }

    #[test]
    fn key_files_unlock_and_are_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("node.key");
        create_key_file(&path).unwrap();
        assert!(matches!(create_key_file(&path), Err(KeyError::KeyFileExists(_))));
        let (_, wrapped) = Vault::create(&KeySource::KeyFile(path.clone())).unwrap();
        assert!(Vault::unlock(&KeySource::KeyFile(path), &wrapped).is_ok());
        let other = dir.path().join("other.key");
        create_key_file(&other).unwrap();
        assert!(matches!(
            Vault::unlock(&KeySource::KeyFile(other), &wrapped),
            Err(KeyError::WrongKeyFile(_))
        ));
        let missing = dir.path().join("missing.key");
        assert!(matches!(
            Vault::unlock(&KeySource::KeyFile(missing), &wrapped),
            Err(KeyError::MissingKeyFile(_))
        ));
    }

    #[test]
    fn a_sealed_value_moved_to_another_record_does_not_open() {
        let (vault, _) = Vault::create(&passphrase("x")).unwrap();
        let sealed = vault.seal("case.narrative", "C1", b"text");
        assert!(vault.open("case.narrative", "C2", &sealed).is_none());
        assert!(vault.open("person.identity", "C1", &sealed).is_none());
        let mut flipped = sealed.clone();
        flipped[30] ^= 1;
        assert!(vault.open("case.narrative", "C1", &flipped).is_none());
    }

    #[test]
    fn blind_indexes_are_equal_for_equal_values_and_separated_by_kind() {
        let (vault, _) = Vault::create(&passphrase("x")).unwrap();
        assert_eq!(vault.blind_index("doc", "FX123"), vault.blind_index("doc", "FX123"));
        assert_ne!(vault.blind_index("doc", "FX123"), vault.blind_index("phone", "FX123"));
        let (other, _) = Vault::create(&passphrase("x")).unwrap();
        assert_ne!(vault.blind_index("doc", "FX123"), other.blind_index("doc", "FX123"));
    }
}
