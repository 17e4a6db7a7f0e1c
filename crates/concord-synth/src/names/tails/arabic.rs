//! Arabic-script family names: a word (a nisba of origin or tribe, a trade, an ancestor's
//! name) with or without the article (الحلبي, al-Halabi), Abd al- with one of the names
//! of God (عبد الكريم, Abdulkarim), Libyan Ben + name, Hadrami Ba + name, and Afghan
//! names in -i, -zai and -zada (رحیمی, احمدزی, حکیم‌زاده without the joiner).
//!
//! Each word carries its own romanisations (vowels and doubling vary: Husseini,
//! Husaini); each country writes the article and Abd its own way, and the two are
//! combined style by style, so Syrian records give al-Husseini, Al Husaini, Alhusseini,
//! and Sudanese ones Elhusseini, Alhusaini.

use super::super::NameForm;
use super::{lower_first, rank_weight, Family, Form, Listed, Part, Shape, Tail};

/// How a country writes a prefix (the article, Abd al-) before a romanised word, most
/// common first.
type Styles = &'static [fn(&str) -> String];

/// The romanised forms of a prefixed word: style `k` applied to the word's `k`-th form
/// (its last, when it has fewer), then the word's further forms in the first style.
fn styled(word: &[&str], styles: Styles) -> Vec<String> {
    let mut forms: Vec<String> = styles
        .iter()
        .enumerate()
        .map(|(k, style)| style(word[k.min(word.len() - 1)]))
        .collect();
    forms.extend(word.iter().skip(styles.len()).map(|w| styles[0](w)));
    forms
}

fn name(native: String, romanised: Vec<String>, weight: u64) -> Family {
    Family {
        male: Form::new(native, romanised),
        female: None,
        weight,
    }
}

/// Family names made of each word with a prefix (native `prefix` + word).
fn prefixed(family: &mut Vec<Family>, prefix: &str, words: &[Part], styles: Styles, weight: u64) {
    for (i, (native, romanised)) in words.iter().enumerate() {
        let forms = styled(romanised, styles);
        family.push(name(format!("{prefix}{native}"), forms, weight * rank_weight(i)));
    }
}

/// Family names that are the words themselves.
fn bare(family: &mut Vec<Family>, words: &[Part], weight: u64) {
    for (i, (native, romanised)) in words.iter().enumerate() {
        let forms = romanised.iter().map(|r| r.to_string()).collect();
        family.push(name(native.to_string(), forms, weight * rank_weight(i)));
    }
}

/// Family names made from the pool's men's given names (ancestors' names): bare
/// (Khalil), with the article (al-Khalil) and with Abu, "father of" (Abu Khalil). Names
/// that are compounds or already carry the article are left out.
fn from_given(family: &mut Vec<Family>, given: &[NameForm], article: Option<Styles>, abu: bool, weight: u64) {
    let simple = given
        .iter()
        .filter(|g| !g.native.contains(' ') && !g.native.starts_with("ال") && !g.native.starts_with("عبد"));
    for (i, g) in simple.enumerate() {
        let w = weight * rank_weight(i);
        family.push(name(
            g.native.to_string(),
            g.romanised.iter().map(|r| r.to_string()).collect(),
            w,
        ));
        if let Some(styles) = article {
            family.push(name(format!("ال{}", g.native), styled(g.romanised, styles), w / 2));
        }
        if abu {
            family.push(name(format!("أبو {}", g.native), styled(g.romanised, ABU), w / 3));
        }
    }
}

pub(super) fn tail(listed: &Listed) -> Tail {
    let mut family = Vec::new();
    let given = listed.given_male;
    let shape = match listed.country {
        "SY" => {
            prefixed(&mut family, "ال", SY_NISBA, SY_ARTICLE, 6);
            prefixed(&mut family, "عبد ال", DIVINE, LEVANT_ABD, 2);
            bare(&mut family, SY_BARE, 4);
            from_given(&mut family, given, Some(SY_ARTICLE), true, 4);
            prefixed(&mut family, "ال", ARAB_NISBA, SY_ARTICLE, 2);
            Shape::Zipf(150)
        }
        "IQ" => {
            prefixed(&mut family, "ال", IQ_NISBA, IQ_ARTICLE, 8);
            prefixed(&mut family, "عبد ال", DIVINE, LEVANT_ABD, 2);
            bare(&mut family, IQ_BARE, 3);
            from_given(&mut family, given, Some(IQ_ARTICLE), true, 3);
            prefixed(&mut family, "ال", ARAB_NISBA, IQ_ARTICLE, 2);
            Shape::Zipf(80)
        }
        "SD" => {
            prefixed(&mut family, "ال", SD_ARTICLE_WORDS, SD_ARTICLE, 4);
            prefixed(&mut family, "عبد ال", SD_DIVINE, SD_ABD, 3);
            bare(&mut family, SD_BARE, 6);
            from_given(&mut family, given, None, false, 6);
            Shape::Zipf(25)
        }
        "LY" => {
            prefixed(&mut family, "ال", LY_NISBA, LY_ARTICLE, 6);
            prefixed(&mut family, "بن ", LY_BEN_NAMES, LY_BEN, 4);
            prefixed(&mut family, "عبد ال", DIVINE, LY_ABD, 2);
            from_given(&mut family, given, Some(LY_ARTICLE), false, 3);
            prefixed(&mut family, "ال", ARAB_NISBA, LY_ARTICLE, 2);
            Shape::Zipf(80)
        }
        "YE" => {
            prefixed(&mut family, "ال", YE_NISBA, YE_ARTICLE, 6);
            prefixed(&mut family, "با", YE_BA_NAMES, YE_BA, 3);
            prefixed(&mut family, "عبد ال", DIVINE, YE_ABD, 2);
            from_given(&mut family, given, Some(YE_ARTICLE), true, 3);
            prefixed(&mut family, "ال", ARAB_NISBA, YE_ARTICLE, 2);
            Shape::Zipf(80)
        }
        _ => {
            afghan(&mut family, given);
            Shape::Zipf(100)
        }
    };
    Tail::family(family, shape)
}

