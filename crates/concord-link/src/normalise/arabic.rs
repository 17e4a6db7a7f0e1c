//! Arabic script (Arabic, Dari/Persian, Pashto) to Latin.
//!
//! Arabic writes long vowels and consonants only, so the output is a consonant frame
//! with the long vowels: محمد → mhmd, يوسف → yusf. The romanised forms carry short vowels
//! this cannot know; the skeleton, which drops vowels, is what bridges the two.
//!
//! Choices: the article ال is dropped (as the folding drops al-/el- from romanised
//! forms); alef forms, taa marbuta and alef maksura are a; hamza alone is silent, on waw
//! u, on yeh i; ʿayn is written as the vowel a (Omar, Ali, Jaafar). Waw and yeh are the
//! consonants w and y at the start of a word, after alef or before a vowel letter, else
//! the long vowels u and i. A final heh not after alef is the Dari/Persian feminine
//! ending a (فاطمه → fatma, شکریه → shkria). An h written after a consonant is kept
//! apart from it, so that ز then ه is not read as the digraph zh. In a word with Persian or Pashto letters ذ ظ ز ض are z and
//! ث ص س are s, as Afghan records write them (Zabihullah).

/// Appends the Arabic-script `word` as a-z to `out`.
pub(super) fn push(word: &str, out: &mut String) {
    let letters: Vec<char> = word.chars().filter(|&c| letter(c, false).is_some()).collect();
    let letters = strip_article(&letters);
    if let Some(particle) = particle(letters) {
        out.push_str(particle);
    } else if let Some(stem) = letters
        .strip_suffix(ALLAH.as_slice())
        .filter(|_| letters.len() > ALLAH.len())
    {
        push_letters(stem, out);
        out.push_str("ullah");
    } else if letters == ALLAH || letters == &ALLAH[1..] {
        out.push_str("allah");
    } else {
        push_letters(letters, out);
    }
}

/// The particles of kinship, spelt as records spell them: ibn, bin and bint write short
/// vowels the script leaves out.
fn particle(letters: &[char]) -> Option<&'static str> {
    Some(match letters {
        ['ب', 'ن'] => "bin",
        ['ا', 'ب', 'ن'] => "ibn",
        ['ب', 'ن', 'ت'] => "bint",
        _ => return None,
    })
}

/// The name of God, written with its article: الله.
const ALLAH: [char; 4] = ['ا', 'ل', 'ل', 'ه'];

/// The word without the article ال, unless that would leave less than two letters or
/// the word is الله.
fn strip_article(letters: &[char]) -> &[char] {
    match letters {
        ['ا', 'ل', rest @ ..] if rest.len() >= 2 && letters != ALLAH => rest,
        _ => letters,
    }
}

fn push_letters(letters: &[char], out: &mut String) {
    let persian = letters.iter().any(|&c| is_persian(c));
    for (i, &c) in letters.iter().enumerate() {
        let before = i.checked_sub(1).map(|j| letters[j]);
        let after = letters.get(i + 1).copied();
        match c {
            'و' if is_consonant_position(before, after) => push_apart("w", out),
            'و' => out.push('u'),
            'ي' | 'ی' => out.push(if is_consonant_position(before, after) { 'y' } else { 'i' }),
            'ه' | 'ہ' | 'ھ' if after.is_none() && before.is_some_and(|b| !matches!(b, 'ا' | 'آ')) => out.push('a'),
            _ => push_apart(letter(c, persian).unwrap_or(""), out),
        }
    }
}

/// Appends `spelling`, kept apart from the letter before it where the two would read as
/// one Latin digraph: ز then ه is z-h, not zh; د then ج is d-j, not dj; م then و is m-w,
/// not the mu of a Dinka-style w.
fn push_apart(spelling: &str, out: &mut String) {
    let (Some(last), Some(first)) = (out.chars().last(), spelling.chars().next()) else {
        out.push_str(spelling);
        return;
    };
    let digraph = matches!(
        (last, first),
        (_, 'h' | 'w') | ('s' | 'z' | 'd', 'z') | ('d', 'j') | ('t', 's')
    );
    if digraph && !matches!(last, 'a' | 'i' | 'u') {
        out.push(super::fold::BOUNDARY);
    }
    out.push_str(spelling);
}

/// Waw and yeh are consonants at the start, after alef or ʿayn, or before a vowel letter.
fn is_consonant_position(before: Option<char>, after: Option<char>) -> bool {
    before.is_none_or(|b| matches!(b, 'ا' | 'آ' | 'أ' | 'ع')) || after.is_some_and(is_vowel_letter)
}

fn is_vowel_letter(c: char) -> bool {
    matches!(c, 'ا' | 'آ' | 'أ' | 'إ' | 'و' | 'ي' | 'ی' | 'ى' | 'ة' | 'ۍ' | 'ې' | 'ے')
}

/// Letters found only in Persian, Dari and Pashto spelling.
fn is_persian(c: char) -> bool {
    matches!(
        c,
        'پ' | 'چ' | 'ژ' | 'گ' | 'ک' | 'ی' | 'ۍ' | 'ې' | 'ټ' | 'ډ' | 'ړ' | 'ږ' | 'ښ' | 'ځ' | 'څ' | 'ڼ' | 'ګ'
    )
}

fn letter(c: char, persian: bool) -> Option<&'static str> {
    Some(match c {
        'ا' | 'أ' | 'آ' | 'ٱ' | 'ى' | 'ة' | 'ع' => "a",
        'إ' | 'ئ' => "i",
        'ؤ' | 'و' => "u",
        'ب' => "b",
        'پ' => "p",
        'ت' | 'ط' | 'ټ' | 'ٹ' => "t",
        'ث' if persian => "s",
        'ث' => "th",
        'ج' => "j",
        'چ' => "ch",
        'ح' | 'ه' | 'ہ' | 'ھ' => "h",
        'خ' => "kh",
        'د' | 'ډ' | 'ڈ' => "d",
        'ذ' | 'ظ' | 'ض' if persian => "z",
        'ذ' => "dh",
        'ظ' => "z",
        'ض' => "d",
        'ر' | 'ړ' | 'ڑ' => "r",
        'ز' | 'ځ' => "z",
        'ژ' | 'ږ' => "zh",
        'س' | 'ص' => "s",
        'ش' | 'ښ' => "sh",
        'غ' => "gh",
        'ف' => "f",
        'ق' => "q",
        'ك' | 'ک' => "k",
        'گ' | 'ګ' => "g",
        'ل' => "l",
        'م' => "m",
        'ن' | 'ڼ' | 'ں' => "n",
        'ي' | 'ی' => "i",
        'ۍ' => "ai",
        'ې' | 'ے' => "e",
        'څ' => "ts",
        _ => return None,
    })
}
