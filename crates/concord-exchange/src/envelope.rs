//! Envelopes: one message from one node to another, sealed so that only the recipient can
//! read it and signed so that the recipient knows who sent it.
//!
//! The payload is sealed with HPKE (RFC 9180) in base mode to the recipient's X25519 key,
//! with the header bytes as associated data, so a header cannot be moved onto another
//! ciphertext. The sender signs everything before the signature with Ed25519, so the
//! recipient refuses a forged or altered envelope before spending any work on decryption,
//! and a relay (a bundle on a USB stick, a proxy) can check who sent it without being able
//! to read it. The byte layout is in `docs/protocol.md`.

use std::fmt;
use std::str::FromStr;

use hpke::{Deserializable, OpModeR, OpModeS, Serializable};
use rand_core::{CryptoRng, RngCore};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use zeroize::Zeroizing;

use crate::identity::{ExchangeKem, Identity, PublicKeys};
use crate::kind::{Handling, Kind};
use crate::node_id::NodeId;
use crate::signature::{self, Signed, SIGNATURE_LEN};

/// The protocol version this build writes.
pub const PROTOCOL_VERSION: u16 = 1;
/// The protocol versions this build reads.
pub const SUPPORTED_VERSIONS: &[u16] = &[1];
/// Largest payload, in bytes (16 MiB).
pub const MAX_PAYLOAD: usize = 16 * 1024 * 1024;
/// Bytes of the header: the associated data of the seal.
pub const HEADER_LEN: usize = 64;
/// Bytes an envelope adds to its payload.
pub const OVERHEAD: usize = CIPHERTEXT_AT + TAG_LEN + SIGNATURE_LEN;
/// Largest envelope, in bytes.
pub const MAX_ENVELOPE: usize = MAX_PAYLOAD + OVERHEAD;

const MAGIC: &[u8; 4] = b"CNCE";
const HPKE_INFO: &[u8] = b"concord envelope v1";
const SIGNATURE_CONTEXT: &[u8] = b"concord envelope v1\0";
const ENCAPPED_KEY_LEN: usize = 32;
const TAG_LEN: usize = 16;
/// Offset of the ciphertext length, then of the ciphertext.
const LENGTH_AT: usize = HEADER_LEN + ENCAPPED_KEY_LEN;
const CIPHERTEXT_AT: usize = LENGTH_AT + 4;

type Aead = hpke::aead::ChaCha20Poly1305;
type Kdf = hpke::kdf::HkdfSha256;

/// A message's identity, chosen at random by its sender: with the sender's node ID it
/// recognises a message delivered twice.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MessageId([u8; 16]);

/// A text that is not a message ID.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a message ID; expected a UUID such as 6f1c2b9e-8a4d-4c1e-9b7a-2d3e4f5a6b7c")]
pub struct MessageIdError(pub String);

impl MessageId {
    /// A new random ID (a version 4 UUID).
    pub fn random<R: RngCore + CryptoRng>(rng: &mut R) -> Self {
        let mut bytes = [0u8; 16];
        rng.fill_bytes(&mut bytes);
        Self(*uuid::Builder::from_random_bytes(bytes).as_uuid().as_bytes())
    }

    /// An ID from its bytes.
    pub fn from_bytes(bytes: [u8; 16]) -> Self {
        Self(bytes)
    }

    /// The ID's bytes.
    pub fn as_bytes(&self) -> &[u8; 16] {
        &self.0
    }
}

impl fmt::Display for MessageId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&uuid::Uuid::from_bytes(self.0).hyphenated(), f)
    }
}

impl fmt::Debug for MessageId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "MessageId({self})")
    }
}

impl FromStr for MessageId {
    type Err = MessageIdError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        uuid::Uuid::parse_str(s.trim())
            .map(|u| Self(*u.as_bytes()))
            .map_err(|_| MessageIdError(s.to_string()))
    }
}