/// How records write Abu ("father of") before a name.
const ABU: Styles = &[
    |w| format!("Abu {w}"),
    |w| format!("Abou {w}"),
    |w| format!("Abu{}", lower_first(w)),
];

const SY_ARTICLE: Styles = &[
    |w| format!("al-{w}"),
    |w| format!("Al {w}"),
    |w| format!("Al{}", lower_first(w)),
    |w| format!("El {w}"),
    |w| w.to_string(),
];

const IQ_ARTICLE: Styles = &[
    |w| format!("al-{w}"),
    |w| format!("Al {w}"),
    |w| format!("Al{}", lower_first(w)),
    |w| w.to_string(),
];

const SD_ARTICLE: Styles = &[
    |w| format!("El{}", lower_first(w)),
    |w| format!("Al{}", lower_first(w)),
    |w| format!("El {w}"),
    |w| format!("al-{w}"),
];

const LY_ARTICLE: Styles = &[
    |w| format!("al-{w}"),
    |w| format!("El{}", lower_first(w)),
    |w| format!("Al {w}"),
    |w| w.to_string(),
];

const YE_ARTICLE: Styles = &[
    |w| format!("al-{w}"),
    |w| format!("Al {w}"),
    |w| format!("Al{}", lower_first(w)),
];

const LEVANT_ABD: Styles = &[
    |w| format!("Abdul{}", lower_first(w)),
    |w| format!("Abdul {w}"),
    |w| format!("Abdel{}", lower_first(w)),
    |w| format!("Abd al-{w}"),
];

const SD_ABD: Styles = &[
    |w| format!("Abdel{}", lower_first(w)),
    |w| format!("Abdal{}", lower_first(w)),
    |w| format!("Abdul {w}"),
    |w| format!("Abd al-{w}"),
];

const LY_ABD: Styles = &[
    |w| format!("Abdul{}", lower_first(w)),
    |w| format!("Abdel {w}"),
    |w| format!("Abdel{}", lower_first(w)),
    |w| format!("Abd al-{w}"),
];

const YE_ABD: Styles = &[
    |w| format!("Abdul{}", lower_first(w)),
    |w| format!("Abdel {w}"),
    |w| format!("Abd al-{w}"),
];

const LY_BEN: Styles = &[
    |w| format!("Ben {w}"),
    |w| format!("Bin {w}"),
    |w| format!("Ben{}", lower_first(w)),
];

const YE_BA: Styles = &[
    |w| format!("Ba{}", lower_first(w)),
    |w| format!("Ba {w}"),
    |w| format!("Ba-{w}"),
];

/// Afghan family names: a name with the Persian nisba -ی (-i), the Pashtun tribal -زی
/// (-zai) or -زاده (-zada, "born of"); the stems are common names, the pool's men's
/// given names among them.
fn afghan(family: &mut Vec<Family>, given: &[NameForm]) {
    let suffixes: [(&str, &[&str], u64); 3] = [
        ("ی", &["i", "y"], 10),
        ("زی", &["zai", "zay"], 4),
        ("زاده", &["zada", "zadah", "zade"], 3),
    ];
    let from_given = given
        .iter()
        .filter(|g| !g.native.contains(' ') && !g.native.ends_with(['ا', 'ه', 'ی', 'و']))
        .map(|g| (g.native, g.romanised));
    for (i, (native, romanised)) in AF_STEMS.iter().copied().chain(from_given).enumerate() {
        for (suffix, suffix_romanised, weight) in suffixes {
            let forms = super::combined(romanised, suffix_romanised, |a, b| format!("{a}{b}"));
            family.push(name(format!("{native}{suffix}"), forms, weight * rank_weight(i)));
        }
    }
}

