//! A node's keys: an Ed25519 key to sign what it sends, an X25519 key to open what is
//! sealed to it.
//!
//! Two keys rather than one converted key, because each is then used only as its standard
//! intends (RFC 8032 signatures, RFC 9180 HPKE key encapsulation), and either can be
//! replaced in a later protocol version without touching the other. The [`NodeId`] is a
//! hash of both public keys, so confirming an ID out of band confirms both keys.

use std::fmt;

use ed25519_dalek::{SigningKey, VerifyingKey};
use hpke::{Deserializable, Kem as _, Serializable};
use rand_core::{CryptoRng, RngCore};
use sha2::{Digest, Sha256};
use zeroize::{Zeroize, Zeroizing};

use crate::node_id::NodeId;

/// The HPKE key encapsulation mechanism of protocol version 1: DHKEM(X25519, HKDF-SHA256).
pub(crate) type ExchangeKem = hpke::kem::X25519HkdfSha256;

/// A node's public X25519 key, to which envelopes are sealed.
pub type ExchangePublicKey = <ExchangeKem as hpke::Kem>::PublicKey;

type ExchangePrivateKey = <ExchangeKem as hpke::Kem>::PrivateKey;

/// Domain separation of the node ID hash from any other use of SHA-256 over the keys.
const NODE_ID_CONTEXT: &[u8] = b"concord node id v1";
const KEY_LEN: usize = 32;

/// A node's public keys, as its partners hold them.
#[derive(Clone, PartialEq, Eq)]
pub struct PublicKeys {
    /// Verifies the node's signatures on envelopes, bundles and its card.
    pub signing: VerifyingKey,
    /// Seals envelopes to the node.
    pub exchange: ExchangePublicKey,
}

/// Key bytes that cannot be keys.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyBytesError {
    /// Not the expected number of bytes.
    #[error("expected {expected} bytes of {what}, found {found}")]
    WrongLength {
        /// What the bytes should have been.
        what: &'static str,
        /// Bytes expected.
        expected: usize,
        /// Bytes found.
        found: usize,
    },
    /// The signing key is not a point of the curve, or is one of the few weak points with
    /// which a signature verifies for many messages.
    #[error("the signing key is not a valid Ed25519 public key (not a curve point, or a weak one)")]
    InvalidSigningKey,
}

impl PublicKeys {
    /// The node ID these keys belong to: the first 16 bytes of
    /// SHA-256("concord node id v1" ‖ signing key ‖ exchange key).
    pub fn node_id(&self) -> NodeId {
        let digest = Sha256::new()
            .chain_update(NODE_ID_CONTEXT)
            .chain_update(self.to_bytes())
            .finalize();
        NodeId::from_bytes(
            digest[..NodeId::LEN]
                .try_into()
                .expect("SHA-256 is longer than a node ID"),
        )
    }

    /// The signing key's 32 bytes, then the exchange key's 32.
    pub fn to_bytes(&self) -> [u8; 64] {
        let mut out = [0u8; 64];
        out[..KEY_LEN].copy_from_slice(self.signing.as_bytes());
        self.exchange.write_exact(&mut out[KEY_LEN..]);
        out
    }

    /// Reads keys written by [`to_bytes`](Self::to_bytes). Weak signing keys are refused, so
    /// that every signature check in the protocol (single or batched) has
    /// [`VerifyingKey::verify_strict`]'s rules.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, KeyBytesError> {
        let bytes: &[u8; 64] = bytes.try_into().map_err(|_| KeyBytesError::WrongLength {
            what: "public keys (Ed25519 then X25519)",
            expected: 64,
            found: bytes.len(),
        })?;
        let (signing, exchange) = bytes.split_at(KEY_LEN);
        Ok(Self {
            signing: verifying_key(signing.try_into().expect("32 bytes"))?,
            exchange: ExchangePublicKey::from_bytes(exchange).expect("HPKE accepts any 32 bytes as an X25519 key"),
        })
    }
}

/// An Ed25519 public key that [`VerifyingKey::verify_strict`] would accept.
fn verifying_key(bytes: &[u8; KEY_LEN]) -> Result<VerifyingKey, KeyBytesError> {
    VerifyingKey::from_bytes(bytes)
        .ok()
        .filter(|key| !key.is_weak())
        .ok_or(KeyBytesError::InvalidSigningKey)
}

impl fmt::Debug for PublicKeys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let hex = |bytes: &[u8]| bytes.iter().map(|b| format!("{b:02x}")).collect::<String>();
        let bytes = self.to_bytes();
        f.debug_struct("PublicKeys")
            .field("node_id", &self.node_id())
            .field("signing", &hex(&bytes[..KEY_LEN]))
            .field("exchange", &hex(&bytes[KEY_LEN..]))
            .finish()
    }
}