impl Serialize for MessageId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for MessageId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// What an envelope says about itself in the clear: enough to route, refuse, deduplicate
/// and audit it without opening it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    /// The message's ID, unique per sender.
    pub message_id: MessageId,
    /// The sending node.
    pub sender: NodeId,
    /// The node it is sealed to.
    pub recipient: NodeId,
    /// How to read the payload.
    pub kind: Kind,
    /// How the recipient may share it further.
    pub handling: Handling,
    /// When the sender created it, in milliseconds since 1970-01-01 UTC.
    pub created_at_ms: i64,
}

impl Header {
    /// The header's 64 bytes in protocol version [`PROTOCOL_VERSION`].
    pub fn to_bytes(&self) -> [u8; HEADER_LEN] {
        let mut out = [0u8; HEADER_LEN];
        out[..4].copy_from_slice(MAGIC);
        out[4..6].copy_from_slice(&PROTOCOL_VERSION.to_be_bytes());
        out[6..22].copy_from_slice(self.message_id.as_bytes());
        out[22..38].copy_from_slice(self.sender.as_bytes());
        out[38..54].copy_from_slice(self.recipient.as_bytes());
        out[54] = self.kind.code();
        out[55] = self.handling.code();
        out[56..64].copy_from_slice(&self.created_at_ms.to_be_bytes());
        out
    }
}

/// Why an envelope was refused, or could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EnvelopeError {
    /// The bytes do not start with the envelope magic.
    #[error("not a Concord envelope: expected it to start with the bytes `CNCE`")]
    NotAnEnvelope,
    /// A protocol version this build does not read.
    #[error(
        "protocol version {found} is not spoken by this node; it speaks version(s) {}",
        versions(supported)
    )]
    UnsupportedVersion {
        /// The version in the envelope.
        found: u16,
        /// The versions this build reads.
        supported: &'static [u16],
    },
    /// Fewer bytes than the envelope's own lengths call for.
    #[error("truncated envelope: expected {}{expected} bytes, found {found}", at_least(*expected))]
    Truncated {
        /// Bytes expected (at least this many when the envelope is too short to say).
        expected: usize,
        /// Bytes found.
        found: usize,
    },
    /// Bytes after the signature.
    #[error("the envelope goes on after its signature; expected it to end there")]
    TrailingBytes,
    /// A kind code this build does not know.
    #[error("unknown message kind code {0}; expected one of: {known}", known = known_kinds())]
    UnknownKind(u8),
    /// A handling code outside TLP.
    #[error("unknown handling code {0}; expected 0 to 4 (TLP:CLEAR, GREEN, AMBER, AMBER+STRICT, RED)")]
    UnknownHandling(u8),
    /// A payload over [`MAX_PAYLOAD`].
    #[error("the payload is larger than the limit of 16 MiB ({MAX_PAYLOAD} bytes)")]
    PayloadTooLarge,
    /// A ciphertext length too small to hold the authentication tag.
    #[error("the ciphertext is {0} bytes; expected at least the 16 bytes of its authentication tag")]
    CiphertextTooShort(u32),
    /// The signature does not verify.
    #[error(
        "the envelope's signature does not verify with the sender's key: it was altered, or another node signed it"
    )]
    BadSignature,
    /// The header names another sender than the identity or keys given.
    #[error("the envelope's sender is not the node whose keys were given; expected the header to name that node")]
    WrongSender,
    /// The header names another recipient than the identity or keys given.
    #[error(
        "the envelope is addressed to another node; expected the header to name the recipient whose keys were given"
    )]
    WrongRecipient,
    /// Decryption failed.
    #[error("the envelope cannot be opened with this node's key: it was sealed to another key, or altered")]
    Undecryptable,
    /// The recipient's exchange key is one no envelope can be sealed to.
    #[error(
        "the recipient's exchange key is not usable (a low-order X25519 point); expected a key from its node card"
    )]
    RecipientKeyUnusable,
}

/// The kind codes this build reads, as `1 (receipt), 2 (notice), …`: the list of the
/// build, so that the message never goes stale as kinds are added.
fn known_kinds() -> String {
    let kinds: Vec<String> = Kind::ALL.iter().map(|k| format!("{} ({k})", k.code())).collect();
    kinds.join(", ")
}

