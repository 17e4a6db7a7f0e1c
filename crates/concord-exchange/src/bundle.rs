//! Bundles: several envelopes carried from one node to another in one piece — as a file on
//! a USB stick where there is no network, or as the body of one HTTP request. A return
//! bundle carries the recipient's receipts back the same way.
//!
//! The sender signs the whole bundle, so a bundle altered or cut short on the way is
//! refused as a whole before any envelope in it is looked at; each envelope inside still
//! carries its own signature and seal, so a node checks and opens every envelope the same
//! way whether it came in a bundle or not. The byte layout is in `docs/protocol.md`.

use std::fmt;

use crate::envelope::{versions, MAX_ENVELOPE, PROTOCOL_VERSION, SUPPORTED_VERSIONS};
use crate::identity::{Identity, PublicKeys};
use crate::node_id::NodeId;
use crate::signature::{self, Signed, SIGNATURE_LEN};

/// Most envelopes in one bundle.
pub const MAX_ENVELOPES: usize = 1_000_000;

const MAGIC: &[u8; 4] = b"CNCB";
const SIGNATURE_CONTEXT: &[u8] = b"concord bundle v1\0";
/// Bytes before the first envelope: magic, version, sender, recipient, created at, count.
const FIXED_LEN: usize = 50;
const COUNT_AT: usize = 46;

/// Envelopes from one node to another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bundle {
    /// The node that signs the bundle.
    pub sender: NodeId,
    /// The node it is for.
    pub recipient: NodeId,
    /// When it was made, in milliseconds since 1970-01-01 UTC.
    pub created_at_ms: i64,
    /// The envelopes, each as sealed by [`seal`](crate::envelope::seal).
    pub envelopes: Vec<Vec<u8>>,
}

/// Why a bundle was refused, or could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BundleError {
    /// The bytes do not start with the bundle magic.
    #[error("not a Concord bundle: expected it to start with the bytes `CNCB`")]
    NotABundle,
    /// A protocol version this build does not read.
    #[error(
        "protocol version {found} is not spoken by this node; it speaks version(s) {}",
        versions(supported)
    )]
    UnsupportedVersion {
        /// The version in the bundle.
        found: u16,
        /// The versions this build reads.
        supported: &'static [u16],
    },
    /// The bundle ends before what its lengths announce.
    #[error("truncated bundle: {part} at byte offset {offset} needs {needed} bytes, but only {remaining} remain")]
    Truncated {
        /// What was being read, e.g. "envelope 3 of 10".
        part: String,
        /// Where it starts.
        offset: usize,
        /// Bytes it needs.
        needed: usize,
        /// Bytes left from `offset`.
        remaining: usize,
    },
    /// More envelopes than [`MAX_ENVELOPES`].
    #[error("the bundle holds {count} envelopes; expected at most {MAX_ENVELOPES}")]
    TooManyEnvelopes {
        /// The count announced or given.
        count: usize,
    },
    /// An envelope longer than [`MAX_ENVELOPE`].
    #[error("envelope {envelope} of the bundle is {length} bytes long; expected at most {MAX_ENVELOPE}")]
    EnvelopeTooLarge {
        /// Which envelope, counting from 1.
        envelope: usize,
        /// Its length.
        length: usize,
    },
    /// Bytes after the signature.
    #[error("the bundle goes on for {extra} bytes after its signature; expected it to end there")]
    TrailingBytes {
        /// How many.
        extra: usize,
    },
    /// The signature does not verify.
    #[error("the bundle's signature does not verify with the sender's key: it was altered, or another node signed it")]
    BadSignature,
    /// The keys given are not those of the bundle's sender.
    #[error("the bundle was sent by node {bundle}; expected the keys of that node, but these are node {keys}'s")]
    WrongSender {
        /// The sender the bundle names.
        bundle: NodeId,
        /// The node the keys belong to.
        keys: NodeId,
    },
    /// Encoding with an identity that is not the bundle's sender.
    #[error("the bundle's sender is node {sender}; expected its identity to sign it, not node {identity}'s")]
    NotTheSender {
        /// The sender the bundle names.
        sender: NodeId,
        /// The identity given.
        identity: NodeId,
    },
}