/// A node's secret keys. Kept in memory only as long as needed; zeroed when dropped.
pub struct Identity {
    signing: SigningKey,
    exchange: ExchangePrivateKey,
    // Derived once: the X25519 public key costs a scalar multiplication.
    public: PublicKeys,
}

impl Identity {
    /// A new identity: 64 bytes from `rng`, the Ed25519 seed then the X25519 secret (the
    /// same layout as [`secret_bytes`](Self::secret_bytes)).
    pub fn generate<R: RngCore + CryptoRng>(rng: &mut R) -> Self {
        let mut secret = Zeroizing::new([0u8; 64]);
        rng.fill_bytes(secret.as_mut());
        Self::from_secret_bytes(secret.as_ref()).expect("any 64 bytes are an identity")
    }

    /// An identity from the 64 bytes of [`secret_bytes`](Self::secret_bytes).
    pub fn from_secret_bytes(bytes: &[u8]) -> Result<Self, KeyBytesError> {
        let bytes: &[u8; 64] = bytes.try_into().map_err(|_| KeyBytesError::WrongLength {
            what: "secret keys (Ed25519 seed then X25519 secret)",
            expected: 64,
            found: bytes.len(),
        })?;
        let mut seed: [u8; KEY_LEN] = bytes[..KEY_LEN].try_into().expect("32 bytes");
        let signing = SigningKey::from_bytes(&seed);
        seed.zeroize();
        let exchange = ExchangePrivateKey::from_bytes(&bytes[KEY_LEN..]).expect("HPKE accepts any 32 bytes");
        let public = PublicKeys {
            signing: signing.verifying_key(),
            exchange: ExchangeKem::sk_to_pk(&exchange),
        };
        Ok(Self {
            signing,
            exchange,
            public,
        })
    }

    /// The secret keys, to be stored (sealed) by the node: the Ed25519 seed then the X25519
    /// secret.
    pub fn secret_bytes(&self) -> Zeroizing<[u8; 64]> {
        let mut out = Zeroizing::new([0u8; 64]);
        out[..KEY_LEN].copy_from_slice(self.signing.as_bytes());
        self.exchange.write_exact(&mut out[KEY_LEN..]);
        out
    }

    /// The public keys, for the node's card.
    pub fn public(&self) -> PublicKeys {
        self.public.clone()
    }

    /// The node ID.
    pub fn node_id(&self) -> NodeId {
        self.public.node_id()
    }

    pub(crate) fn signing_key(&self) -> &SigningKey {
        &self.signing
    }

    pub(crate) fn exchange_key(&self) -> &ExchangePrivateKey {
        &self.exchange
    }
}

impl fmt::Debug for Identity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Identity({}, secrets not shown)", self.node_id())
    }
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;
    use rand_chacha::ChaCha20Rng;

    use super::*;

    fn identity(seed: u8) -> Identity {
        Identity::generate(&mut ChaCha20Rng::from_seed([seed; 32]))
    }

    #[test]
    fn secret_and_public_bytes_round_trip() {
        let id = identity(1);
        let again = Identity::from_secret_bytes(id.secret_bytes().as_ref()).unwrap();
        assert_eq!(again.public(), id.public());
        assert_eq!(PublicKeys::from_bytes(&id.public().to_bytes()), Ok(id.public()));
        assert_eq!(id.public().node_id(), id.node_id());
    }

    #[test]
    fn the_node_id_fingerprints_both_keys() {
        let (a, b) = (identity(1).public(), identity(2).public());
        let mixed = PublicKeys {
            signing: a.signing,
            exchange: b.exchange.clone(),
        };
        assert_ne!(mixed.node_id(), a.node_id());
        assert_ne!(mixed.node_id(), b.node_id());
        let expected = Sha256::digest([&b"concord node id v1"[..], &a.to_bytes()].concat());
        assert_eq!(a.node_id().as_bytes()[..], expected[..16]);
    }

    #[test]
    fn wrong_key_bytes_are_refused_with_what_was_expected() {
        let err = PublicKeys::from_bytes(&[0; 63]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "expected 64 bytes of public keys (Ed25519 then X25519), found 63"
        );
        assert!(Identity::from_secret_bytes(&[0; 65]).is_err());
        // The identity point (a weak key) is refused.
        let mut weak = [0u8; 64];
        weak[0] = 1;
        assert_eq!(PublicKeys::from_bytes(&weak), Err(KeyBytesError::InvalidSigningKey));
    }

    #[test]
    fn debug_never_shows_secrets() {
        let id = identity(5);
        let debug = format!("{id:?}");
        let secret = id.secret_bytes();
        let hex: String = secret[..4].iter().map(|b| format!("{b:02x}")).collect();
        assert!(
            debug.contains(&id.node_id().to_string()) && !debug.contains(&hex),
            "{debug}"
        );
        assert!(format!("{:?}", id.public()).contains(&id.node_id().to_string()));
    }
}