/// The versions, as written in error messages.
pub(crate) fn versions(supported: &[u16]) -> String {
    supported.iter().map(u16::to_string).collect::<Vec<_>>().join(", ")
}

fn at_least(expected: usize) -> &'static str {
    if expected == OVERHEAD {
        "at least "
    } else {
        ""
    }
}

/// Seals `payload` to `recipient` and signs it with `identity`.
///
/// Refuses a header that does not name `identity` as sender and `recipient` as recipient,
/// and a payload over [`MAX_PAYLOAD`]. `rng` gives the ephemeral HPKE key.
pub fn seal<R: RngCore + CryptoRng>(
    identity: &Identity,
    recipient: &PublicKeys,
    header: &Header,
    payload: &[u8],
    rng: &mut R,
) -> Result<Vec<u8>, EnvelopeError> {
    if header.sender != identity.node_id() {
        return Err(EnvelopeError::WrongSender);
    }
    if header.recipient != recipient.node_id() {
        return Err(EnvelopeError::WrongRecipient);
    }
    if payload.len() > MAX_PAYLOAD {
        return Err(EnvelopeError::PayloadTooLarge);
    }
    let header_bytes = header.to_bytes();
    let (encapped_key, ciphertext) = hpke::single_shot_seal::<Aead, Kdf, ExchangeKem, _>(
        &OpModeS::Base,
        &recipient.exchange,
        HPKE_INFO,
        payload,
        &header_bytes,
        rng,
    )
    .map_err(|_| EnvelopeError::RecipientKeyUnusable)?;
    let mut out = Vec::with_capacity(OVERHEAD + payload.len());
    out.extend_from_slice(&header_bytes);
    out.extend_from_slice(&encapped_key.to_bytes());
    let length = u32::try_from(ciphertext.len()).expect("a payload under MAX_PAYLOAD");
    out.extend_from_slice(&length.to_be_bytes());
    out.extend_from_slice(&ciphertext);
    let signature = signature::sign(identity.signing_key(), SIGNATURE_CONTEXT, &out);
    out.extend_from_slice(&signature);
    Ok(out)
}

/// An envelope whose structure has been checked, but not yet its signature: read its
/// [`header`](Self::header) to find the sender's keys, then [`verify`](Self::verify), then
/// [`open`](Self::open).
#[derive(Clone, Copy)]
pub struct Envelope<'a> {
    bytes: &'a [u8],
    header: Header,
    /// Where the signature starts: everything before it is signed.
    signed_len: usize,
}

/// The header and the size: the bytes themselves would flood a log.
impl fmt::Debug for Envelope<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Envelope")
            .field("header", &self.header)
            .field("len", &self.bytes.len())
            .finish()
    }
}

/// Reads a big-endian number of `N` bytes at `at`; the caller has checked the length.
fn be<const N: usize>(bytes: &[u8], at: usize) -> [u8; N] {
    bytes[at..at + N].try_into().expect("length checked")
}

