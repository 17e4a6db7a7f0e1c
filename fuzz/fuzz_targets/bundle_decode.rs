//! Any bytes given to a bundle decoder, then to verification and to the envelope decoder
//! for each envelope inside, must give a result or an error, never a panic.

#![no_main]

use concord_exchange::{Envelope, UnverifiedBundle};
use libfuzzer_sys::fuzz_target;

mod keys;
use keys::{A_KEYS, B};

fuzz_target!(|data: &[u8]| {
    if let Ok(bundle) = UnverifiedBundle::decode(data) {
        let (_, _, _, len) = (
            bundle.sender(),
            bundle.recipient(),
            bundle.created_at_ms(),
            bundle.len(),
        );
        if let Ok(envelopes) = bundle.verify(&A_KEYS) {
            assert_eq!(envelopes.len(), len);
            for bytes in envelopes {
                if let Ok(envelope) = Envelope::decode(bytes) {
                    let _ = envelope.verify(&A_KEYS);
                    let _ = envelope.open(&B);
                }
            }
        }
    }
});
