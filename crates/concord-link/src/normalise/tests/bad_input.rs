//! Input that is not a usable name: refused with a clear error, never a panic, and
//! never a part that is not plain a-z.

use proptest::prelude::*;

use super::*;

#[test]
fn a_name_without_letters_is_refused() {
    for text in [
        "",
        "   ",
        "---",
        "12345",
        "!!!",
        "\u{200B}\u{200F}",
        "\u{0301}\u{0308}",
        "😀 🇺🇦",
        "٣٤٥",
    ] {
        assert_eq!(normalise(text), Err(NameError::NoLetters), "{text:?}");
    }
}

#[test]
fn a_name_longer_than_the_limit_is_refused_before_any_work() {
    let long = "Коваленко".repeat(1_200);
    assert!(long.chars().count() > 10_000);
    let started = std::time::Instant::now();
    assert_eq!(normalise(&long), Err(NameError::TooLong { max: MAX_NAME_CHARS }));
    println!(
        "refusing a {}-character name took {:?}",
        long.chars().count(),
        started.elapsed()
    );
    assert!(normalise(&"a".repeat(MAX_NAME_CHARS)).is_ok());
    assert!(normalise(&"a".repeat(MAX_NAME_CHARS + 1)).is_err());
}

#[test]
fn a_word_mixing_scripts_is_refused_without_showing_the_name() {
    let homoglyph = "Olena K\u{043E}valenko";
    let error = normalise(homoglyph).unwrap_err();
    assert_eq!(
        error,
        NameError::MixedScripts {
            word: 2,
            first: Script::Latin,
            second: Script::Cyrillic
        }
    );
    let message = error.to_string();
    assert_eq!(
        message,
        "word 2 mixes Latin and Cyrillic letters; expected each word in one script"
    );
    assert!(!message.to_lowercase().contains("olena") && !message.contains("valenko"));
    assert!(
        normalise("Olena Коваленко").is_ok(),
        "two words in two scripts are fine"
    );
}

#[test]
fn error_messages_say_what_was_expected() {
    assert_eq!(
        NameError::NoLetters.to_string(),
        "the name has no letters; expected at least one letter of some script"
    );
    assert_eq!(
        NameError::TooLong { max: MAX_NAME_CHARS }.to_string(),
        "the name is longer than 200 characters; expected at most 200"
    );
}

#[test]
fn format_characters_and_stray_marks_neither_split_nor_leak_in() {
    assert_eq!(parts("Ole\u{200D}na\u{200B} Ko\u{00AD}valenko"), ["olena", "kovalenko"]);
    assert_eq!(parts("\u{200F}محمد\u{200E}"), parts("محمد"));
    assert_eq!(parts("\u{202B}Olena\u{202C}"), ["olena"]);
    assert_eq!(parts("\u{0301}Olena"), ["olena"]);
    assert_eq!(parts("Olena 😀 Kovalenko"), ["olena", "kovalenko"]);
    assert_eq!(parts("Olena2 Kovalenko"), ["olena", "kovalenko"]);
    assert_eq!(parts("O'Brien"), ["obrien"]);
    assert_eq!(parts("Oʻgʻiloy"), parts("Ogiloy"));
}

#[test]
fn compatibility_forms_are_read_as_the_letters_they_show() {
    assert_eq!(parts("ＯＬＥＮＡ"), ["olena"]);
    assert_eq!(parts("\u{FEE3}\u{FEA4}\u{FEE4}\u{FEAA}"), parts("محمد"));
}

#[test]
fn gendered_family_names_stay_apart() {
    for (male, female) in [
        ("Ivanov", "Ivanova"),
        ("Іванов", "Іванова"),
        ("Novák", "Nováková"),
        ("Kowalski", "Kowalska"),
    ] {
        assert_ne!(parts(male), parts(female), "{male} / {female}");
    }
    assert_ne!(
        skeleton(&joined(&parts("Petrov"))),
        skeleton(&joined(&parts("Petrova")))
    );
}

#[test]
fn unrelated_common_names_stay_far_apart() {
    let pairs = [
        ("Olena", "Mykola"),
        ("Mohammed", "Ahmad"),
        ("Kovalenko", "Shevchenko"),
        ("Maria", "Marina"),
    ];
    for (a, b) in pairs {
        let (a_parts, b_parts) = (joined(&parts(a)), joined(&parts(b)));
        let similarity = dice(&a_parts, &b_parts);
        assert!(similarity < 0.7, "{a} / {b}: {similarity:.2}");
        assert_ne!(skeleton(&a_parts), skeleton(&b_parts), "{a} / {b}");
    }
    assert_ne!(parts("Olena"), parts("Alena"));
    assert_ne!(parts("Hasan"), parts("Gasan"));
}

proptest! {
    #[test]
    fn normalise_never_panics_and_gives_only_plain_letters(text in any::<String>()) {
        if let Ok(parts) = normalise(&text) {
            prop_assert!(!parts.is_empty());
            for part in parts {
                prop_assert!(!part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase()), "{part:?}");
            }
        }
    }

    #[test]
    fn normalise_handles_any_mix_of_name_scripts(text in "[a-zA-Zа-яА-Яіїєґўәғқңөұүһابتثجحخدذرزسشصضطظعغفقكلمنهويةىأإآءئؤیکپچژگ가-힣α-ωΑ-Ωა-ჰԱ-Ֆա-ֆ \\-'\u{200B}\u{0301}]{0,40}") {
        if let Ok(parts) = normalise(&text) {
            for part in parts {
                prop_assert!(!part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase()), "{part:?}");
            }
        }
    }

    #[test]
    fn skeleton_never_panics(part in "[a-z]{0,30}") {
        let skeleton = skeleton(&part);
        prop_assert!(skeleton.bytes().all(|b| b.is_ascii_lowercase()));
    }
}