impl<'a> Envelope<'a> {
    /// Checks an envelope's structure: magic, then version (so that an envelope of a later
    /// version is refused as such, not as malformed), codes and lengths. No cryptography.
    pub fn decode(bytes: &'a [u8]) -> Result<Envelope<'a>, EnvelopeError> {
        let found = bytes.len();
        let truncated = |expected| EnvelopeError::Truncated { expected, found };
        let magic_len = MAGIC.len().min(found);
        if bytes[..magic_len] != MAGIC[..magic_len] {
            return Err(EnvelopeError::NotAnEnvelope);
        }
        if found < 6 {
            return Err(truncated(OVERHEAD));
        }
        let version = u16::from_be_bytes(be(bytes, 4));
        if !SUPPORTED_VERSIONS.contains(&version) {
            return Err(EnvelopeError::UnsupportedVersion {
                found: version,
                supported: SUPPORTED_VERSIONS,
            });
        }
        if found < CIPHERTEXT_AT {
            return Err(truncated(OVERHEAD));
        }
        let kind = Kind::from_code(bytes[54]).ok_or(EnvelopeError::UnknownKind(bytes[54]))?;
        let handling = Handling::from_code(bytes[55]).ok_or(EnvelopeError::UnknownHandling(bytes[55]))?;
        let ciphertext_len = u32::from_be_bytes(be(bytes, LENGTH_AT));
        if (ciphertext_len as usize) < TAG_LEN {
            return Err(EnvelopeError::CiphertextTooShort(ciphertext_len));
        }
        if ciphertext_len as usize > MAX_PAYLOAD + TAG_LEN {
            return Err(EnvelopeError::PayloadTooLarge);
        }
        let signed_len = CIPHERTEXT_AT + ciphertext_len as usize;
        let expected = signed_len + SIGNATURE_LEN;
        if found < expected {
            return Err(truncated(expected));
        }
        if found > expected {
            return Err(EnvelopeError::TrailingBytes);
        }
        let header = Header {
            message_id: MessageId(be(bytes, 6)),
            sender: NodeId::from_bytes(be(bytes, 22)),
            recipient: NodeId::from_bytes(be(bytes, 38)),
            kind,
            handling,
            created_at_ms: i64::from_be_bytes(be(bytes, 56)),
        };
        Ok(Envelope {
            bytes,
            header,
            signed_len,
        })
    }

    /// The header, as the sender wrote it (not yet verified).
    pub fn header(&self) -> &Header {
        &self.header
    }

    /// The whole envelope.
    pub fn bytes(&self) -> &'a [u8] {
        self.bytes
    }

