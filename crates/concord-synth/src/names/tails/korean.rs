//! Korean names. Family names really are few and concentrated (Kim is about 21% of South
//! Koreans, Lee 15%, Park 8%), so they keep their measured shares, with the rarer ones
//! added. Given names are what tells Koreans apart: two syllables, each from a few dozen
//! common given-name syllables, so they are composed.
//!
//! A composed given name is romanised from its syllables: the popular passport spelling
//! of each (Ji-hyun), Revised Romanization (Jihyeon) and McCune–Reischauer (Chi-hyŏn) are
//! computed from the Hangul, and North Korean names take the DPRK's own spelling
//! (Yong-chol, Yong Chol) before the others.

use super::super::romanise::capitalised;
use super::{Family, Form, Shape, Tail};

/// A given-name syllable and its popular (South Korean passport) spelling.
type Syllable = (char, &'static str);

/// Initial consonants: Revised Romanization, McCune–Reischauer (initial; between voiced
/// sounds), DPRK.
const INITIALS: [(&str, &str, &str, &str); 19] = [
    ("g", "k", "g", "k"),
    ("kk", "kk", "kk", "kk"),
    ("n", "n", "n", "n"),
    ("d", "t", "d", "t"),
    ("tt", "tt", "tt", "tt"),
    ("r", "r", "r", "r"),
    ("m", "m", "m", "m"),
    ("b", "p", "b", "p"),
    ("pp", "pp", "pp", "pp"),
    ("s", "s", "s", "s"),
    ("ss", "ss", "ss", "ss"),
    ("", "", "", ""),
    ("j", "ch", "j", "j"),
    ("jj", "tch", "tch", "jj"),
    ("ch", "ch'", "ch'", "ch"),
    ("k", "k'", "k'", "kh"),
    ("t", "t'", "t'", "th"),
    ("p", "p'", "p'", "ph"),
    ("h", "h", "h", "h"),
];

/// Vowels: Revised Romanization, McCune–Reischauer, DPRK.
const VOWELS: [(&str, &str, &str); 21] = [
    ("a", "a", "a"),
    ("ae", "ae", "ae"),
    ("ya", "ya", "ya"),
    ("yae", "yae", "yae"),
    ("eo", "ŏ", "o"),
    ("e", "e", "e"),
    ("yeo", "yŏ", "yo"),
    ("ye", "ye", "ye"),
    ("o", "o", "o"),
    ("wa", "wa", "wa"),
    ("wae", "wae", "wae"),
    ("oe", "oe", "oe"),
    ("yo", "yo", "yo"),
    ("u", "u", "u"),
    ("wo", "wŏ", "wo"),
    ("we", "we", "we"),
    ("wi", "wi", "wi"),
    ("yu", "yu", "yu"),
    ("eu", "ŭ", "u"),
    ("ui", "ŭi", "ui"),
    ("i", "i", "i"),
];

/// Final consonants, as all three systems write them at the end of a syllable.
const FINALS: [&str; 28] = [
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng", "t",
    "t", "k", "t", "p", "t",
];

/// A syllable's initial, vowel and final, as indexes into the tables above.
fn jamo(syllable: char) -> (usize, usize, usize) {
    let code = (u32::from(syllable) - 0xAC00) as usize;
    (code / 588, (code % 588) / 28, code % 28)
}

/// The Revised Romanization of a syllable.
fn revised(syllable: char) -> String {
    let (i, v, f) = jamo(syllable);
    format!("{}{}{}", INITIALS[i].0, VOWELS[v].0, FINALS[f])
}

/// The McCune–Reischauer romanisation of a syllable; `voiced` when it follows a vowel or
/// a voiced consonant inside a name (Min-ji, not Min-chi).
fn mccune(syllable: char, voiced: bool) -> String {
    let (i, v, f) = jamo(syllable);
    let initial = if voiced { INITIALS[i].2 } else { INITIALS[i].1 };
    let initial = if initial == "s" && (v == 20 || v == 16) {
        "sh"
    } else {
        initial
    };
    format!("{initial}{}{}", VOWELS[v].1, FINALS[f])
}

/// The DPRK romanisation of a syllable.
fn dprk(syllable: char) -> String {
    let (i, v, f) = jamo(syllable);
    format!("{}{}{}", INITIALS[i].3, VOWELS[v].2, FINALS[f])
}

/// Whether a syllable ends in a vowel or a voiced consonant (n, l, m, ng).
fn ends_voiced(syllable: char) -> bool {
    matches!(jamo(syllable).2, 0 | 4 | 8 | 16 | 21)
}

/// A given name of two syllables, romanised for South Korean records.
fn south_given(first: Syllable, second: Syllable) -> Form {
    let native: String = [first.0, second.0].iter().collect();
    let mr = format!(
        "{}-{}",
        capitalised(&mccune(first.0, false)),
        mccune(second.0, ends_voiced(first.0))
    );
    let romanised = [
        format!("{}-{}", first.1, second.1.to_lowercase()),
        capitalised(&format!("{}{}", revised(first.0), revised(second.0))),
        mr,
        format!("{} {}", first.1, second.1),
    ];
    Form::new(native, romanised)
}

/// A given name of two syllables, romanised for North Korean records.
fn north_given(first: Syllable, second: Syllable) -> Form {
    let native: String = [first.0, second.0].iter().collect();
    let (a, b) = (capitalised(&dprk(first.0)), dprk(second.0));
    let mr = format!(
        "{}-{}",
        capitalised(&mccune(first.0, false)),
        mccune(second.0, ends_voiced(first.0))
    );
    let romanised = [
        format!("{a}-{b}"),
        format!("{a} {}", capitalised(&b)),
        mr,
        format!("{}-{}", first.1, second.1.to_lowercase()),
    ];
    Form::new(native, romanised)
}

/// Every name of a first and a second syllable (not the same one twice), weighted by the
/// syllables' ranks.
fn given(firsts: &[Syllable], seconds: &[Syllable], compose: fn(Syllable, Syllable) -> Form) -> Vec<(Form, u64)> {
    let mut names = Vec::new();
    for (i, &first) in firsts.iter().enumerate() {
        for (j, &second) in seconds.iter().enumerate() {
            if first.0 != second.0 {
                names.push((compose(first, second), super::rank_weight(i) * super::rank_weight(j)));
            }
        }
    }
    names
}

/// Rare family names, with their share in units of 0.01%.
fn rare(names: &[(&'static str, &'static [&'static str], u64)]) -> Vec<Family> {
    names
        .iter()
        .map(|&(native, romanised, weight)| Family {
            male: Form::new(native, romanised.iter().map(|r| r.to_string())),
            female: None,
            weight,
        })
        .collect()
}

pub(super) fn south() -> Tail {
    Tail {
        given_female: given(KR_FEMALE_FIRST, KR_FEMALE_SECOND, south_given),
        given_male: given(KR_MALE_FIRST, KR_MALE_SECOND, south_given),
        given: Shape::Zipf(60),
        family: rare(KR_RARE),
        family_shape: Shape::Measured(KR_SHARES),
    }
}

pub(super) fn north() -> Tail {
    Tail {
        given_female: given(KP_FEMALE_FIRST, KP_FEMALE_SECOND, north_given),
        given_male: given(KP_MALE_FIRST, KP_MALE_SECOND, north_given),
        given: Shape::Zipf(40),
        family: rare(KP_RARE),
        family_shape: Shape::Measured(KP_SHARES),
    }
}

/// Shares of the listed South Korean family names (2015 census), in units of 0.01%.
const KR_SHARES: &[u32] = &[
    2150, 1470, 840, 470, 430, 230, 210, 210, 200, 170, 150, 150, 150, 150, 140, 140, 140, 130, 100, 110, 110, 90, 90,
    90,
];

const KR_RARE: &[(&str, &[&str], u64)] = &[
    ("양", &["Yang"], 100),
    ("배", &["Bae", "Pae"], 80),
    ("백", &["Baek", "Paik", "Baik", "Paek"], 80),
    ("허", &["Heo", "Huh", "Hur"], 60),
    ("유", &["Yoo", "Yu"], 60),
    ("남", &["Nam"], 60),
    ("심", &["Shim", "Sim"], 50),
    ("노", &["Noh", "Roh", "No"], 40),
    ("하", &["Ha"], 50),
    ("곽", &["Kwak", "Gwak"], 40),
    ("성", &["Sung", "Seong"], 40),
    ("차", &["Cha"], 40),
    ("주", &["Joo", "Ju", "Chu"], 40),
    ("우", &["Woo", "U"], 40),
    ("구", &["Koo", "Ku", "Gu"], 40),
    ("민", &["Min"], 30),
    ("진", &["Jin", "Chin"], 30),
    ("나", &["Na", "Ra"], 30),
    ("지", &["Ji", "Chi"], 30),
    ("엄", &["Eom", "Um", "Uhm"], 30),
    ("채", &["Chae"], 30),
    ("원", &["Won"], 30),
    ("천", &["Cheon", "Chun", "Chon"], 20),
    ("방", &["Bang", "Pang"], 20),
    ("공", &["Kong", "Gong"], 20),
    ("현", &["Hyun", "Hyeon"], 20),
    ("함", &["Ham"], 20),
    ("변", &["Byun", "Byeon", "Pyon"], 30),
    ("염", &["Yeom", "Yum"], 10),
    ("여", &["Yeo", "Yu"], 10),
    ("추", &["Choo", "Chu"], 10),
    ("도", &["Do", "To"], 10),
    ("소", &["So"], 10),
    ("석", &["Seok", "Suk"], 10),
    ("선", &["Sun", "Seon"], 10),
    ("설", &["Seol", "Sul"], 10),
    ("마", &["Ma"], 10),
    ("길", &["Gil", "Kil"], 10),
    ("연", &["Yeon", "Yun"], 10),
    ("위", &["Wi", "Wee"], 10),
    ("표", &["Pyo"], 10),
    ("명", &["Myung", "Myeong"], 10),
    ("기", &["Ki", "Gi"], 10),
    ("반", &["Ban", "Pan"], 10),
    ("왕", &["Wang"], 5),
    ("금", &["Keum", "Geum", "Kum"], 10),
    ("옥", &["Ok"], 5),
    ("육", &["Yook", "Yuk"], 5),
    ("인", &["In"], 5),
    ("맹", &["Maeng"], 5),
    ("제", &["Je", "Jae"], 5),
    ("모", &["Mo"], 5),
    ("탁", &["Tak"], 5),
    ("국", &["Kook", "Guk"], 5),
    ("남궁", &["Namgung", "Namkoong"], 4),
    ("황보", &["Hwangbo"], 2),
    ("제갈", &["Jegal"], 1),
    ("선우", &["Sunwoo", "Seonu"], 1),
];

const KR_FEMALE_FIRST: &[Syllable] = &[
    ('지', "Ji"),
    ('서', "Seo"),
    ('수', "Su"),
    ('민', "Min"),
    ('은', "Eun"),
    ('혜', "Hye"),
    ('미', "Mi"),
    ('유', "Yu"),
    ('하', "Ha"),
    ('예', "Ye"),
    ('소', "So"),
    ('경', "Kyung"),
    ('정', "Jung"),
    ('현', "Hyun"),
    ('영', "Young"),
    ('윤', "Yoon"),
    ('채', "Chae"),
    ('다', "Da"),
    ('나', "Na"),
    ('가', "Ga"),
    ('보', "Bo"),
    ('효', "Hyo"),
    ('선', "Sun"),
    ('연', "Yeon"),
    ('주', "Joo"),
    ('아', "A"),
];

const KR_FEMALE_SECOND: &[Syllable] = &[
    ('현', "Hyun"),
    ('연', "Yeon"),
    ('은', "Eun"),
    ('진', "Jin"),
    ('영', "Young"),
    ('지', "Ji"),
    ('민', "Min"),
    ('서', "Seo"),
    ('윤', "Yoon"),
    ('희', "Hee"),
    ('아', "A"),
    ('원', "Won"),
    ('주', "Joo"),
    ('빈', "Bin"),
    ('린', "Rin"),
    ('정', "Jung"),
    ('경', "Kyung"),
    ('숙', "Sook"),
    ('순', "Soon"),
    ('자', "Ja"),
    ('화', "Hwa"),
    ('란', "Ran"),
    ('나', "Na"),
    ('미', "Mi"),
    ('하', "Ha"),
    ('슬', "Seul"),
];

const KR_MALE_FIRST: &[Syllable] = &[
    ('민', "Min"),
    ('준', "Jun"),
    ('서', "Seo"),
    ('도', "Do"),
    ('지', "Ji"),
    ('현', "Hyun"),
    ('성', "Sung"),
    ('동', "Dong"),
    ('영', "Young"),
    ('상', "Sang"),
    ('재', "Jae"),
    ('정', "Jung"),
    ('승', "Seung"),
    ('진', "Jin"),
    ('건', "Gun"),
    ('시', "Si"),
    ('예', "Ye"),
    ('종', "Jong"),
    ('태', "Tae"),
    ('용', "Yong"),
    ('광', "Kwang"),
    ('명', "Myung"),
    ('규', "Kyu"),
    ('대', "Dae"),
    ('한', "Han"),
    ('형', "Hyung"),
    ('창', "Chang"),
    ('우', "Woo"),
    ('주', "Joo"),
    ('석', "Seok"),
];

const KR_MALE_SECOND: &[Syllable] = &[
    ('준', "Jun"),
    ('훈', "Hoon"),
    ('우', "Woo"),
    ('민', "Min"),
    ('호', "Ho"),
    ('현', "Hyun"),
    ('수', "Soo"),
    ('석', "Seok"),
    ('진', "Jin"),
    ('혁', "Hyuk"),
    ('철', "Chul"),
    ('범', "Bum"),
    ('기', "Ki"),
    ('성', "Sung"),
    ('일', "Il"),
    ('환', "Hwan"),
    ('식', "Sik"),
    ('섭', "Seop"),
    ('열', "Yeol"),
    ('찬', "Chan"),
    ('택', "Taek"),
    ('웅', "Woong"),
    ('빈', "Bin"),
    ('원', "Won"),
    ('영', "Young"),
    ('남', "Nam"),
    ('국', "Kook"),
    ('근', "Geun"),
    ('규', "Kyu"),
    ('재', "Jae"),
];

/// Shares of the listed North Korean family names, in units of 0.01% (estimates: North
/// Korea publishes no census of names; close to the South's, with Ri for Lee).
const KP_SHARES: &[u32] = &[
    2200, 1500, 840, 470, 430, 230, 210, 210, 200, 170, 150, 110, 100, 140, 110,
];

const KP_RARE: &[(&str, &[&str], u64)] = &[
    ("오", &["O", "Oh"], 150),
    ("서", &["So", "Seo"], 150),
    ("신", &["Sin", "Shin"], 150),
    ("권", &["Kwon", "Kwŏn"], 140),
    ("안", &["An", "Ahn"], 140),
    ("송", &["Song"], 130),
    ("홍", &["Hong"], 110),
    ("고", &["Ko", "Koh"], 90),
    ("문", &["Mun", "Moon"], 90),
    ("손", &["Son", "Sohn"], 90),
    ("량", &["Ryang", "Yang"], 100),
    ("배", &["Pae", "Bae"], 80),
    ("백", &["Paek", "Baek"], 80),
    ("허", &["Ho", "Huh"], 60),
    ("남", &["Nam"], 60),
    ("심", &["Sim", "Shim"], 50),
    ("하", &["Ha"], 50),
    ("곽", &["Kwak"], 40),
    ("차", &["Cha"], 40),
    ("주", &["Ju", "Joo"], 40),
    ("우", &["U", "Woo"], 40),
    ("구", &["Ku", "Koo"], 40),
    ("민", &["Min"], 30),
    ("진", &["Jin", "Chin"], 30),
    ("라", &["Ra", "Na"], 30),
    ("지", &["Ji", "Chi"], 30),
    ("엄", &["Om", "Um"], 30),
    ("채", &["Chae"], 30),
    ("원", &["Won"], 30),
    ("천", &["Chon", "Cheon"], 20),
    ("방", &["Pang", "Bang"], 20),
    ("현", &["Hyon", "Hyun"], 20),
    ("함", &["Ham"], 20),
    ("변", &["Pyon", "Byun"], 30),
    ("렴", &["Ryom", "Yeom"], 10),
    ("려", &["Ryo", "Yeo"], 10),
    ("석", &["Sok", "Seok"], 10),
    ("설", &["Sol", "Seol"], 10),
    ("길", &["Kil", "Gil"], 10),
    ("련", &["Ryon", "Yeon"], 10),
    ("표", &["Phyo", "Pyo"], 10),
    ("명", &["Myong", "Myung"], 10),
    ("계", &["Kye", "Gye"], 10),
    ("태", &["Thae", "Tae"], 10),
    ("탁", &["Thak", "Tak"], 5),
];

const KP_FEMALE_FIRST: &[Syllable] = &[
    ('옥', "Ok"),
    ('순', "Soon"),
    ('영', "Young"),
    ('금', "Geum"),
    ('은', "Eun"),
    ('명', "Myung"),
    ('혜', "Hye"),
    ('정', "Jung"),
    ('춘', "Chun"),
    ('련', "Yeon"),
    ('경', "Kyung"),
    ('향', "Hyang"),
    ('설', "Seol"),
    ('성', "Sung"),
    ('선', "Sun"),
    ('미', "Mi"),
    ('복', "Bok"),
    ('봉', "Bong"),
    ('송', "Song"),
];

const KP_FEMALE_SECOND: &[Syllable] = &[
    ('순', "Soon"),
    ('희', "Hee"),
    ('옥', "Ok"),
    ('숙', "Sook"),
    ('정', "Jung"),
    ('화', "Hwa"),
    ('심', "Sim"),
    ('녀', "Nyeo"),
    ('실', "Sil"),
    ('미', "Mi"),
    ('향', "Hyang"),
    ('련', "Ryeon"),
    ('경', "Kyung"),
    ('애', "Ae"),
    ('주', "Joo"),
    ('단', "Dan"),
];

const KP_MALE_FIRST: &[Syllable] = &[
    ('영', "Young"),
    ('명', "Myung"),
    ('광', "Kwang"),
    ('성', "Sung"),
    ('정', "Jung"),
    ('진', "Jin"),
    ('남', "Nam"),
    ('국', "Kook"),
    ('룡', "Yong"),
    ('철', "Chul"),
    ('혁', "Hyuk"),
    ('용', "Yong"),
    ('봉', "Bong"),
    ('경', "Kyung"),
    ('창', "Chang"),
    ('일', "Il"),
    ('학', "Hak"),
    ('수', "Soo"),
    ('문', "Moon"),
    ('덕', "Deok"),
];

const KP_MALE_SECOND: &[Syllable] = &[
    ('철', "Chul"),
    ('호', "Ho"),
    ('혁', "Hyuk"),
    ('진', "Jin"),
    ('수', "Soo"),
    ('일', "Il"),
    ('남', "Nam"),
    ('만', "Man"),
    ('길', "Gil"),
    ('학', "Hak"),
    ('송', "Song"),
    ('준', "Jun"),
    ('식', "Sik"),
    ('명', "Myung"),
    ('근', "Geun"),
    ('국', "Kook"),
    ('범', "Bum"),
    ('룡', "Ryong"),
    ('웅', "Woong"),
];
