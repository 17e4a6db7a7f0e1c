//! The name pools obey the rules the generator and the linkage tests rely on.

use super::*;

#[test]
fn every_country_appears_once_as_two_upper_case_letters() {
    let mut seen = std::collections::BTreeSet::new();
    for pool in pools() {
        assert!(
            pool.country.len() == 2 && pool.country.bytes().all(|b| b.is_ascii_uppercase()),
            "{}",
            pool.country
        );
        assert!(seen.insert(pool.country), "{} twice", pool.country);
        assert!(super::pool(pool.country).is_some());
    }
}

#[test]
fn romanised_forms_use_only_latin_letters_spaces_hyphens_and_apostrophes() {
    for pool in pools() {
        let forms = pool
            .given_female
            .iter()
            .chain(pool.given_male)
            .chain(pool.family.iter().flat_map(|f| [&f.male, &f.female]));
        for form in forms {
            assert!(
                !form.romanised.is_empty(),
                "{}: {} has no romanised form",
                pool.country,
                form.native
            );
            for r in form.romanised {
                assert!(!r.is_empty());
                assert!(
                    r.chars().all(|c| c.is_alphabetic()
                        && (c.is_ascii()
                            || ('\u{00C0}'..='\u{024F}').contains(&c)
                            || ('\u{1E00}'..='\u{1EFF}').contains(&c))
                        || " -'".contains(c)),
                    "{}: romanisation {r:?} of {}",
                    pool.country,
                    form.native
                );
            }
        }
    }
}

/// Every name form of a pool, with the list it comes from.
fn forms(pool: &NamePool) -> impl Iterator<Item = (&'static str, &'static NameForm)> {
    let given = pool
        .given_female
        .iter()
        .map(|f| ("female", f))
        .chain(pool.given_male.iter().map(|f| ("male", f)));
    given.chain(
        pool.family
            .iter()
            .flat_map(|f| [("family", &f.male), ("family", &f.female)]),
    )
}

/// Whether `c` lies in the Unicode blocks of `script` (for Latin: a Latin letter).
fn in_script(script: Script, c: char) -> bool {
    let r = |a: u32, b: u32| (a..=b).contains(&u32::from(c));
    match script {
        Script::Latin => c.is_ascii_alphabetic() || (c.is_alphabetic() && (r(0xC0, 0x24F) || r(0x1E00, 0x1EFF))),
        Script::Cyrillic => r(0x400, 0x4FF),
        Script::Arabic => r(0x600, 0x6FF) || r(0x750, 0x77F) || r(0xFB50, 0xFDFF) || r(0xFE70, 0xFEFF),
        Script::Hangul => r(0xAC00, 0xD7A3),
        Script::Georgian => r(0x10A0, 0x10FF),
        Script::Armenian => r(0x530, 0x58F),
        Script::Greek => r(0x370, 0x3FF),
        Script::Ethiopic => r(0x1200, 0x137F),
        Script::Myanmar => r(0x1000, 0x109F),
        Script::Thai => r(0xE00, 0xE7F),
        Script::Devanagari => r(0x900, 0x97F),
    }
}

#[test]
fn native_forms_are_written_in_the_declared_script() {
    for pool in pools() {
        for (list, form) in forms(pool) {
            let name = form.native;
            let what = format!("{} {list} name {name:?} ({:?})", pool.country, pool.script);
            assert!(
                name.chars().any(|c| c.is_alphabetic() && in_script(pool.script, c)),
                "{what}: no letter of its script"
            );
            if pool.script != Script::Latin {
                assert!(
                    !name.chars().any(|c| c.is_ascii_alphabetic()),
                    "{what}: has an ASCII letter"
                );
            }
            // Apart from spaces, hyphens and apostrophes (and the Uzbek ʻ), nothing from
            // another block: catches Latin look-alikes in Cyrillic and Persian letters in Hangul.
            assert!(
                name.chars().all(|c| in_script(pool.script, c) || " -'ʻ".contains(c)),
                "{what}: stray character"
            );
            assert_eq!(name.trim(), name, "{what}: surrounding space");
        }
    }
}