/// Nisbas of tribes and places found across the Arab world (القحطاني, al-Qahtani).
const ARAB_NISBA: &[Part] = &[
    ("حربي", &["Harbi", "Harby"]),
    ("عتيبي", &["Otaibi", "Utaybi"]),
    ("قحطاني", &["Qahtani", "Kahtani"]),
    ("غامدي", &["Ghamdi"]),
    ("زهراني", &["Zahrani"]),
    ("مطيري", &["Mutairi", "Mutayri"]),
    ("سبيعي", &["Subaie", "Subaiei"]),
    ("دوسري", &["Dossari", "Dosari"]),
    ("شهري", &["Shehri", "Shahri"]),
    ("علوي", &["Alawi", "Alawy"]),
    ("قرشي", &["Qurashi", "Korashi"]),
    ("خزرجي", &["Khazraji"]),
    ("أزدي", &["Azdi"]),
    ("كندي", &["Kindi", "Kendi"]),
    ("مخزومي", &["Makhzoumi", "Makhzumi"]),
    ("عباسي", &["Abbasi", "Abbassi"]),
    ("فاطمي", &["Fatimi"]),
    ("يماني", &["Yamani"]),
    ("نجدي", &["Najdi", "Nejdi"]),
    ("تونسي", &["Tunisi", "Tounsi"]),
    ("جزائري", &["Jazairi", "Djazairi"]),
    ("ليبي", &["Libi", "Liby"]),
    ("فلسطيني", &["Filastini", "Falastini"]),
    ("أردني", &["Urdunni", "Ordoni"]),
    ("بيروتي", &["Beiruti", "Bairuti"]),
    ("صيداوي", &["Saidawi"]),
    ("نابلسي", &["Nabulsi", "Nabulsy"]),
    ("خليلي", &["Khalili"]),
    ("غزاوي", &["Ghazzawi", "Ghazawi"]),
    ("يافاوي", &["Yafawi"]),
    ("عكاوي", &["Akkawi", "Akawi"]),
    ("كوفي", &["Kufi", "Koufi"]),
    ("هيتي", &["Hiti", "Heeti"]),
    ("فلوجي", &["Falluji", "Faluji"]),
    ("رمادي", &["Ramadi"]),
    ("كركوكي", &["Kirkuki", "Karkuki"]),
    ("أربيلي", &["Erbili", "Arbili"]),
    ("سليماني", &["Sulaimani", "Slemani"]),
    ("دهوكي", &["Duhoki", "Dahuki"]),
    ("زاخولي", &["Zakholi", "Zakhouli"]),
    ("حمصي", &["Homsi", "Himsi"]),
    ("تدمري", &["Tadmuri", "Tadmori"]),
    ("درعاوي", &["Daraawi", "Deraawi"]),
    ("سويداوي", &["Suwaydawi"]),
    ("منبجي", &["Manbiji", "Menbiji"]),
];

/// Names of God that follow Abd al- (عبد الرحمن, Abdulrahman).
const DIVINE: &[Part] = &[
    ("رحمن", &["Rahman"]),
    ("كريم", &["Karim", "Kareem"]),
    ("حميد", &["Hamid", "Hameed"]),
    ("قادر", &["Qader", "Qadir", "Kader"]),
    ("عزيز", &["Aziz", "Azeez"]),
    ("لطيف", &["Latif", "Lateef"]),
    ("مجيد", &["Majid", "Majeed"]),
    ("سلام", &["Salam"]),
    ("وهاب", &["Wahab", "Wahhab"]),
    ("رزاق", &["Razzaq", "Razak"]),
    ("جبار", &["Jabbar"]),
    ("ستار", &["Sattar", "Satar"]),
    ("غني", &["Ghani"]),
    ("حليم", &["Halim", "Haleem"]),
    ("حكيم", &["Hakim"]),
    ("هادي", &["Hadi", "Hady"]),
    ("ملك", &["Malik", "Malek"]),
    ("ناصر", &["Nasser", "Naser"]),
    ("رحيم", &["Rahim", "Raheem"]),
    ("رشيد", &["Rashid", "Rasheed"]),
    ("صمد", &["Samad"]),
    ("واحد", &["Wahid", "Wahed"]),
    ("جليل", &["Jalil", "Jaleel"]),
    ("جواد", &["Jawad"]),
    ("خالق", &["Khaliq", "Khalek"]),
    ("فتاح", &["Fattah", "Fatah"]),
    ("حافظ", &["Hafiz", "Hafez"]),
    ("باسط", &["Basit", "Baset"]),
    ("رؤوف", &["Raouf", "Rauf"]),
    ("منعم", &["Monem", "Munim"]),
    ("إله", &["Ilah", "Elah"]),
    ("مطلب", &["Muttalib", "Motaleb"]),
    ("غفور", &["Ghafour", "Ghafoor"]),
    ("علي", &["Ali", "Aly"]),
    ("عظيم", &["Azim", "Azeem"]),
];