    fn signed(&self, sender: &'a PublicKeys) -> Signed<'a> {
        Signed {
            key: &sender.signing,
            bytes: &self.bytes[..self.signed_len],
            signature: self.bytes[self.signed_len..].try_into().expect("length checked"),
        }
    }

    /// Checks that `sender` sent the envelope: the header names it and its key signed
    /// every byte.
    pub fn verify(&self, sender: &PublicKeys) -> Result<(), EnvelopeError> {
        if self.header.sender != sender.node_id() {
            return Err(EnvelopeError::WrongSender);
        }
        if !signature::verify(SIGNATURE_CONTEXT, &self.signed(sender)) {
            return Err(EnvelopeError::BadSignature);
        }
        Ok(())
    }

    /// Decrypts the payload with the recipient's `identity`. Call [`verify`](Self::verify)
    /// first: opening checks that the header and ciphertext belong together, not who sent
    /// them.
    pub fn open(&self, identity: &Identity) -> Result<Zeroizing<Vec<u8>>, EnvelopeError> {
        if self.header.recipient != identity.node_id() {
            return Err(EnvelopeError::WrongRecipient);
        }
        let encapped_key = <ExchangeKem as hpke::Kem>::EncappedKey::from_bytes(&self.bytes[HEADER_LEN..LENGTH_AT])
            .map_err(|_| EnvelopeError::Undecryptable)?;
        hpke::single_shot_open::<Aead, Kdf, ExchangeKem>(
            &OpModeR::Base,
            identity.exchange_key(),
            &encapped_key,
            HPKE_INFO,
            &self.bytes[CIPHERTEXT_AT..self.signed_len],
            &self.bytes[..HEADER_LEN],
        )
        .map(Zeroizing::new)
        .map_err(|_| EnvelopeError::Undecryptable)
    }
}

/// [`Envelope::verify`] for many envelopes at once, `senders[i]` being the keys of
/// `envelopes[i]`'s sender, with batch signature verification (about twice as fast). On
/// failure, the index of the first envelope that fails and why.
///
/// # Panics
/// If the two slices differ in length.
pub fn verify_all(envelopes: &[Envelope<'_>], senders: &[&PublicKeys]) -> Result<(), (usize, EnvelopeError)> {
    assert_eq!(envelopes.len(), senders.len(), "one sender's keys per envelope");
    let wrong_sender = envelopes
        .iter()
        .zip(senders)
        .position(|(e, s)| e.header.sender != s.node_id())
        .unwrap_or(envelopes.len());
    let signed: Vec<Signed<'_>> = envelopes[..wrong_sender]
        .iter()
        .zip(senders)
        .map(|(e, s)| e.signed(s))
        .collect();
    signature::verify_all(SIGNATURE_CONTEXT, &signed).map_err(|i| (i, EnvelopeError::BadSignature))?;
    if wrong_sender < envelopes.len() {
        return Err((wrong_sender, EnvelopeError::WrongSender));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use rand::SeedableRng;
    use rand_chacha::ChaCha20Rng;

    use super::*;
    use crate::testing::{envelope, header, identity};

    fn decode_verify_open(bytes: &[u8], sender: &PublicKeys, recipient: &Identity) -> Result<Vec<u8>, EnvelopeError> {
        let envelope = Envelope::decode(bytes)?;
        envelope.verify(sender)?;
        envelope.open(recipient).map(|p| p.to_vec())
    }

    #[test]
    fn a_sealed_envelope_decodes_verifies_and_opens() {
        let (a, b) = (identity(1), identity(2));
        let bytes = envelope(&a, &b, b"Hello from Almaty");
        assert_eq!(bytes.len(), OVERHEAD + 17);
        let decoded = Envelope::decode(&bytes).unwrap();
        assert_eq!(decoded.header(), &header(&a, &b, Kind::Notice));
        assert_eq!(decoded.bytes(), &bytes[..]);
        decoded.verify(&a.public()).unwrap();
        assert_eq!(&decoded.open(&b).unwrap()[..], b"Hello from Almaty");
        // An empty payload is a valid payload.
        let empty = envelope(&a, &b, b"");
        assert_eq!(decode_verify_open(&empty, &a.public(), &b), Ok(vec![]));
    }

    #[test]
    fn a_flipped_bit_anywhere_is_rejected() {
        let (a, b) = (identity(1), identity(2));
        let bytes = envelope(&a, &b, b"Hello from Almaty");
        for position in 0..bytes.len() {
            for bit in 0..8 {
                let mut altered = bytes.clone();
                altered[position] ^= 1 << bit;
                let result = decode_verify_open(&altered, &a.public(), &b);
                assert!(result.is_err(), "bit {bit} of byte {position} flipped, yet accepted");
            }
        }
    }

    #[test]
    fn an_altered_ciphertext_or_header_does_not_open_even_unverified() {
        let (a, b) = (identity(1), identity(2));
        let bytes = envelope(&a, &b, b"Hello from Almaty");
        for position in (6..22).chain(54..bytes.len() - SIGNATURE_LEN) {
            let mut altered = bytes.clone();
            altered[position] ^= 0x01;
            if let Ok(envelope) = Envelope::decode(&altered) {
                assert!(envelope.open(&b).is_err(), "byte {position} altered, yet opened");
            }
        }
    }

    #[test]
    fn every_truncation_is_refused_as_truncated_and_extra_bytes_as_trailing() {
        let (a, b) = (identity(1), identity(2));
        let bytes = envelope(&a, &b, b"Hello");
        for len in 0..bytes.len() {
            let err = Envelope::decode(&bytes[..len]).unwrap_err();
            assert!(
                matches!(err, EnvelopeError::Truncated { found, .. } if found == len),
                "{len}: {err}"
            );
            assert!(err.to_string().starts_with("truncated envelope: expected"), "{err}");
        }
        let err = Envelope::decode(&bytes[..OVERHEAD]).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("truncated envelope: expected {} bytes, found {OVERHEAD}", bytes.len())
        );
        let err = Envelope::decode(&bytes[..10]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "truncated envelope: expected at least 180 bytes, found 10"
        );
        let longer = [&bytes[..], &[0]].concat();
        assert_eq!(Envelope::decode(&longer).unwrap_err(), EnvelopeError::TrailingBytes);
    }

    #[test]
    fn only_the_recipient_can_open_and_only_the_sender_verifies() {
        let (a, b, c) = (identity(1), identity(2), identity(3));
        let bytes = envelope(&a, &b, b"for B only");
        let decoded = Envelope::decode(&bytes).unwrap();
        assert_eq!(decoded.open(&c).unwrap_err(), EnvelopeError::WrongRecipient);
        assert_eq!(decoded.verify(&c.public()).unwrap_err(), EnvelopeError::WrongSender);
        // Readdressed to C: the header no longer matches what was sealed, nor the key.
        let mut readdressed = bytes.clone();
        readdressed[38..54].copy_from_slice(c.node_id().as_bytes());
        let decoded = Envelope::decode(&readdressed).unwrap();
        assert_eq!(decoded.verify(&a.public()).unwrap_err(), EnvelopeError::BadSignature);
        assert_eq!(decoded.open(&c).unwrap_err(), EnvelopeError::Undecryptable);
        // C signs an envelope that claims to come from A.
        let mut forged = bytes.clone();
        let signed_len = forged.len() - SIGNATURE_LEN;
        let signature = signature::sign(c.signing_key(), SIGNATURE_CONTEXT, &forged[..signed_len]);
        forged[signed_len..].copy_from_slice(&signature);
        let decoded = Envelope::decode(&forged).unwrap();
        assert_eq!(decoded.verify(&a.public()).unwrap_err(), EnvelopeError::BadSignature);
    }

    #[test]
    fn a_later_protocol_version_is_refused_naming_the_versions_spoken() {
        let (a, b) = (identity(1), identity(2));
        let mut bytes = envelope(&a, &b, b"Hello");
        bytes[4..6].copy_from_slice(&2u16.to_be_bytes());
        let err = Envelope::decode(&bytes).unwrap_err();
        assert_eq!(
            err,
            EnvelopeError::UnsupportedVersion {
                found: 2,
                supported: &[1]
            }
        );
        assert_eq!(
            err.to_string(),
            "protocol version 2 is not spoken by this node; it speaks version(s) 1"
        );
        // The version is read before anything else that version 2 might lay out otherwise.
        assert_eq!(Envelope::decode(b"CNCE\x00\x02").unwrap_err(), err);
    }

    #[test]
    fn malformed_fields_get_their_own_errors() {
        let (a, b) = (identity(1), identity(2));
        let bytes = envelope(&a, &b, b"Hello");
        let with = |at: usize, new: &[u8]| {
            let mut altered = bytes.clone();
            altered[at..at + new.len()].copy_from_slice(new);
            Envelope::decode(&altered).unwrap_err()
        };
        assert_eq!(with(0, b"CNCB"), EnvelopeError::NotAnEnvelope);
        assert_eq!(Envelope::decode(b"GIF8").unwrap_err(), EnvelopeError::NotAnEnvelope);
        assert_eq!(with(54, &[200]), EnvelopeError::UnknownKind(200));
        assert_eq!(with(55, &[5]), EnvelopeError::UnknownHandling(5));
        assert_eq!(
            with(LENGTH_AT, &15u32.to_be_bytes()),
            EnvelopeError::CiphertextTooShort(15)
        );
        let too_long = (MAX_PAYLOAD + TAG_LEN + 1) as u32;
        assert_eq!(with(LENGTH_AT, &too_long.to_be_bytes()), EnvelopeError::PayloadTooLarge);
        assert!(with(54, &[200])
            .to_string()
            .contains("expected one of: 1 (receipt), 2 (notice)"));
    }

    #[test]
    fn seal_refuses_headers_that_do_not_fit_the_keys_and_oversized_payloads() {
        let (a, b, c) = (identity(1), identity(2), identity(3));
        let mut rng = ChaCha20Rng::from_seed([3; 32]);
        let h = header(&a, &b, Kind::Notice);
        assert_eq!(
            seal(&c, &b.public(), &h, b"", &mut rng),
            Err(EnvelopeError::WrongSender)
        );
        assert_eq!(
            seal(&a, &c.public(), &h, b"", &mut rng),
            Err(EnvelopeError::WrongRecipient)
        );
        let big = vec![0; MAX_PAYLOAD + 1];
        assert_eq!(
            seal(&a, &b.public(), &h, &big, &mut rng),
            Err(EnvelopeError::PayloadTooLarge)
        );
        let most = vec![7; MAX_PAYLOAD];
        let bytes = seal(&a, &b.public(), &h, &most, &mut rng).unwrap();
        assert_eq!(bytes.len(), MAX_ENVELOPE);
        assert_eq!(decode_verify_open(&bytes, &a.public(), &b), Ok(most));
    }

    #[test]
    fn batch_verification_names_the_first_bad_envelope() {
        let ids: Vec<Identity> = (1..=4).map(identity).collect();
        let to = identity(9);
        let mut all: Vec<Vec<u8>> = (0..100).map(|i| envelope(&ids[i % 4], &to, &[i as u8; 20])).collect();
        let keys: Vec<PublicKeys> = ids.iter().map(Identity::public).collect();
        let senders: Vec<&PublicKeys> = (0..100).map(|i| &keys[i % 4]).collect();
        let check = |all: &[Vec<u8>], senders: &[&PublicKeys]| {
            let decoded: Vec<Envelope<'_>> = all.iter().map(|b| Envelope::decode(b).unwrap()).collect();
            verify_all(&decoded, senders)
        };
        assert_eq!(check(&all, &senders), Ok(()));
        all[90][70] ^= 4;
        assert_eq!(check(&all, &senders), Err((90, EnvelopeError::BadSignature)));
        let mut swapped = senders.clone();
        swapped[95] = &keys[0];
        assert_eq!(check(&all, &swapped), Err((90, EnvelopeError::BadSignature)));
        swapped[30] = &keys[0];
        assert_eq!(check(&all, &swapped), Err((30, EnvelopeError::WrongSender)));
    }

    #[test]
    fn message_ids_are_version_4_uuids_written_hyphenated() {
        let id = MessageId::random(&mut ChaCha20Rng::from_seed([5; 32]));
        let uuid = uuid::Uuid::from_bytes(*id.as_bytes());
        assert_eq!(uuid.get_version_num(), 4);
        assert_eq!(id.to_string(), uuid.hyphenated().to_string());
        assert_eq!(id.to_string().parse(), Ok(id));
        assert_eq!(serde_json::to_string(&id).unwrap(), format!("\"{id}\""));
        let fixed = MessageId::from_bytes(std::array::from_fn(|i| i as u8));
        assert_eq!(fixed.to_string(), "00010203-0405-0607-0809-0a0b0c0d0e0f");
        assert_eq!(format!("{fixed:?}"), "MessageId(00010203-0405-0607-0809-0a0b0c0d0e0f)");
        assert!("not-a-uuid"
            .parse::<MessageId>()
            .unwrap_err()
            .to_string()
            .contains("expected a UUID"));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn any_payload_and_header_round_trip(
            payload in proptest::collection::vec(any::<u8>(), 0..4096),
            id in any::<[u8; 16]>(),
            kind in 0..Kind::ALL.len(),
            handling in 0..Handling::ALL.len(),
            created_at_ms in any::<i64>(),
            seed in any::<[u8; 32]>(),
        ) {
            let (a, b) = (identity(1), identity(2));
            let header = Header {
                message_id: MessageId::from_bytes(id),
                sender: a.node_id(),
                recipient: b.node_id(),
                kind: Kind::ALL[kind],
                handling: Handling::ALL[handling],
                created_at_ms,
            };
            let bytes = seal(&a, &b.public(), &header, &payload, &mut ChaCha20Rng::from_seed(seed)).unwrap();
            let decoded = Envelope::decode(&bytes).unwrap();
            prop_assert_eq!(decoded.header(), &header);
            prop_assert_eq!(decode_verify_open(&bytes, &a.public(), &b), Ok(payload));
        }
    }
}
