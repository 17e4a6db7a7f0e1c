//! The network linkage key: the secret that makes encodings unguessable.
//!
//! An encoding is a Bloom filter of hashed name fragments. Were the hash unkeyed, anyone
//! holding an encoding could hash a dictionary of names and test each against it; keyed
//! with a 256-bit secret shared only by the network's members, the bit positions of a
//! token cannot be computed without the key. Each field hashes under its own key derived
//! from the linkage key (BLAKE3 `derive_key`), so the same text in two fields (a name and
//! a document number, say) sets unrelated bits.
//!
//! Keys are rotated by epoch: a new epoch is a new random key, and encodings of different
//! epochs are never compared. The [`LinkageKey::check`] value, written beside encodings,
//! tells whether two files were made under the same key without revealing it.

use std::fmt;

use base64::Engine;
use rand::RngCore;
use zeroize::{Zeroize, ZeroizeOnDrop};

const FILE_MAGIC: &str = "CONCORD LINKAGE KEY v1";
const CHECK_CONTEXT: &str = "concord linkage 2026-11 key check";
const FIELD_CONTEXT: &str = "concord linkage 2026-11 field key";

/// A linkage key of one epoch.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct LinkageKey {
    epoch: u32,
    secret: [u8; 32],
}

/// A key file that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    #[error("line {line}: {expected}")]
    Malformed { line: usize, expected: String },
}

impl LinkageKey {
    /// A new random key for `epoch`, from the operating system's generator.
    pub fn generate(epoch: u32) -> Self {
        let mut secret = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut secret);
        Self { epoch, secret }
    }

    /// A key from known bytes (test vectors, and keys received from the network).
    pub fn from_bytes(epoch: u32, secret: [u8; 32]) -> Self {
        Self { epoch, secret }
    }

    /// The key's epoch.
    pub fn epoch(&self) -> u32 {
        self.epoch
    }

    /// A public fingerprint of the key (16 hex digits): equal for equal keys, and useless
    /// for recovering the key or testing names.
    pub fn check(&self) -> String {
        let derived = blake3::derive_key(CHECK_CONTEXT, &self.secret);
        blake3::Hash::from(derived).to_hex()[..16].to_string()
    }

    /// The hashing key of one schema field.
    pub(crate) fn field_key(&self, field: &str) -> [u8; 32] {
        let mut material = Vec::with_capacity(self.secret.len() + field.len() + 4);
        material.extend_from_slice(&self.secret);
        material.extend_from_slice(&self.epoch.to_le_bytes());
        material.extend_from_slice(field.as_bytes());
        let key = blake3::derive_key(FIELD_CONTEXT, &material);
        material.zeroize();
        key
    }

    /// The key in its file form: a header line, the epoch, and the secret in base64.
    pub fn to_file(&self) -> String {
        let secret = base64::engine::general_purpose::STANDARD.encode(self.secret);
        format!("{FILE_MAGIC}\nepoch {}\n{secret}\n", self.epoch)
    }

    /// Reads a key file written by [`to_file`](Self::to_file).
    pub fn from_file(text: &str) -> Result<Self, KeyError> {
        let mut lines = text.lines();
        let fail = |line: usize, expected: &str| KeyError::Malformed {
            line,
            expected: expected.to_string(),
        };
        if lines.next().map(str::trim) != Some(FILE_MAGIC) {
            return Err(fail(
                1,
                &format!("`{FILE_MAGIC}`: this is not a Concord linkage key file"),
            ));
        }
        let epoch = lines
            .next()
            .and_then(|l| l.trim().strip_prefix("epoch "))
            .and_then(|e| e.parse::<u32>().ok())
            .filter(|&e| e > 0)
            .ok_or_else(|| fail(2, "`epoch N` with N a whole number of 1 or more"))?;
        let mut decoded = lines
            .next()
            .and_then(|l| base64::engine::general_purpose::STANDARD.decode(l.trim()).ok())
            .ok_or_else(|| fail(3, "the key in base64"))?;
        let secret: Result<[u8; 32], _> = decoded.as_slice().try_into();
        decoded.zeroize();
        let secret = secret.map_err(|_| fail(3, "a key of 32 bytes (44 base64 characters)"))?;
        Ok(Self { epoch, secret })
    }
}

impl fmt::Debug for LinkageKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "LinkageKey(epoch {}, check {})", self.epoch, self.check())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_file_round_trips_and_debug_never_shows_the_secret() {
        let key = LinkageKey::from_bytes(3, [7; 32]);
        let back = LinkageKey::from_file(&key.to_file()).expect("a key file");
        assert_eq!((back.epoch(), back.check()), (3, key.check()));
        let debug = format!("{key:?}");
        let secret = base64::engine::general_purpose::STANDARD.encode([7u8; 32]);
        assert!(!debug.contains(&secret) && debug.contains("epoch 3"), "{debug}");
    }

    #[test]
    fn fields_and_epochs_hash_under_different_keys() {
        let key = LinkageKey::from_bytes(1, [1; 32]);
        assert_ne!(key.field_key("names"), key.field_key("gender"));
        assert_ne!(
            key.field_key("names"),
            LinkageKey::from_bytes(2, [1; 32]).field_key("names")
        );
        assert_ne!(key.check(), LinkageKey::generate(1).check());
    }

    #[test]
    fn malformed_key_files_are_refused_naming_the_line() {
        let good = LinkageKey::from_bytes(1, [9; 32]).to_file();
        let cases = [
            (String::new(), 1),
            (good.replace("epoch 1", "epoch zero"), 2),
            (good.replace("epoch 1", "epoch 0"), 2),
            (good.replace("CQkJ", "!!!!"), 3),
            (good.lines().take(2).collect::<Vec<_>>().join("\n"), 3),
            (format!("{FILE_MAGIC}\nepoch 1\nAAAA\n"), 3),
        ];
        for (text, line) in cases {
            match LinkageKey::from_file(&text) {
                Err(KeyError::Malformed { line: l, .. }) => assert_eq!(l, line, "{text}"),
                Ok(_) => panic!("accepted {text}"),
            }
        }
    }
}