/// The same in Sudanese spelling (g for qaf: Abdelgadir).
const SD_DIVINE: &[Part] = &[
    ("رحيم", &["Rahim", "Raheem"]),
    ("كريم", &["Karim", "Kareem"]),
    ("عزيز", &["Aziz"]),
    ("لطيف", &["Latif"]),
    ("مجيد", &["Magid", "Majid"]),
    ("حليم", &["Halim"]),
    ("حميد", &["Hamid"]),
    ("وهاب", &["Wahab"]),
    ("جليل", &["Galil", "Jalil"]),
    ("رازق", &["Razig", "Raziq"]),
    ("باقي", &["Bagi", "Baqi"]),
    ("منعم", &["Moneim", "Monim"]),
    ("سلام", &["Salam"]),
    ("غفار", &["Gaffar", "Ghaffar"]),
    ("هادي", &["Hadi"]),
    ("ماجد", &["Magid", "Majed"]),
    ("رؤوف", &["Rauf", "Raouf"]),
    ("مطلب", &["Mutalib", "Muttalib"]),
];

/// Syrian nisbas and nouns that take the article (الحلبي, al-Halabi).
const SY_NISBA: &[Part] = &[
    ("دمشقي", &["Dimashqi", "Demashki", "Dimashki"]),
    ("إدلبي", &["Idlibi", "Edlibi"]),
    ("حموي", &["Hamwi", "Hamawi", "Hamoui"]),
    ("حوراني", &["Hourani", "Horani", "Hurani"]),
    ("ديري", &["Deiri", "Dairi"]),
    ("رقاوي", &["Raqqawi", "Rakkawi"]),
    ("عراقي", &["Iraqi", "Eraqi"]),
    ("تركماني", &["Turkmani", "Torkmani"]),
    ("كردي", &["Kurdi", "Kordi"]),
    ("حسني", &["Hasani", "Hassani"]),
    ("شيخ", &["Sheikh", "Shaikh", "Cheikh"]),
    ("سيد", &["Sayed", "Sayyed"]),
    ("نقيب", &["Naqib", "Nakib"]),
    ("قاضي", &["Qadi", "Kadi", "Kady"]),
    ("مفتي", &["Mufti", "Mofti"]),
    ("حكيم", &["Hakim", "Hakeem"]),
    ("طويل", &["Tawil", "Taweel"]),
    ("أسمر", &["Asmar"]),
    ("عابد", &["Abed", "Abid"]),
    ("حمود", &["Hammoud", "Hamoud"]),
    ("حلواني", &["Halwani", "Helwani"]),
    ("أيوبي", &["Ayoubi", "Ayyoubi"]),
    ("قدسي", &["Qudsi", "Kudsi"]),
    ("صالح", &["Saleh", "Salih"]),
    ("ناصر", &["Nasser", "Naser"]),
    ("بكري", &["Bakri", "Bakry"]),
    ("عمري", &["Omari", "Amri"]),
    ("جبلي", &["Jabali", "Jebli"]),
    ("بدوي", &["Badawi", "Bedoui"]),
    ("حسيني", &["Husseini", "Hussaini", "Husaini"]),
    ("لبناني", &["Lubnani", "Lebnani"]),
    ("ساحلي", &["Sahili", "Sahli"]),
    ("أنصاري", &["Ansari"]),
    ("إبراهيم", &["Ibrahim", "Ebrahim"]),
    ("يوسف", &["Youssef", "Yousef"]),
    ("محمد", &["Mohammad", "Muhammad"]),
    ("حسين", &["Hussein", "Husein"]),
    ("مصطفى", &["Mustafa", "Moustafa"]),
    ("عثمان", &["Othman", "Osman"]),
    ("سعدي", &["Saadi", "Sadi"]),
    ("جندي", &["Jundi", "Joundi"]),
    ("عاني", &["Ani"]),
    ("شهابي", &["Shihabi", "Chehabi"]),
    ("قباني", &["Qabbani", "Kabbani"]),
];