impl Bundle {
    /// The bundle's bytes, signed by `identity`, which must be the sender's.
    pub fn encode(&self, identity: &Identity) -> Result<Vec<u8>, BundleError> {
        if identity.node_id() != self.sender {
            return Err(BundleError::NotTheSender {
                sender: self.sender,
                identity: identity.node_id(),
            });
        }
        if self.envelopes.len() > MAX_ENVELOPES {
            return Err(BundleError::TooManyEnvelopes {
                count: self.envelopes.len(),
            });
        }
        if let Some(i) = self.envelopes.iter().position(|e| e.len() > MAX_ENVELOPE) {
            return Err(BundleError::EnvelopeTooLarge {
                envelope: i + 1,
                length: self.envelopes[i].len(),
            });
        }
        let body: usize = self.envelopes.iter().map(|e| 4 + e.len()).sum();
        let mut out = Vec::with_capacity(FIXED_LEN + body + SIGNATURE_LEN);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&PROTOCOL_VERSION.to_be_bytes());
        out.extend_from_slice(self.sender.as_bytes());
        out.extend_from_slice(self.recipient.as_bytes());
        out.extend_from_slice(&self.created_at_ms.to_be_bytes());
        out.extend_from_slice(&(self.envelopes.len() as u32).to_be_bytes());
        for envelope in &self.envelopes {
            out.extend_from_slice(&(envelope.len() as u32).to_be_bytes());
            out.extend_from_slice(envelope);
        }
        let signature = signature::sign(identity.signing_key(), SIGNATURE_CONTEXT, &out);
        out.extend_from_slice(&signature);
        Ok(out)
    }
}

/// A bundle whose structure has been checked, but not yet its signature: read its
/// [`sender`](Self::sender) to find the keys, then [`verify`](Self::verify).
#[derive(Clone)]
pub struct UnverifiedBundle<'a> {
    bytes: &'a [u8],
    sender: NodeId,
    recipient: NodeId,
    created_at_ms: i64,
    envelopes: Vec<&'a [u8]>,
}

/// The header fields and sizes: the bytes themselves would flood a log.
impl fmt::Debug for UnverifiedBundle<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UnverifiedBundle")
            .field("sender", &self.sender)
            .field("recipient", &self.recipient)
            .field("created_at_ms", &self.created_at_ms)
            .field("envelopes", &self.envelopes.len())
            .field("len", &self.bytes.len())
            .finish()
    }
}

/// Reads the `N` bytes at `at`; the caller has checked the length.
fn array<const N: usize>(bytes: &[u8], at: usize) -> [u8; N] {
    bytes[at..at + N].try_into().expect("length checked")
}

impl<'a> UnverifiedBundle<'a> {
    /// Checks a bundle's structure: magic, then version, then every length. No
    /// cryptography.
    pub fn decode(bytes: &'a [u8]) -> Result<Self, BundleError> {
        let magic_len = MAGIC.len().min(bytes.len());
        if bytes[..magic_len] != MAGIC[..magic_len] {
            return Err(BundleError::NotABundle);
        }
        let need = |part: String, offset: usize, needed: usize| {
            let remaining = bytes.len() - offset;
            if remaining < needed {
                Err(BundleError::Truncated {
                    part,
                    offset,
                    needed,
                    remaining,
                })
            } else {
                Ok(())
            }
        };
        need("the version".into(), 0, 6)?;
        let version = u16::from_be_bytes(array(bytes, 4));
        if !SUPPORTED_VERSIONS.contains(&version) {
            return Err(BundleError::UnsupportedVersion {
                found: version,
                supported: SUPPORTED_VERSIONS,
            });
        }
        need("the header".into(), 0, FIXED_LEN)?;
        let count = u32::from_be_bytes(array(bytes, COUNT_AT)) as usize;
        if count > MAX_ENVELOPES {
            return Err(BundleError::TooManyEnvelopes { count });
        }
        // Each envelope takes at least its 4-byte length: never reserve more than the bytes
        // could hold, whatever the count claims.
        let mut envelopes = Vec::with_capacity(count.min((bytes.len() - FIXED_LEN) / 4));
        let mut offset = FIXED_LEN;
        for i in 1..=count {
            need(format!("the length of envelope {i} of {count}"), offset, 4)?;
            let length = u32::from_be_bytes(array(bytes, offset)) as usize;
            if length > MAX_ENVELOPE {
                return Err(BundleError::EnvelopeTooLarge { envelope: i, length });
            }
            offset += 4;
            need(format!("envelope {i} of {count}"), offset, length)?;
            envelopes.push(&bytes[offset..offset + length]);
            offset += length;
        }
        need("the signature".into(), offset, SIGNATURE_LEN)?;
        let extra = bytes.len() - offset - SIGNATURE_LEN;
        if extra > 0 {
            return Err(BundleError::TrailingBytes { extra });
        }
        Ok(Self {
            bytes,
            sender: NodeId::from_bytes(array(bytes, 6)),
            recipient: NodeId::from_bytes(array(bytes, 22)),
            created_at_ms: i64::from_be_bytes(array(bytes, 38)),
            envelopes,
        })
    }