#[test]
fn no_list_repeats_a_native_name() {
    for pool in pools() {
        let lists: [(&str, Vec<&str>); 4] = [
            ("female", pool.given_female.iter().map(|f| f.native).collect()),
            ("male", pool.given_male.iter().map(|f| f.native).collect()),
            ("family (male)", pool.family.iter().map(|f| f.male.native).collect()),
            ("family (female)", pool.family.iter().map(|f| f.female.native).collect()),
        ];
        for (list, names) in lists {
            let mut seen = std::collections::BTreeSet::new();
            for name in names {
                assert!(seen.insert(name), "{}: {name} twice in the {list} list", pool.country);
            }
        }
    }
}

#[test]
fn a_name_lists_each_romanisation_once_and_at_least_one_in_plain_ascii() {
    for pool in pools() {
        for (_, form) in forms(pool) {
            let mut seen = std::collections::BTreeSet::new();
            for r in form.romanised {
                assert!(seen.insert(*r), "{}: {r} twice for {}", pool.country, form.native);
            }
            // Many registries cannot store diacritics; the generator needs a form for them.
            assert!(
                form.romanised.iter().any(|r| r.is_ascii()),
                "{}: {} has no ASCII form",
                pool.country,
                form.native
            );
        }
    }
}

/// (male ending, female ending) pairs, and endings that never change.
type GenderRule = (&'static [(&'static str, &'static str)], &'static [&'static str]);

/// How a language genders family names; `None` for languages whose family names do not change.
fn gender_rule(country: &str) -> Option<GenderRule> {
    Some(match country {
        "RU" => (
            &[
                ("ов", "ова"),
                ("ев", "ева"),
                ("ёв", "ёва"),
                ("ин", "ина"),
                ("ын", "ына"),
                ("ский", "ская"),
                ("цкий", "цкая"),
            ],
            &["енко", "ых", "их"],
        ),
        "UA" => (
            &[
                ("ов", "ова"),
                ("ев", "ева"),
                ("ин", "ина"),
                ("ський", "ська"),
                ("цький", "цька"),
            ],
            // Galician -ишин is a patronymic, not a possessive in -ин: it does not change.
            &["енко", "ко", "ук", "юк", "ик", "ишин"],
        ),
        "BY" => (
            &[
                ("оў", "ова"),
                ("еў", "ева"),
                ("ёў", "ёва"),
                ("ін", "іна"),
                ("скі", "ская"),
                ("цкі", "цкая"),
            ],
            &["енка", "ук", "ік", "іч"],
        ),
        "BG" => (&[("ов", "ова"), ("ев", "ева"), ("ски", "ска")], &[]),
        // Kazakh and Kyrgyz: Russian-style endings and "son of" / "daughter of".
        "KZ" => (&[("ов", "ова"), ("ев", "ева"), ("ин", "ина"), ("ұлы", "қызы")], &[]),
        "KG" => (&[("ов", "ова"), ("ев", "ева"), ("уулу", "кызы")], &[]),
        "UZ" => (&[("ov", "ova"), ("ev", "eva")], &[]),
        "PL" => (
            &[("ski", "ska"), ("cki", "cka"), ("dzki", "dzka")],
            &["ak", "ik", "yk", "uk"],
        ),
        // Czech: every family name is gendered: -ý/-á, Svoboda/Svobodová, Novák/Nováková,
        // with the fleeting e of Hájek/Hájková and Moravec/Moravcová.
        "CZ" => (
            &[("ý", "á"), ("a", "ová"), ("ek", "ková"), ("ec", "cová"), ("", "ová")],
            &[],
        ),
        // Greek (compared without accents): the genitive for women; -ou names stay.
        "GR" => (
            &[
                ("ιδης", "ιδου"),
                ("αδης", "αδου"),
                ("ος", "ου"),
                ("ης", "η"),
                ("ας", "α"),
            ],
            &["ου"],
        ),
        _ => return None,
    })
}

/// Greek without the tonos, so that Παπαδόπουλος and Παπαδοπούλου share a stem.
fn without_tonos(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'ά' => 'α',
            'έ' => 'ε',
            'ή' => 'η',
            'ί' | 'ΐ' | 'ϊ' => 'ι',
            'ό' => 'ο',
            'ύ' | 'ΰ' | 'ϋ' => 'υ',
            'ώ' => 'ω',
            c => c,
        })
        .collect()
}