/// Syrian family names without the article: trades and ancestors' names.
const SY_BARE: &[Part] = &[
    ("عطار", &["Attar", "Attaar"]),
    ("بيطار", &["Bitar", "Baitar", "Beitar"]),
    ("قصاب", &["Kassab", "Qassab"]),
    ("سمان", &["Samman", "Saman"]),
    ("طحان", &["Tahhan", "Tahan"]),
    ("دباغ", &["Dabbagh", "Dabagh"]),
    ("خياط", &["Khayyat", "Khayat", "Kayyat"]),
    ("حلاق", &["Hallak", "Hallaq"]),
    ("جزار", &["Jazzar", "Jazar"]),
    ("كيالي", &["Kayyali", "Kayali"]),
    ("ساعاتي", &["Saati"]),
    ("نحاس", &["Nahhas", "Nahas"]),
    ("زين", &["Zein", "Zain"]),
    ("سالم", &["Salem", "Salim"]),
    ("موسى", &["Moussa", "Musa"]),
    ("سعيد", &["Said", "Saeed"]),
    ("عبود", &["Abboud", "Aboud"]),
    ("جمال", &["Jamal", "Gamal"]),
    ("عطا", &["Atta", "Ata"]),
    ("نعسان", &["Naasan", "Nasan"]),
    ("شعار", &["Shaar", "Chaar"]),
    ("حمدان", &["Hamdan"]),
    ("مراد", &["Mourad", "Murad"]),
    ("رحال", &["Rahhal", "Rahal"]),
    ("زيدان", &["Zeidan", "Zaidan"]),
    ("شاهين", &["Shaheen", "Chahine", "Shahin"]),
    ("عيد", &["Eid", "Id"]),
    ("مخلوف", &["Makhlouf", "Makhluf"]),
    ("طه", &["Taha"]),
    ("سلامة", &["Salameh", "Salama"]),
    ("حنا", &["Hanna", "Hana"]),
    ("بطرس", &["Boutros", "Butros"]),
    ("صليبا", &["Saliba"]),
    ("نصر الله", &["Nasrallah", "Nasrullah"]),
    ("ضاهر", &["Daher", "Dahir"]),
    ("عون", &["Aoun", "Aun"]),
    ("حبيب", &["Habib", "Habeeb"]),
    ("عازار", &["Azar"]),
    ("جرجس", &["Gerges", "Jirjis"]),
    ("منصور", &["Mansour", "Mansur"]),
    ("نخلة", &["Nakhleh", "Nakhle"]),
    ("سركيس", &["Sarkis"]),
    ("توما", &["Touma", "Toma"]),
    ("قسيس", &["Kassis", "Qasis"]),
    ("مقدسي", &["Makdisi", "Maqdisi"]),
    ("شماس", &["Shammas", "Chammas"]),
    ("جبور", &["Jabbour", "Jabour"]),
    ("كرم", &["Karam"]),
    ("رزق", &["Rizk", "Rizq"]),
    ("عطا الله", &["Atallah", "Ataallah"]),
    ("ديب", &["Deeb", "Dib"]),
    ("غانم", &["Ghanem", "Ghanim"]),
    ("حجازي", &["Hijazi", "Hejazi"]),
    ("كنعان", &["Kanaan", "Canaan"]),
    ("خلف", &["Khalaf"]),
    ("معلوف", &["Maalouf", "Maaluf"]),
    ("نجم", &["Najm", "Nejm"]),
    ("عبيد", &["Obeid", "Ubaid"]),
    ("قاسم", &["Qasem", "Kassem"]),
    ("صايغ", &["Sayegh", "Sayigh"]),
    ("طباخ", &["Tabbakh", "Tabakh"]),
    ("طرابيشي", &["Tarabishi", "Trabichi"]),
    ("زاهر", &["Zaher", "Zahir"]),
    ("علوش", &["Alloush", "Allush"]),
    ("بركات", &["Barakat"]),
    ("دقاق", &["Dakkak", "Daqqaq"]),
    ("فاخوري", &["Fakhoury", "Fakhouri"]),
    ("غزال", &["Ghazal", "Ghazzal"]),
    ("حمامي", &["Hammami", "Hamami"]),
    ("جابر", &["Jaber", "Jabir"]),
    ("لحام", &["Laham", "Lahham"]),
    ("نوري", &["Nouri", "Nuri"]),
    ("قدور", &["Qaddour", "Kaddour"]),
    ("رجب", &["Rajab", "Ragab"]),
    ("شعبان", &["Shaaban", "Chaabane"]),
    ("طيفور", &["Tayfour", "Taifour"]),
    ("ونوس", &["Wannous", "Wannus"]),
    ("ياسين", &["Yassin", "Yasin"]),
    ("زكريا", &["Zakaria", "Zakariya"]),
    ("عصفور", &["Asfour", "Asfur"]),
    ("بكار", &["Bakkar", "Bakar"]),
    ("داود", &["Daoud", "Dawood"]),
    ("فرح", &["Farah"]),
    ("غصن", &["Ghosn", "Ghusn"]),
];

/// Iraqi tribal and place nisbas (الجبوري, al-Jubouri).
const IQ_NISBA: &[Part] = &[
    ("مالكي", &["Maliki", "Malki"]),
    ("كاظمي", &["Kadhimi", "Kazimi"]),
    ("سوداني", &["Sudani", "Soudani"]),
    ("حلي", &["Hilli", "Hili"]),
    ("نجفي", &["Najafi"]),
    ("كربلائي", &["Karbalai", "Karbalaei"]),
    ("بغدادي", &["Baghdadi"]),
    ("موصلي", &["Mosuli", "Mawsili"]),
    ("تكريتي", &["Tikriti"]),
    ("دوري", &["Douri", "Duri"]),
    ("راوي", &["Rawi"]),
    ("حديثي", &["Hadithi", "Hadeethi"]),
    ("فلاحي", &["Falahi"]),
    ("عكيلي", &["Ogaili", "Ugaili", "Aqili"]),
    ("خزاعي", &["Khuzaie", "Khozaei"]),
    ("مشهداني", &["Mashhadani"]),
    ("لهيبي", &["Luhaibi", "Lehaibi"]),
    ("جميلي", &["Jumaili", "Jumaily"]),
    ("قيسي", &["Qaisi", "Kaisi"]),
    ("عبادي", &["Abadi", "Ebadi"]),
    ("حمداني", &["Hamdani"]),
    ("زيدي", &["Zaidi", "Zeidi"]),
    ("ياسري", &["Yasiri", "Yasseri"]),
    ("غراوي", &["Gharawi"]),
    ("محمداوي", &["Mohammedawi", "Muhammadawi"]),
    ("سعدي", &["Saadi", "Sadi"]),
    ("بدري", &["Badri", "Badry"]),
    ("شيباني", &["Shaibani", "Shibani"]),
    ("كناني", &["Kinani", "Kenani"]),
    ("خالدي", &["Khalidi", "Khaldi"]),
    ("عنزي", &["Anizi", "Enezi"]),
    ("ظفيري", &["Dhafiri", "Zafiri"]),
    ("حسناوي", &["Hasnawi", "Hassnawi"]),
    ("بهادلي", &["Bahadli", "Bahadly"]),
    ("دراجي", &["Darraji", "Daraji"]),
    ("كرخي", &["Karkhi"]),
    ("أعظمي", &["Adhami", "Azami"]),
    ("كرعاوي", &["Karawi", "Kraawi"]),
    ("ركابي", &["Rikabi", "Rekabi"]),
    ("شمري", &["Shammari", "Shamari"]),
    ("بيضاني", &["Baidhani", "Bidhani"]),
    ("سلامي", &["Salami", "Sallami"]),
    ("عيساوي", &["Issawi", "Eisawi"]),
    ("دباغ", &["Dabbagh"]),
    ("نعيمي", &["Nuaimi", "Naimi"]),
    ("علواني", &["Alwani", "Elwani"]),
    ("كبيسي", &["Kubaisi", "Kubaysi"]),
];