    /// The node that claims to have sent the bundle (not yet verified).
    pub fn sender(&self) -> NodeId {
        self.sender
    }

    /// The node the bundle is for.
    pub fn recipient(&self) -> NodeId {
        self.recipient
    }

    /// When the sender made the bundle, in milliseconds since 1970-01-01 UTC.
    pub fn created_at_ms(&self) -> i64 {
        self.created_at_ms
    }

    /// How many envelopes it holds.
    pub fn len(&self) -> usize {
        self.envelopes.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.envelopes.is_empty()
    }

    /// Checks that `sender` signed the bundle, and returns its envelopes (each still to be
    /// decoded and verified on its own).
    pub fn verify(self, sender: &PublicKeys) -> Result<Vec<&'a [u8]>, BundleError> {
        if sender.node_id() != self.sender {
            return Err(BundleError::WrongSender {
                bundle: self.sender,
                keys: sender.node_id(),
            });
        }
        let signed_len = self.bytes.len() - SIGNATURE_LEN;
        let signed = Signed {
            key: &sender.signing,
            bytes: &self.bytes[..signed_len],
            signature: self.bytes[signed_len..].try_into().expect("length checked"),
        };
        if !signature::verify(SIGNATURE_CONTEXT, &signed) {
            return Err(BundleError::BadSignature);
        }
        Ok(self.envelopes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::envelope::Envelope;
    use crate::testing::{envelope, identity};

    fn bundle(from: &Identity, to: &Identity, payloads: &[&[u8]]) -> Bundle {
        Bundle {
            sender: from.node_id(),
            recipient: to.node_id(),
            created_at_ms: 1_767_225_600_000,
            envelopes: payloads.iter().map(|p| envelope(from, to, p)).collect(),
        }
    }

    #[test]
    fn a_bundle_round_trips_and_its_envelopes_open() {
        let (a, b) = (identity(1), identity(2));
        let original = bundle(&a, &b, &[b"one", b"two", b""]);
        let bytes = original.encode(&a).unwrap();
        let decoded = UnverifiedBundle::decode(&bytes).unwrap();
        assert_eq!((decoded.sender(), decoded.recipient()), (a.node_id(), b.node_id()));
        assert_eq!(
            (decoded.created_at_ms(), decoded.len(), decoded.is_empty()),
            (1_767_225_600_000, 3, false)
        );
        let envelopes = decoded.verify(&a.public()).unwrap();
        assert_eq!(
            envelopes,
            original.envelopes.iter().map(Vec::as_slice).collect::<Vec<_>>()
        );
        let opened = Envelope::decode(envelopes[1]).unwrap().open(&b).unwrap();
        assert_eq!(&opened[..], b"two");
        let empty = bundle(&b, &a, &[]).encode(&b).unwrap();
        let empty = UnverifiedBundle::decode(&empty).unwrap();
        assert!(empty.is_empty());
        assert_eq!(empty.verify(&b.public()).unwrap(), Vec::<&[u8]>::new());
    }

    #[test]
    fn a_flipped_bit_anywhere_is_rejected() {
        let (a, b) = (identity(1), identity(2));
        let bytes = bundle(&a, &b, &[b"one", b"two"]).encode(&a).unwrap();
        for position in 0..bytes.len() {
            for bit in 0..8 {
                let mut altered = bytes.clone();
                altered[position] ^= 1 << bit;
                let result = UnverifiedBundle::decode(&altered).and_then(|u| u.verify(&a.public()));
                assert!(result.is_err(), "bit {bit} of byte {position} flipped, yet accepted");
            }
        }
    }

    #[test]
    fn every_truncation_is_refused_naming_where() {
        let (a, b) = (identity(1), identity(2));
        let bytes = bundle(&a, &b, &[b"one", b"two"]).encode(&a).unwrap();
        for len in 0..bytes.len() {
            let err = UnverifiedBundle::decode(&bytes[..len]).unwrap_err();
            assert!(matches!(err, BundleError::Truncated { .. }), "{len}: {err}");
            assert!(err.to_string().starts_with("truncated bundle: "), "{err}");
        }
        let envelope_len = bytes.len() - FIXED_LEN - 8 - SIGNATURE_LEN;
        let second = FIXED_LEN + 4 + envelope_len / 2 + 4;
        let err = UnverifiedBundle::decode(&bytes[..second + 10]).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "truncated bundle: envelope 2 of 2 at byte offset {second} needs {} bytes, but only 10 remain",
                envelope_len / 2
            )
        );
        let longer = [&bytes[..], b"xy"].concat();
        assert_eq!(
            UnverifiedBundle::decode(&longer).unwrap_err(),
            BundleError::TrailingBytes { extra: 2 }
        );
    }

    #[test]
    fn only_the_senders_key_verifies() {
        let (a, b, c) = (identity(1), identity(2), identity(3));
        let bytes = bundle(&a, &b, &[b"one"]).encode(&a).unwrap();
        let err = UnverifiedBundle::decode(&bytes)
            .unwrap()
            .verify(&c.public())
            .unwrap_err();
        assert_eq!(
            err,
            BundleError::WrongSender {
                bundle: a.node_id(),
                keys: c.node_id()
            }
        );
        // C re-signs A's bundle.
        let mut forged = bytes.clone();
        let signed_len = forged.len() - SIGNATURE_LEN;
        let signature = signature::sign(c.signing_key(), SIGNATURE_CONTEXT, &forged[..signed_len]);
        forged[signed_len..].copy_from_slice(&signature);
        let err = UnverifiedBundle::decode(&forged)
            .unwrap()
            .verify(&a.public())
            .unwrap_err();
        assert_eq!(err, BundleError::BadSignature);
        // And A's bundle cannot be signed by C.
        let err = bundle(&a, &b, &[]).encode(&c).unwrap_err();
        assert!(matches!(err, BundleError::NotTheSender { .. }), "{err}");
    }

    #[test]
    fn versions_counts_and_lengths_out_of_bounds_are_refused() {
        let (a, b) = (identity(1), identity(2));
        let bytes = bundle(&a, &b, &[b"one"]).encode(&a).unwrap();
        let with = |at: usize, new: &[u8]| {
            let mut altered = bytes.clone();
            altered[at..at + new.len()].copy_from_slice(new);
            UnverifiedBundle::decode(&altered).unwrap_err()
        };
        let err = with(4, &2u16.to_be_bytes());
        assert_eq!(
            err.to_string(),
            "protocol version 2 is not spoken by this node; it speaks version(s) 1"
        );
        assert_eq!(
            UnverifiedBundle::decode(b"CNCB\x00\x07").unwrap_err(),
            with(4, &7u16.to_be_bytes())
        );
        assert_eq!(with(0, b"CNCE"), BundleError::NotABundle);
        assert_eq!(
            with(COUNT_AT, &1_000_001u32.to_be_bytes()),
            BundleError::TooManyEnvelopes { count: 1_000_001 }
        );
        // A million is allowed; the bytes then run out (or read as an absurd length).
        let err = with(COUNT_AT, &1_000_000u32.to_be_bytes());
        assert!(!matches!(err, BundleError::TooManyEnvelopes { .. }), "{err}");
        let huge = (MAX_ENVELOPE + 1) as u32;
        assert_eq!(
            with(FIXED_LEN, &huge.to_be_bytes()),
            BundleError::EnvelopeTooLarge {
                envelope: 1,
                length: MAX_ENVELOPE + 1
            }
        );
        let mut big = bundle(&a, &b, &[]);
        big.envelopes.push(vec![0; MAX_ENVELOPE + 1]);
        assert!(matches!(
            big.encode(&a),
            Err(BundleError::EnvelopeTooLarge { envelope: 1, .. })
        ));
    }
}