#[test]
fn gendered_family_names_follow_each_language_rule() {
    let mut checked = 0;
    for pool in pools() {
        let Some((pairs, unchanging)) = gender_rule(pool.country) else {
            for f in pool.family {
                assert_eq!(
                    f.male.native, f.female.native,
                    "{}: family names are not gendered",
                    pool.country
                );
            }
            continue;
        };
        for f in pool.family {
            let (male, female) = (without_tonos(f.male.native), without_tonos(f.female.native));
            let what = format!("{}: {} / {}", pool.country, f.male.native, f.female.native);
            if male != female {
                checked += 1;
                let follows = pairs.iter().any(|(m, w)| {
                    male.strip_suffix(m)
                        .is_some_and(|stem| female.strip_suffix(w) == Some(stem))
                });
                assert!(follows, "{what}: the female form does not follow the rule");
            }
            if unchanging.iter().any(|e| male.ends_with(e)) {
                assert_eq!(male, female, "{what}: this ending does not change");
            } else if pairs.iter().any(|(m, _)| male.ends_with(m)) {
                assert_ne!(male, female, "{what}: this ending has a female form");
            }
            // The romanisations follow the native forms.
            assert_eq!(
                f.male.native == f.female.native,
                f.male.romanised[0] == f.female.romanised[0],
                "{what}: romanised {} / {}",
                f.male.romanised[0],
                f.female.romanised[0]
            );
        }
    }
    assert!(checked >= 100, "only {checked} gendered pairs");
}

#[test]
fn family_name_comes_first_for_korean_vietnamese_hungarian_and_burmese_names() {
    for pool in pools() {
        let expected = ["KR", "KP", "VN", "HU", "MM"].contains(&pool.country);
        assert_eq!(pool.family_name_first, expected, "{}", pool.country);
    }
}

/// (country, script, women's given names, men's given names, family names): the least
/// each pool holds, so that look-alike names are frequent enough to measure false matches.
const MINIMUM: &[(&str, Script, usize, usize, usize)] = &[
    ("UA", Script::Cyrillic, 20, 20, 25),
    ("RU", Script::Cyrillic, 20, 20, 25),
    ("KZ", Script::Cyrillic, 20, 20, 25),
    ("KG", Script::Cyrillic, 10, 10, 12),
    ("BY", Script::Cyrillic, 10, 10, 12),
    ("BG", Script::Cyrillic, 10, 10, 12),
    ("SY", Script::Arabic, 20, 20, 25),
    ("IQ", Script::Arabic, 20, 20, 25),
    ("SD", Script::Arabic, 20, 20, 25),
    ("AF", Script::Arabic, 20, 20, 25),
    ("LY", Script::Arabic, 12, 12, 15),
    ("YE", Script::Arabic, 12, 12, 15),
    ("KR", Script::Hangul, 20, 20, 15),
    ("KP", Script::Hangul, 10, 10, 10),
    ("MM", Script::Myanmar, 10, 10, 10),
    ("TH", Script::Thai, 10, 10, 12),
    ("NP", Script::Devanagari, 10, 10, 12),
    ("GE", Script::Georgian, 10, 10, 12),
    ("AM", Script::Armenian, 10, 10, 12),
    ("GR", Script::Greek, 10, 10, 12),
    ("ET", Script::Ethiopic, 10, 10, 12),
    ("ER", Script::Ethiopic, 10, 10, 12),
    ("PL", Script::Latin, 15, 15, 20),
    ("RO", Script::Latin, 15, 15, 20),
    ("TR", Script::Latin, 15, 15, 20),
    ("VN", Script::Latin, 15, 15, 20),
    ("MD", Script::Latin, 10, 10, 12),
    ("CZ", Script::Latin, 10, 10, 12),
    ("AL", Script::Latin, 10, 10, 12),
    ("RS", Script::Latin, 10, 10, 12),
    ("HU", Script::Latin, 10, 10, 12),
    ("NG", Script::Latin, 10, 10, 12),
    ("SO", Script::Latin, 10, 10, 12),
    ("CD", Script::Latin, 10, 10, 12),
    ("SS", Script::Latin, 10, 10, 12),
    ("VE", Script::Latin, 10, 10, 12),
    ("CO", Script::Latin, 10, 10, 12),
    ("HT", Script::Latin, 10, 10, 12),
    ("PH", Script::Latin, 10, 10, 12),
    ("UZ", Script::Latin, 10, 10, 12),
];