/// Iraqi family names without the article.
const IQ_BARE: &[Part] = &[
    ("حسن", &["Hassan", "Hasan"]),
    ("علي", &["Ali"]),
    ("جاسم", &["Jasim", "Jassim", "Jasem"]),
    ("كاظم", &["Kadhim", "Kazem", "Kathim"]),
    ("عباس", &["Abbas"]),
    ("حمزة", &["Hamza", "Hamzah"]),
    ("جواد", &["Jawad"]),
    ("مهدي", &["Mahdi", "Mehdi"]),
    ("صالح", &["Salih", "Saleh"]),
    ("محسن", &["Muhsin", "Mohsen"]),
    ("عبد الأمير", &["Abdulameer", "Abdul Amir"]),
    ("عبد الحسين", &["Abdulhussein", "Abdul Hussein"]),
    ("عبد الزهرة", &["Abdulzahra", "Abdul Zahra"]),
    ("رشيد", &["Rashid", "Rasheed"]),
    ("فاضل", &["Fadhil", "Fadel"]),
    ("حميد", &["Hameed", "Hamid"]),
    ("خلف", &["Khalaf"]),
    ("عودة", &["Auda", "Odeh"]),
    ("شاكر", &["Shakir", "Shaker"]),
    ("ناجي", &["Naji"]),
];

/// Sudanese words written with El- (Elamin, Eltayeb).
const SD_ARTICLE_WORDS: &[Part] = &[
    ("طيب", &["Tayeb", "Taib"]),
    ("فاضل", &["Fadil", "Fadel"]),
    ("هادي", &["Hadi"]),
    ("صادق", &["Sadig", "Sadiq"]),
    ("زبير", &["Zubeir", "Zubair"]),
    ("مهدي", &["Mahdi", "Mahadi"]),
    ("بشير", &["Bashir", "Basheer"]),
    ("نعيم", &["Naeem", "Naim"]),
    ("حسن", &["Hassan", "Hasan"]),
    ("حسين", &["Hussein", "Husein"]),
    ("فكي", &["Faki", "Feki"]),
    ("خضر", &["Khidir", "Khider"]),
    ("سيد", &["Sayed", "Sayid"]),
    ("عاقب", &["Agib", "Aqib"]),
    ("جزولي", &["Gizouli", "Jazouli"]),
    ("توم", &["Tom", "Toum"]),
    ("ضو", &["Daw", "Dau"]),
    ("تجاني", &["Tigani", "Tijani"]),
    ("ماحي", &["Mahi"]),
    ("خير", &["Khair", "Kheir"]),
    ("صافي", &["Safi"]),
    ("عوض", &["Awad"]),
    ("رضي", &["Radi"]),
    ("بدوي", &["Badawi"]),
    ("مبارك", &["Mubarak", "Mobarak"]),
];

