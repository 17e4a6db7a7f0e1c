//! Ed25519 signatures with a context string, checked singly or in batches with the same
//! rules.
//!
//! Every signed thing in the protocol (card, envelope, bundle) is signed over a context
//! string ending in a NUL byte followed by its bytes, so that a signature made for one can
//! never pass as a signature on another. Single checks use
//! [`VerifyingKey::verify_strict`]; batches use ed25519-dalek's batch verification (about
//! twice as fast per signature), after first refusing what `verify_strict` alone would
//! refuse and a batch would not look at: weak keys, and a signature's `R` that is of small
//! order or not canonically encoded. Without those checks a third party could re-encode a
//! valid signature into one that a batch accepts and a single check refuses.

use curve25519_dalek::edwards::CompressedEdwardsY;
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};

/// Bytes of an Ed25519 signature.
pub(crate) const SIGNATURE_LEN: usize = 64;

/// Signatures checked per batch: enough for most of the speed-up, while the messages
/// copied for one batch stay bounded.
const BATCH: usize = 64;

/// One signature to check.
pub(crate) struct Signed<'a> {
    pub key: &'a VerifyingKey,
    /// The signed bytes, without the context.
    pub bytes: &'a [u8],
    pub signature: &'a [u8; SIGNATURE_LEN],
}

fn message(context: &[u8], bytes: &[u8]) -> Vec<u8> {
    [context, bytes].concat()
}

/// Signs `context ‖ bytes`.
pub(crate) fn sign(key: &SigningKey, context: &[u8], bytes: &[u8]) -> [u8; SIGNATURE_LEN] {
    key.sign(&message(context, bytes)).to_bytes()
}

/// Whether `signature` is the key's strict signature on `context ‖ bytes`.
pub(crate) fn verify(context: &[u8], signed: &Signed<'_>) -> bool {
    let signature = Signature::from_bytes(signed.signature);
    signed
        .key
        .verify_strict(&message(context, signed.bytes), &signature)
        .is_ok()
}

/// What `verify_strict` refuses before any arithmetic on the message.
fn strictly_well_formed(signed: &Signed<'_>) -> bool {
    let r: [u8; 32] = signed.signature[..32].try_into().expect("32 bytes");
    let canonical_r = CompressedEdwardsY(r)
        .decompress()
        .is_some_and(|point| !point.is_small_order() && point.compress().to_bytes() == r);
    canonical_r && !signed.key.is_weak()
}

/// Checks every signature; on failure, the index of the first that does not verify.
pub(crate) fn verify_all(context: &[u8], all: &[Signed<'_>]) -> Result<(), usize> {
    for (chunk_index, chunk) in all.chunks(BATCH).enumerate() {
        let base = chunk_index * BATCH;
        let well_formed = chunk
            .iter()
            .position(|s| !strictly_well_formed(s))
            .unwrap_or(chunk.len());
        let candidates = &chunk[..well_formed];
        let messages: Vec<Vec<u8>> = candidates.iter().map(|s| message(context, s.bytes)).collect();
        let message_refs: Vec<&[u8]> = messages.iter().map(Vec::as_slice).collect();
        let signatures: Vec<Signature> = candidates.iter().map(|s| Signature::from_bytes(s.signature)).collect();
        let keys: Vec<VerifyingKey> = candidates.iter().map(|s| *s.key).collect();
        if ed25519_dalek::verify_batch(&message_refs, &signatures, &keys).is_err() {
            // A batch says only that something failed: find the first one.
            let bad = (0..candidates.len()).find(|&i| keys[i].verify_strict(&messages[i], &signatures[i]).is_err());
            if let Some(i) = bad {
                return Err(base + i);
            }
        }
        if well_formed < chunk.len() {
            return Err(base + well_formed);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;
    use rand_chacha::ChaCha20Rng;

    use super::*;

    const CONTEXT: &[u8] = b"concord test v1\0";

    fn keys(n: usize) -> Vec<SigningKey> {
        let mut rng = ChaCha20Rng::from_seed([9; 32]);
        (0..n).map(|_| SigningKey::generate(&mut rng)).collect()
    }

    fn check(keys: &[SigningKey], signatures: &[[u8; 64]], messages: &[Vec<u8>]) -> Result<(), usize> {
        let verifying: Vec<VerifyingKey> = keys.iter().map(SigningKey::verifying_key).collect();
        let signed: Vec<Signed<'_>> = (0..keys.len())
            .map(|i| Signed {
                key: &verifying[i],
                bytes: &messages[i],
                signature: &signatures[i],
            })
            .collect();
        let batch = verify_all(CONTEXT, &signed);
        let single = signed.iter().position(|s| !verify(CONTEXT, s));
        assert_eq!(batch, single.map_or(Ok(()), Err), "batch and single checks must agree");
        batch
    }

    #[test]
    fn batches_find_the_first_bad_signature_across_chunks() {
        let keys = keys(150);
        let messages: Vec<Vec<u8>> = (0..keys.len()).map(|i| format!("message {i}").into_bytes()).collect();
        let mut signatures: Vec<[u8; 64]> = keys.iter().zip(&messages).map(|(k, m)| sign(k, CONTEXT, m)).collect();
        assert_eq!(check(&keys, &signatures, &messages), Ok(()));
        signatures[140][40] ^= 1;
        assert_eq!(check(&keys, &signatures, &messages), Err(140));
        signatures[70][3] ^= 0x80;
        assert_eq!(check(&keys, &signatures, &messages), Err(70));
        signatures[0] = sign(&keys[0], b"another context\0", &messages[0]);
        assert_eq!(check(&keys, &signatures, &messages), Err(0));
    }

    #[test]
    fn a_non_canonical_or_small_order_r_is_refused_by_batch_and_single_checks_alike() {
        let keys = keys(2);
        let messages = vec![b"a".to_vec(), b"b".to_vec()];
        let mut signatures: Vec<[u8; 64]> = keys.iter().zip(&messages).map(|(k, m)| sign(k, CONTEXT, m)).collect();
        // The identity point as R: small order.
        signatures[1][..32].copy_from_slice(&[1; 1].iter().chain(&[0; 31]).copied().collect::<Vec<u8>>());
        assert_eq!(check(&keys, &signatures, &messages), Err(1));
    }
}