#[test]
fn every_country_has_a_pool_of_at_least_its_minimum_size_in_its_script() {
    for &(country, script, female, male, family) in MINIMUM {
        let pool = pool(country).unwrap_or_else(|| panic!("no pool for {country}"));
        assert_eq!(pool.script, script, "{country}");
        assert!(
            pool.given_female.len() >= female,
            "{country}: {} women's names",
            pool.given_female.len()
        );
        assert!(
            pool.given_male.len() >= male,
            "{country}: {} men's names",
            pool.given_male.len()
        );
        assert!(
            pool.family.len() >= family,
            "{country}: {} family names",
            pool.family.len()
        );
    }
    for pool in pools() {
        assert!(
            MINIMUM.iter().any(|m| m.0 == pool.country),
            "{} has no minimum in this test",
            pool.country
        );
    }
}

#[test]
fn pools_cover_at_least_forty_countries() {
    assert!(pools().len() >= 40, "{} pools", pools().len());
}

#[test]
fn the_variants_the_linkage_tests_rely_on_are_present() {
    let has = |country: &str, native: &str, romanised: &[&str]| {
        let pool = pool(country).unwrap();
        let form = forms(pool).map(|(_, f)| f).find(|f| f.native == native);
        let form = form.unwrap_or_else(|| panic!("{country}: no {native}"));
        for r in romanised {
            assert!(form.romanised.contains(r), "{country}: {native} lacks {r}");
        }
    };
    has(
        "UA",
        "Олександр",
        &["Oleksandr", "Aleksandr", "Alexander", "Oleksander"],
    );
    has("KZ", "Абылкасымова", &["Abylkasymova", "Abylkassymova"]);
    has("SY", "محمد", &["Mohammed", "Muhammad", "Mohamed", "Mohamad"]);
    has("LY", "القذافي", &["Gaddafi", "Qaddafi", "Kadhafi", "al-Qadhafi"]);
    has("KR", "김", &["Kim", "Gim"]);
    has("KR", "정은", &["Jeong-eun", "Jung Eun", "Jong-un"]);
    has("PL", "Łukasz", &["Lukasz", "Lukash"]);
}

#[test]
fn composition_adds_at_least_three_family_names_per_listed_one() {
    for pool in pools() {
        // Vietnamese family names really are few (composition goes to the given names).
        let factor = if pool.country == "VN" { 2 } else { 3 };
        assert!(
            pool.family.len() >= factor * pool.listed_family(),
            "{}: {} family names for {} listed",
            pool.country,
            pool.family.len(),
            pool.listed_family()
        );
    }
}

#[test]
fn listed_names_stay_the_frequent_head() {
    for pool in pools() {
        let listed = pool.listed_family();
        let head: f64 = (0..listed).map(|i| pool.family_share(i)).sum::<f64>() / listed as f64;
        let tail: f64 = (listed..pool.family.len()).map(|i| pool.family_share(i)).sum::<f64>()
            / (pool.family.len() - listed) as f64;
        assert!(
            head > tail,
            "{}: listed {head:.5}, composed {tail:.5} on average",
            pool.country
        );
        let total: f64 = (0..pool.family.len()).map(|i| pool.family_share(i)).sum();
        assert!((total - 1.0).abs() < 1e-9, "{}: shares sum to {total}", pool.country);
    }
}