/// Sudanese ancestors' names used as family names.
const SD_BARE: &[Part] = &[
    ("محمد", &["Mohamed", "Mohammed", "Muhammad"]),
    ("أحمد", &["Ahmed", "Ahmad"]),
    ("علي", &["Ali"]),
    ("عمر", &["Omer", "Omar"]),
    ("إبراهيم", &["Ibrahim"]),
    ("يوسف", &["Yousif", "Yousef"]),
    ("إسماعيل", &["Ismail", "Ismael"]),
    ("مصطفى", &["Mustafa", "Mostafa"]),
    ("صالح", &["Salih", "Saleh"]),
    ("بخيت", &["Bakhit", "Bakheet"]),
    ("خميس", &["Khamis"]),
    ("جمعة", &["Gumaa", "Juma", "Jumaa"]),
    ("سعيد", &["Saeed", "Said"]),
    ("عباس", &["Abbas"]),
    ("حمد", &["Hamad"]),
    ("خليل", &["Khalil"]),
    ("هارون", &["Haroun", "Harun"]),
    ("نصر", &["Nasr", "Nasir"]),
    ("حسب الله", &["Hassaballa", "Hasaballah"]),
    ("فضل الله", &["Fadlalla", "Fadlallah"]),
    ("جاد الله", &["Gadalla", "Jadallah"]),
    ("دفع الله", &["Dafalla", "Dafallah"]),
    ("أبكر", &["Abakar", "Abaker"]),
    ("بلال", &["Bilal", "Belal"]),
    ("منصور", &["Mansour", "Mansur"]),
    ("مختار", &["Mukhtar", "Mokhtar"]),
    ("جبريل", &["Gibril", "Jibril"]),
    ("زكريا", &["Zakaria", "Zakariya"]),
    ("تاج السر", &["Tagelsir", "Tag Elsir"]),
    ("مالك", &["Malik", "Malek"]),
    ("نور الدين", &["Nureldin", "Nour Eldin"]),
    ("عز الدين", &["Izzeldin", "Ezzeldin"]),
    ("سيف الدين", &["Saifeldin", "Seif Eldin"]),
    ("صلاح الدين", &["Salaheldin", "Salah Eldin"]),
    ("بدر الدين", &["Badreldin", "Badr Eldin"]),
    ("شمس الدين", &["Shamseldin", "Shams Eldin"]),
    ("علاء الدين", &["Alaeldin", "Alaa Eldin"]),
    ("كمال الدين", &["Kamaleldin", "Kamal Eldin"]),
    ("محي الدين", &["Mohieldin", "Mohi Eldin"]),
    ("سر الختم", &["Sirelkhatim", "Sir Elkhatim"]),
];

/// Libyan tribal and place nisbas.
const LY_NISBA: &[Part] = &[
    ("زليتني", &["Zliteni", "Zlitni"]),
    ("ترهوني", &["Tarhouni", "Tarhuni"]),
    ("برغثي", &["Bargathi", "Barghathi"]),
    ("سنوسي", &["Senussi", "Sanussi"]),
    ("تاجوري", &["Tajouri", "Tajuri"]),
    ("بنغازي", &["Benghazi"]),
    ("سرتي", &["Surti", "Sirti"]),
    ("فرجاني", &["Ferjani", "Farjani"]),
    ("شيباني", &["Shibani", "Sheibani"]),
    ("زاوي", &["Zawi"]),
    ("جبالي", &["Jebali", "Jabali"]),
    ("درناوي", &["Dernawi", "Darnawi"]),
    ("غدامسي", &["Ghadamsi"]),
    ("فزاني", &["Fezzani", "Fazzani"]),
    ("قماطي", &["Gmati", "Qamati"]),
    ("مجبري", &["Mejbri", "Majbari"]),
    ("عقوري", &["Agouri", "Aqouri"]),
    ("حاسي", &["Hassi"]),
    ("قاضي", &["Gadi", "Qadi"]),
    ("فاخري", &["Fakhri"]),
    ("كبتي", &["Kabti"]),
    ("صابري", &["Sabri"]),
    ("منفي", &["Menfi", "Manfi"]),
    ("مقريف", &["Magarief", "Megarief"]),
    ("منقوش", &["Mangoush", "Manqush"]),
    ("كيخيا", &["Kikhia"]),
    ("مصراتي", &["Misrati"]),
    ("مشاي", &["Mashai"]),
    ("سويحلي", &["Swehli", "Suwayhli"]),
    ("غويل", &["Ghwell", "Ghuwail"]),
];

/// Names that follow Ben in Libya (Ben Ali).
const LY_BEN_NAMES: &[Part] = &[
    ("علي", &["Ali"]),
    ("سالم", &["Salem", "Salim"]),
    ("خليفة", &["Khalifa"]),
    ("حامد", &["Hamed", "Hamid"]),
    ("يوسف", &["Youssef", "Yousef"]),
    ("محمود", &["Mahmoud"]),
    ("سعيد", &["Said", "Saeed"]),
    ("أحمد", &["Ahmed"]),
    ("مسعود", &["Masoud", "Messaoud"]),
    ("رمضان", &["Ramadan", "Ramdan"]),
    ("عامر", &["Amer"]),
    ("ناصر", &["Nasser"]),
    ("صالح", &["Saleh"]),
    ("عيسى", &["Issa"]),
    ("موسى", &["Moussa", "Musa"]),
    ("حسن", &["Hassan"]),
    ("عثمان", &["Othman", "Osman"]),
    ("عاشور", &["Ashour", "Achour"]),
    ("زيد", &["Zaid", "Zeid"]),
    ("طاهر", &["Taher"]),
    ("رجب", &["Rajab", "Ragab"]),
    ("شعبان", &["Shaaban", "Chaabane"]),
];

