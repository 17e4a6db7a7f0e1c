//! The test vectors in `docs/linkage.md` are what this build computes: another
//! implementation (or a later version of this one) can check itself against them.

use concord_core::vocabulary::Gender;
use concord_link::encoding::Encoder;
use concord_link::encodings::to_base64;
use concord_link::key::LinkageKey;
use concord_link::normalise::{normalise, skeleton};
use concord_link::schema::Schema;
use concord_link::scoring::Scorer;
use concord_link::weights::{Comparisons, MatchWeights};

mod common;
use common::person;

/// The vectors as the documentation writes them.
fn vectors() -> String {
    let schema = Schema::default_schema();
    let secret: [u8; 32] = std::array::from_fn(|i| i as u8);
    let key = LinkageKey::from_bytes(1, secret);
    let mut encoder = Encoder::new(&schema, &key).unwrap();
    let mut out = format!(
        "key: bytes 0x00, 0x01, … 0x1f, epoch 1; key check {}; schema digest {}\n",
        key.check(),
        schema.digest()
    );
    let records = [
        person("Олена", "Коваленко", Some("1990-03-09"), Gender::Feminine),
        person("Olena", "Kovalenko", Some("1990"), Gender::Feminine),
    ];
    let mut filters = Vec::new();
    for p in &records {
        let name = &p.names[0];
        let parts: Vec<String> = [&name.given, &name.family]
            .iter()
            .flat_map(|t| normalise(t).unwrap())
            .collect();
        let skeletons: Vec<String> = parts.iter().map(|p| skeleton(p)).collect();
        let filter = encoder.encode_to_vec(p).unwrap();
        let ones: u32 = filter.iter().map(|w| w.count_ones()).sum();
        out += &format!(
            "\n{} {}, Feminine, {}\n  parts {:?}, skeletons {:?}, {} bits set\n  {}\n",
            name.given,
            name.family,
            p.birth_date.unwrap(),
            parts,
            skeletons,
            ones,
            to_base64(&filter)
        );
        filters.push(filter);
    }
    out += &format!(
        "\nscore of the two: {:.4} (weighted mean), {:.4} (probability under the default weights)\n",
        Scorer::new(&schema).score(&filters[0], &filters[1]),
        Comparisons::new(&schema).score(&MatchWeights::default_weights(), &filters[0], &filters[1])
    );
    out
}

#[test]
fn the_test_vectors_in_the_documentation_are_what_this_build_computes() {
    let docs = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/linkage.md")).unwrap();
    let expected = vectors();
    assert!(
        docs.contains(&expected),
        "docs/linkage.md should contain, in its test vectors block:\n{expected}"
    );
}