#[test]
fn korean_and_vietnamese_family_names_are_concentrated_and_given_names_diverse() {
    for (country, first, share) in [("KR", "김", 0.2), ("KP", "김", 0.2), ("VN", "Nguyễn", 0.35)] {
        let pool = pool(country).unwrap();
        assert_eq!(pool.family[0].male.native, first);
        assert!(pool.family_share(0) > share, "{country}: {}", pool.family_share(0));
        for female in [true, false] {
            let c = pool.given_coincidence(female);
            assert!(c < 1.0 / 150.0, "{country}: given names coincide 1 in {:.0}", 1.0 / c);
        }
    }
}

#[test]
fn composed_names_vary_as_their_parts_do() {
    let has = |country: &str, native: &str, romanised: &[&str]| {
        let pool = pool(country).unwrap();
        let form = forms(pool).map(|(_, f)| f).find(|f| f.native == native);
        let form = form.unwrap_or_else(|| panic!("{country}: no {native}"));
        for r in romanised {
            assert!(
                form.romanised.contains(r),
                "{country}: {native} lacks {r}: {:?}",
                form.romanised
            );
        }
    };
    // Root + suffix, each romanised by the same system: Ткач + ук.
    has("UA", "Вовчук", &["Vovchuk", "Wowtschuk", "Wowczuk", "Vovtchouk"]);
    has("UA", "Вовченко", &["Vovchenko", "Wowtschenko"]);
    has("UA", "Петришин", &["Petryshyn", "Petrishin"]);
    has("RU", "Медведева", &["Medvedeva", "Medwedewa"]);
    has("RU", "Воробьёв", &["Vorobev", "Vorobyov", "Vorobiev", "Worobjow"]);
    has("BY", "Кавалёнак", &["Kavalionak", "Kavalyonak"]);
    has("KZ", "Жұмабекұлы", &["Zhumabekuly", "Jumabekuly"]);
    has("GE", "მჭედლიშვილი", &["Mchedlishvili", "Mtschedlischwili"]);
    has("AM", "Հակոբյան", &["Hakobyan", "Hakobian", "Akobyan", "Hagopian"]);
    has("GR", "Γεωργόπουλος", &["Georgopoulos", "Georgopulos"]);
    has("GR", "Γεωργοπούλου", &["Georgopoulou"]);
    has("PL", "Adamczyk", &["Adamczyk", "Adamchik"]);
    has("TR", "Karakaya", &["Karakaya", "Karakaja"]);
    has("CZ", "Hájková", &["Hajkova"]);
    has("SY", "الحسيني", &["al-Husseini", "Al Hussaini", "Alhusaini"]);
    has("IQ", "عبد الكريم", &["Abdulkareem", "Abdul Karim"]);
    has("SD", "الفكي", &["Elfaki", "Alfeki"]);
    has("AF", "کریمزی", &["Karimzai", "Kareemzai", "Karimzay"]);
    has("KR", "민혁", &["Min-hyuk", "Minhyeok", "Min-hyŏk", "Min Hyuk"]);
    has("KP", "영철", &["Yong-chol", "Yong Chol", "Yŏng-ch'ŏl", "Young-chul"]);
    has("VN", "Thị Hương", &["Thi Huong", "Thi-Huong", "Thihuong"]);
    has("TH", "แสงทอง", &["Saengthong", "Sangthong"]);
    has("ET", "ገብረማርያም", &["Gebremariam", "Gebre Mariam"]);
    has(
        "VE",
        "Pérez Rodríguez",
        &["Perez Rodriguez", "Perez-Rodriguez", "Peres Rodrigues"],
    );
}
