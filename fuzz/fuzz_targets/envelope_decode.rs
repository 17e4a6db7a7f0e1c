//! Any bytes given to an envelope decoder, then to verification and decryption, must give
//! an envelope or an error, never a panic.

#![no_main]

use concord_exchange::{verify_all, Envelope};
use libfuzzer_sys::fuzz_target;

mod keys;
use keys::{A_KEYS, B};

fuzz_target!(|data: &[u8]| {
    if let Ok(envelope) = Envelope::decode(data) {
        assert_eq!(envelope.bytes(), data);
        let single = envelope.verify(&A_KEYS);
        let batch = verify_all(&[envelope], &[&A_KEYS]);
        assert_eq!(single.is_ok(), batch.is_ok(), "single and batch checks disagree");
        // Open even when the signature fails, to reach decryption with any input.
        let _ = envelope.open(&B);
    }
});
