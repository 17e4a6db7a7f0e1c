//! Records show names in the script of the person's country, or romanised.

use chrono::NaiveDate;
use concord_core::Country;
use concord_synth::{agencies, cases, Config};

fn in_range(text: &str, lo: char, hi: char) -> bool {
    text.chars().any(|c| (lo..=hi).contains(&c))
}

#[test]
fn ukrainian_syrian_and_korean_persons_appear_in_cyrillic_arabic_and_hangul() {
    let today = NaiveDate::from_ymd_opt(2025, 6, 1).expect("a date");
    let config = Config::new(2, today);
    let scripts = [
        ("UA", '\u{0400}', '\u{04FF}'),
        ("SY", '\u{0600}', '\u{06FF}'),
        ("KR", '\u{AC00}', '\u{D7AF}'),
    ];
    let mut native = [0; 3];
    let mut romanised_only = [0; 3];
    for agency in &agencies(32) {
        for c in cases(&config, agency, 200) {
            for p in &c.case.persons {
                for (i, (code, lo, hi)) in scripts.iter().enumerate() {
                    let country: Country = code.parse().expect("a country");
                    if !p.citizenships.contains(&country) {
                        continue;
                    }
                    let name = &p.names[0];
                    let text = format!("{} {}", name.given, name.family);
                    if in_range(&text, *lo, *hi) {
                        native[i] += 1;
                    } else if text.is_ascii() {
                        romanised_only[i] += 1;
                    }
                }
            }
        }
    }
    for (i, (code, ..)) in scripts.iter().enumerate() {
        assert!(native[i] > 5, "{code}: {native:?}");
        assert!(romanised_only[i] > 5, "{code}: {romanised_only:?}");
    }
}