/// Yemeni tribal and place nisbas.
const YE_NISBA: &[Part] = &[
    ("أهدل", &["Ahdal"]),
    ("زبيري", &["Zubairi", "Zubeiri"]),
    ("وزير", &["Wazir", "Wazeer"]),
    ("كحلاني", &["Kuhlani", "Kahlani"]),
    ("همداني", &["Hamdani"]),
    ("حكيمي", &["Hakimi"]),
    ("عبسي", &["Absi"]),
    ("ذبحاني", &["Dhubhani", "Zubhani"]),
    ("عطاس", &["Attas"]),
    ("حبشي", &["Habshi"]),
    ("مشهور", &["Mashhur", "Mashhoor"]),
    ("شامي", &["Shami"]),
    ("تعزي", &["Taizi", "Taezi"]),
    ("حميدي", &["Humaidi", "Hamidi"]),
    ("ريمي", &["Raimi", "Rimi"]),
    ("خولاني", &["Khawlani", "Kholani"]),
    ("مخلافي", &["Mikhlafi", "Makhlafi"]),
    ("أغبري", &["Aghbari"]),
    ("قباطي", &["Qubati", "Kubati"]),
    ("صبري", &["Sabri"]),
    ("شيباني", &["Shaibani"]),
    ("ظاهري", &["Dhaheri", "Zahiri"]),
    ("بيضاني", &["Baydani", "Bidani"]),
    ("حجري", &["Hajri", "Hijri"]),
    ("مقبلي", &["Maqbali", "Makbali"]),
    ("جنيد", &["Junaid", "Junayd"]),
    ("عمري", &["Omari"]),
    ("يمني", &["Yamani", "Yemeni"]),
    ("صوفي", &["Sufi", "Soufi"]),
    ("نهمي", &["Nahmi"]),
];

/// Names that follow the Hadrami Ba- (Baabbad).
const YE_BA_NAMES: &[Part] = &[
    ("عباد", &["Abbad"]),
    ("فضل", &["Fadhl", "Fadl"]),
    ("مطرف", &["Matraf", "Mutraf"]),
    ("جمال", &["Jammal", "Jamal"]),
    ("هارون", &["Haroon", "Harun"]),
    ("خميس", &["Khamis"]),
    ("سالم", &["Salem"]),
    ("موسى", &["Musa"]),
    ("عبيد", &["Obaid", "Ubaid"]),
    ("مخرمة", &["Makhrama"]),
    ("رشيد", &["Rashid"]),
    ("حميد", &["Hamid"]),
    ("سليمان", &["Sulaiman"]),
    ("كريم", &["Karim"]),
    ("حسين", &["Hussein"]),
];

/// Afghan stems for -i, -zai and -zada.
const AF_STEMS: &[Part] = &[
    ("احمد", &["Ahmad", "Ahmed"]),
    ("رحیم", &["Rahim", "Raheem"]),
    ("کریم", &["Karim", "Kareem"]),
    ("حکیم", &["Hakim", "Hakeem"]),
    ("رحمان", &["Rahman"]),
    ("حبیب", &["Habib"]),
    ("حمید", &["Hamid", "Hameed"]),
    ("وحید", &["Wahid", "Waheed"]),
    ("نظر", &["Nazar"]),
    ("صفر", &["Safar"]),
    ("شریف", &["Sharif", "Sharef"]),
    ("صمد", &["Samad"]),
    ("اکبر", &["Akbar"]),
    ("غفور", &["Ghafoor", "Ghafur"]),
    ("حنیف", &["Hanif"]),
    ("منصور", &["Mansoor", "Mansur"]),
    ("ناصر", &["Naser", "Nasir"]),
    ("نجیب", &["Najib", "Najeeb"]),
    ("قاسم", &["Qasem", "Qasim"]),
    ("صادق", &["Sadeq", "Sadiq"]),
    ("صالح", &["Saleh", "Salih"]),
    ("یوسف", &["Yousuf", "Yusuf"]),
    ("زمان", &["Zaman"]),
    ("فیض", &["Faiz", "Fayz"]),
    ("سعید", &["Saeed", "Said"]),
    ("عزیز", &["Aziz"]),
    ("نور", &["Noor", "Nur"]),
    ("امین", &["Amin"]),
    ("جلال", &["Jalal"]),
    ("کمال", &["Kamal"]),
    ("مراد", &["Murad", "Morad"]),
    ("نعیم", &["Naeem", "Naim"]),
    ("وکیل", &["Wakil", "Wakeel"]),
    ("قدیر", &["Qadir", "Qadeer"]),
    ("بشیر", &["Bashir"]),
    ("ابراهیم", &["Ibrahim", "Ebrahim"]),
    ("اسماعیل", &["Ismail", "Esmail"]),
    ("عمر", &["Omar", "Umar"]),
    ("حسن", &["Hassan", "Hasan"]),
    ("سلیمان", &["Sulaiman", "Soleiman"]),
    ("محمود", &["Mahmood", "Mahmud"]),
    ("یعقوب", &["Yaqub", "Yaqoob"]),
    ("عثمان", &["Usman", "Osman"]),
    ("خلیل", &["Khalil"]),
    ("غلام", &["Ghulam", "Gholam"]),
];
