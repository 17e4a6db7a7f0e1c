//! The fixed identities of the fuzz targets: those of the test vectors in
//! docs/protocol.md (nodes A and B), so that the vectors' envelope and bundle are valid
//! seeds that reach signature checks and decryption.

use std::sync::LazyLock;

use concord_exchange::{Identity, PublicKeys};
use rand::SeedableRng;
use rand_chacha::ChaCha20Rng;

/// Node A, the sender.
pub static A: LazyLock<Identity> = LazyLock::new(|| Identity::generate(&mut ChaCha20Rng::from_seed([1; 32])));
/// Node A's public keys.
pub static A_KEYS: LazyLock<PublicKeys> = LazyLock::new(|| A.public());
/// Node B, the recipient.
pub static B: LazyLock<Identity> = LazyLock::new(|| Identity::generate(&mut ChaCha20Rng::from_seed([2; 32])));
