//! Fixtures shared by the unit tests.

use rand::SeedableRng;
use rand_chacha::ChaCha20Rng;

use crate::envelope::{seal, Header, MessageId};
use crate::identity::Identity;
use crate::kind::{Handling, Kind};

/// The identity drawn from a ChaCha20 stream seeded with `[seed; 32]`.
pub fn identity(seed: u8) -> Identity {
    Identity::generate(&mut ChaCha20Rng::from_seed([seed; 32]))
}

/// A header from `from` to `to`.
pub fn header(from: &Identity, to: &Identity, kind: Kind) -> Header {
    Header {
        message_id: MessageId::from_bytes(std::array::from_fn(|i| i as u8)),
        sender: from.node_id(),
        recipient: to.node_id(),
        kind,
        handling: Handling::Amber,
        created_at_ms: 1_767_225_600_000,
    }
}

/// An envelope carrying `payload` from `from` to `to`.
pub fn envelope(from: &Identity, to: &Identity, payload: &[u8]) -> Vec<u8> {
    let mut rng = ChaCha20Rng::from_seed([3; 32]);
    seal(from, &to.public(), &header(from, to, Kind::Notice), payload, &mut rng).expect("an envelope")
}
