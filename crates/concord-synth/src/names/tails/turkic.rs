//! Kazakh, Kyrgyz, Uzbek and Turkish family names.
//!
//! Kazakh, Kyrgyz and Uzbek family names are mostly a forefather's given name with the
//! Russian -ов/-ев (Жұмабаев, Toshmatov), or "son of" / "daughter of" (Серікұлы, Бакыт
//! уулу); the given names are themselves often compounds (Жұма + бай, Нұр + сұлтан), so
//! roots are composed from a first and a second element as well as listed whole. Turkish
//! family names, chosen in 1934, are mostly two words put together (Kara + kaya,
//! Demir + taş, Öz + türk) or a forefather's name with -oğlu (Hasanoğlu).

use super::super::romanise::{KAZAKH, KYRGYZ, TURKISH, UZBEK};
use super::{gendered, rank_weight, same, Shape, Tail};

/// Roots made of a first and a second element, then the whole roots, most common first.
fn roots(firsts: &[&'static str], seconds: &[&'static str], whole: &[&'static str]) -> Vec<(String, u64)> {
    let mut roots: Vec<(String, u64)> = whole
        .iter()
        .enumerate()
        .map(|(i, r)| (r.to_string(), 3 * rank_weight(i)))
        .collect();
    for (i, first) in firsts.iter().enumerate() {
        for (j, second) in seconds.iter().enumerate() {
            if !first.ends_with(second) {
                roots.push((format!("{first}{second}"), rank_weight(i) * rank_weight(j) / 100_000));
            }
        }
    }
    roots
}

/// A Russian-style family name from a Central Asian root: -ев after a vowel or й
/// (Жұмабай → Жұмабаев, Жұма → Жұмаев), -ов after a consonant.
fn russian_style(root: &str, y: char) -> (String, String) {
    let stem = root.strip_suffix(y).unwrap_or(root);
    let vowel = stem.ends_with([
        'а', 'е', 'и', 'о', 'у', 'ы', 'і', 'ә', 'ө', 'ұ', 'ү', 'a', 'e', 'i', 'o', 'u',
    ]);
    let ending = if stem.len() < root.len() || vowel {
        "ев"
    } else {
        "ов"
    };
    (format!("{stem}{ending}"), format!("{stem}{ending}а"))
}

pub(super) fn kazakh() -> Tail {
    let mut family = Vec::new();
    for (root, weight) in roots(KZ_FIRST, KZ_SECOND, KZ_WHOLE) {
        let (male, female) = russian_style(&root, 'й');
        family.push(gendered(male, female, KAZAKH, 10 * weight));
        let (male, female) = (format!("{root}ұлы"), format!("{root}қызы"));
        family.push(gendered(male, female, KAZAKH, weight));
    }
    Tail::family(family, Shape::Zipf(120))
}

const KZ_FIRST: &[&str] = &[
    "Нұр",
    "Жұма",
    "Серік",
    "Бақыт",
    "Ер",
    "Сәрсен",
    "Бек",
    "Дос",
    "Ақ",
    "Тұрсын",
    "Жан",
    "Қали",
    "Ораз",
    "Ес",
    "Бай",
    "Сейіт",
    "Төле",
    "Қыдыр",
    "Әбді",
    "Құл",
    "Бейсен",
    "Мұса",
    "Қожа",
    "Сұлтан",
    "Тілеу",
    "Айт",
    "Жақсы",
    "Есен",
];

const KZ_SECOND: &[&str] = &[
    "бай",
    "бек",
    "жан",
    "бол",
    "ғали",
    "хан",
    "болат",
    "тай",
    "мұрат",
    "ғазы",
    "бағар",
];

const KZ_WHOLE: &[&str] = &[
    "Ахмет",
    "Омар",
    "Әли",
    "Қасым",
    "Оспан",
    "Исмаил",
    "Мұқан",
    "Ермек",
    "Тоқтар",
    "Нұрлан",
    "Ерлан",
    "Асхат",
    "Дәурен",
    "Бауыржан",
    "Қайрат",
    "Ғалым",
    "Әлихан",
    "Арман",
    "Айдос",
    "Мұхтар",
    "Талғат",
    "Жандос",
    "Дархан",
    "Әділ",
    "Сапар",
    "Сағат",
    "Бекет",
    "Болат",
    "Қанат",
    "Марат",
    "Мақсат",
    "Мұрат",
    "Ілияс",
    "Жақып",
    "Жүніс",
    "Мәди",
    "Рахым",
    "Кәрім",
    "Сәбит",
    "Шәкір",
    "Ыбырай",
    "Құрман",
    "Әшім",
    "Садық",
    "Смағұл",
    "Тәжі",
    "Нысанбай",
    "Әубәкір",
    "Мырзахмет",
    "Ысқақ",
    "Серғазы",
    "Байғара",
    "Шамшы",
    "Жәнібек",
    "Қабыл",
    "Қуаныш",
    "Бөкей",
    "Ыдырыс",
    "Жолдас",
    "Мамыр",
];

pub(super) fn kyrgyz() -> Tail {
    let mut family = Vec::new();
    for (root, weight) in roots(KG_FIRST, KG_SECOND, KG_WHOLE) {
        let root = match root.strip_suffix('ы') {
            Some(stem) => format!("{stem}и"),
            None => root,
        };
        let (male, female) = russian_style(&root, 'й');
        family.push(gendered(male, female, KYRGYZ, 10 * weight));
    }
    for (i, father) in KG_WHOLE.iter().enumerate() {
        let (male, female) = (format!("{father} уулу"), format!("{father} кызы"));
        family.push(gendered(male, female, KYRGYZ, 2 * rank_weight(i)));
    }
    Tail::family(family, Shape::Zipf(150))
}

const KG_FIRST: &[&str] = &[
    "Асан",
    "Жума",
    "Токто",
    "Турду",
    "Абды",
    "Алым",
    "Бейше",
    "Эсен",
    "Акмат",
    "Сатыбал",
    "Курман",
    "Нур",
    "Мамат",
    "Осмон",
    "Сары",
    "Кыдыр",
    "Мырза",
    "Сулай",
    "Төлө",
    "Эр",
];

const KG_SECOND: &[&str] = &["бек", "бай", "кул", "али", "алы", "гул", "ди", "мат", "ке"];

const KG_WHOLE: &[&str] = &[
    "Бакыт",
    "Азамат",
    "Нурлан",
    "Улан",
    "Эрлан",
    "Эрмек",
    "Темир",
    "Айбек",
    "Максат",
    "Талант",
    "Бекзат",
    "Жоомарт",
    "Кубат",
    "Төлөн",
    "Медер",
    "Мирлан",
    "Нурбек",
    "Самат",
    "Үмөт",
    "Чынгыз",
    "Эркин",
    "Таалай",
    "Женишбек",
    "Мамыт",
    "Сыдык",
    "Кадыр",
    "Осмонаалы",
    "Үсөн",
    "Шарип",
    "Каныбек",
    "Орозбек",
    "Сагын",
    "Калыс",
    "Борбу",
    "Жапар",
    "Ибраим",
    "Абдылда",
    "Айтмат",
    "Бакас",
    "Бообек",
    "Дыйкан",
    "Жаныбек",
    "Жусуп",
    "Имаш",
    "Качкын",
    "Кенже",
    "Койчу",
    "Көкөн",
    "Мамбет",
    "Мукаш",
    "Ормон",
    "Өмүр",
    "Рыскул",
    "Сапар",
    "Сейит",
    "Тагай",
    "Токон",
    "Урмат",
    "Чоро",
    "Эшмат",
];

pub(super) fn uzbek() -> Tail {
    let mut family = Vec::new();
    for (i, root) in UZ_ROOTS.iter().enumerate() {
        let vowel = root.ends_with(['a', 'e', 'i', 'o', 'u']);
        let (male, female) = if vowel || root.ends_with("boy") {
            (format!("{root}yev"), format!("{root}yeva"))
        } else {
            (format!("{root}ov"), format!("{root}ova"))
        };
        family.push(gendered(male, female, UZBEK, rank_weight(i)));
    }
    Tail::family(family, Shape::Zipf(80))
}

const UZ_ROOTS: &[&str] = &[
    "Karim",
    "Ergash",
    "Nurmat",
    "Ali",
    "Hasan",
    "Husan",
    "Sultan",
    "Rashid",
    "Shukur",
    "Tojiboy",
    "Joʻra",
    "Umar",
    "Yoqub",
    "Rustam",
    "Ibrohim",
    "Azim",
    "Akram",
    "Murod",
    "Olim",
    "Sharof",
    "Salim",
    "Hamid",
    "Ahmad",
    "Mahmud",
    "Rasul",
    "Sodiq",
    "Xoliq",
    "Nabi",
    "Vali",
    "Davlat",
    "Baxtiyor",
    "Ortiq",
    "Normat",
    "Eshmat",
    "Shodmon",
    "Tolib",
    "Zokir",
    "Fayzulla",
    "Nurulla",
    "Ikrom",
    "Islom",
    "Jalol",
    "Komil",
    "Mamat",
    "Muhammad",
    "Norboy",
    "Gʻulom",
    "Qoʻchqor",
    "Saydulla",
    "Abdurahmon",
    "Abduqodir",
    "Xudoyberdi",
    "Yoʻldosh",
    "Eshon",
    "Mirzo",
    "Qurbon",
    "Raxmat",
    "Safar",
    "Temir",
    "Toʻxta",
    "Xayrulla",
    "Yunus",
    "Zaynid",
    "Ashur",
    "Bahrom",
    "Otajon",
    "Sayfulla",
    "Xolmurod",
    "Anvar",
    "Asqar",
    "Ayub",
    "Bobur",
    "Botir",
    "Dilshod",
    "Doniyor",
    "Elmurod",
    "Erkin",
    "Farhod",
    "Gʻayrat",
    "Habib",
    "Hakim",
    "Hamdam",
    "Ibod",
    "Ilhom",
    "Iskandar",
    "Jamshid",
    "Kamol",
    "Latif",
    "Mansur",
    "Nodir",
    "Nosir",
    "Obid",
    "Poʻlat",
    "Qahhor",
    "Rahmat",
    "Ravshan",
    "Sanjar",
    "Sarvar",
    "Shavkat",
    "Tohir",
    "Zafar",
    "Zohid",
    "Abdurashid",
    "Begmat",
    "Boymurod",
    "Egamberdi",
    "Jumaniyoz",
    "Madamin",
    "Mamadali",
    "Nazir",
    "Orip",
    "Pardaboy",
    "Qosim",
    "Rajab",
    "Sobit",
    "Tursunboy",
    "Umarali",
    "Xudoynazar",
    "Yusufali",
    "Valijon",
];

pub(super) fn turkish() -> Tail {
    let mut family = Vec::new();
    for (i, first) in TR_FIRST.iter().enumerate() {
        for (j, second) in TR_SECOND.iter().enumerate() {
            let second = second.to_lowercase();
            if first.to_lowercase() != second {
                let weight = rank_weight(i) * rank_weight(j) / 10_000;
                family.push(same(format!("{first}{second}"), TURKISH, weight));
            }
        }
    }
    for (i, father) in TR_FATHERS.iter().enumerate() {
        family.push(same(format!("{father}oğlu"), TURKISH, rank_weight(i) * 30));
    }
    Tail::family(family, Shape::Zipf(40))
}

const TR_FIRST: &[&str] = &[
    "Kara", "Ak", "Demir", "Öz", "Er", "Gök", "Ay", "Şen", "Al", "Bal", "Boz", "Çak", "Kır", "Koç", "Sarı", "Uz",
    "Yurt", "Taş", "Türk", "Tan", "Bay", "Can", "Ata", "Kurt", "Tunç", "Yıldız", "Gün", "Tek", "Kaya", "Ulu", "Sağ",
    "Yücel",
];

const TR_SECOND: &[&str] = &[
    "Kaya", "Taş", "Dağ", "Han", "Er", "Man", "Soy", "Türk", "El", "Ay", "Baş", "Ok", "Gül", "Demir", "Yol", "Su",
    "Göz", "Tepe", "Bey", "Alp", "Tekin", "Koç", "Yiğit", "Tan", "Kan", "Ateş", "Can", "Kurt", "Oğlu", "Kol", "Yel",
    "Doğan", "Aslan", "Kuş", "Dal",
];

const TR_FATHERS: &[&str] = &[
    "Hasan",
    "Ali",
    "Osman",
    "Mehmet",
    "Ahmet",
    "Hüseyin",
    "İbrahim",
    "Mustafa",
    "Yusuf",
    "Ömer",
    "Halil",
    "Süleyman",
    "Mahmut",
    "Hacı",
    "Molla",
    "Şeyh",
    "Kadı",
    "Hoca",
    "Arslan",
    "Haydar",
    "Veli",
    "Murat",
    "Salih",
    "Rıza",
    "Emir",
];
