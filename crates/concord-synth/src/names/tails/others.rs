//! The other pools: Thai family names composed of two elements (Thai law made every
//! family's name its own, so they are very diverse), Burmese names of two syllables,
//! Ethiopian and Eritrean fathers' names such as Gebre + Mariam, Yoruba names such as
//! Ade + yemi, and longer lists for the pools whose names are not composed.

use super::super::romanise::{romanised, FILIPINO, FRENCH, SPANISH, SPANISH_DOUBLE};
use super::{combined, lower_first, rank_weight, Family, Form, Listed, Part, Shape, Tail};

pub(super) fn tail(listed: &Listed) -> Tail {
    match listed.country {
        "TH" => Tail::family(two_parts(TH_FIRST, TH_SECOND, thai), Shape::Zipf(300)),
        "MM" => Tail::family(two_parts(MM_SYLLABLES, MM_SYLLABLES, burmese), Shape::Zipf(80)),
        "ET" => Tail::family(ge_ez(ET_FIRST, ET_SECOND, ET_FATHERS, false), Shape::Zipf(60)),
        "ER" => Tail::family(ge_ez(ER_FIRST, ER_SECOND, ER_FATHERS, true), Shape::Zipf(60)),
        "NG" => Tail::family(nigerian(), Shape::Zipf(220)),
        "NP" => Tail::family(with_romanised(NP_NAMES), Shape::Zipf(12)),
        "SO" => Tail::family(with_romanised(SO_NAMES), Shape::Zipf(12)),
        "SS" => Tail::family(with_romanised(SS_NAMES), Shape::Zipf(20)),
        "CD" => Tail::family(with_romanised(CD_NAMES), Shape::Zipf(60)),
        "VE" | "CO" => Tail::family(spanish(listed), Shape::Zipf(30)),
        "HT" => Tail::family(systematic(HT_NAMES, |s| romanised(s, FRENCH)), Shape::Zipf(20)),
        "PH" => Tail::family(systematic(PH_NAMES, |s| romanised(s, FILIPINO)), Shape::Zipf(100)),
        _ => Tail::none(),
    }
}

fn family(native: String, romanised: Vec<String>, weight: u64) -> Family {
    Family {
        male: Form::new(native, romanised),
        female: None,
        weight,
    }
}

/// Names of two parts, every first with every other second, weighted by both ranks.
fn two_parts(firsts: &[Part], seconds: &[Part], romanise: fn(&Part, &Part) -> Vec<String>) -> Vec<Family> {
    let mut names = Vec::new();
    for (i, first) in firsts.iter().enumerate() {
        for (j, second) in seconds.iter().enumerate() {
            if first.0 != second.0 {
                let native = format!("{}{}", first.0, second.0);
                names.push(family(native, romanise(first, second), rank_weight(i) * rank_weight(j)));
            }
        }
    }
    names
}

/// Thai: the Royal Thai General System joined (Saengthong), the spellings people choose
/// for their passports (Sangthong), the RTGS with a hyphen (Saeng-thong).
fn thai(first: &Part, second: &Part) -> Vec<String> {
    let (a, b) = (first.1, second.1);
    fn popular<'a>(forms: &[&'a str]) -> &'a str {
        forms.get(1).copied().unwrap_or(forms[0])
    }
    vec![
        format!("{}{}", a[0], b[0]),
        format!("{}{}", popular(a), popular(b)),
        format!("{}-{}", a[0], b[0]),
    ]
}

/// Burmese: syllables written apart (Myint Aung), each in its spellings.
fn burmese(first: &Part, second: &Part) -> Vec<String> {
    combined(first.1, second.1, |a, b| format!("{a} {b}"))
}

/// Ethiopian and Eritrean fathers' names: compounds such as Gebre + Mariam, romanised
/// joined (Gebremariam), apart (Gebre Mariam) and, in Eritrea, in the Italian-era spelling
/// (Ghebremariam); then simple names.
fn ge_ez(firsts: &[Part], seconds: &[Part], fathers: &[Part], eritrea: bool) -> Vec<Family> {
    let mut names = Vec::new();
    for (i, (first, first_romanised)) in firsts.iter().enumerate() {
        for (j, (second, second_romanised)) in seconds.iter().enumerate() {
            let (p, s) = (first_romanised, second_romanised);
            let joined = |a: &str, b: &str| format!("{a}{}", lower_first(b));
            let (glued, apart) = (joined(p[0], s[0]), format!("{} {}", p[0], s[0]));
            let other_prefix = joined(p.get(1).unwrap_or(&p[0]), s[0]);
            let other_suffix = joined(p[0], s.get(1).unwrap_or(&s[0]));
            let forms = if eritrea {
                vec![glued, other_prefix, other_suffix, apart]
            } else {
                vec![glued, apart, other_suffix, other_prefix]
            };
            let weight = rank_weight(i) * rank_weight(j) / 1_000;
            names.push(family(format!("{first}{second}"), forms, weight));
        }
    }
    names.extend(with_romanised(fathers));
    names
}

/// Nigerian family names: Yoruba compounds (Ade + yemi, Ola + tunji) and Igbo ones
/// (Chukwu + emeka, Nwa + nkwo, Eze + ani), then Hausa and other names.
fn nigerian() -> Vec<Family> {
    let mut names = Vec::new();
    for (firsts, seconds) in [(NG_YORUBA_FIRST, NG_YORUBA_SECOND), (NG_IGBO_FIRST, NG_IGBO_SECOND)] {
        for (i, first) in firsts.iter().enumerate() {
            for (j, second) in seconds.iter().enumerate() {
                if !second.eq_ignore_ascii_case(first) {
                    let name = format!("{first}{second}");
                    names.push(family(
                        name.clone(),
                        vec![name],
                        rank_weight(i) * rank_weight(j) / 1_000,
                    ));
                }
            }
        }
    }
    names.extend(with_romanised(NG_NAMES));
    names
}

/// Spanish-speaking people carry two family names, the father's then the mother's
/// (González Pérez), and foreign records often keep only the first: single names (the
/// listed ones, then other common ones) are the frequent head, pairs the long tail.
fn spanish(listed: &Listed) -> Vec<Family> {
    let mut singles: Vec<&str> = Vec::new();
    for name in listed
        .family
        .iter()
        .map(|f| f.male.native)
        .chain(SPANISH_NAMES.iter().copied())
    {
        if !singles.contains(&name) {
            singles.push(name);
        }
    }
    let mut names = systematic(SPANISH_NAMES, |s| romanised(s, SPANISH));
    // Pairs of the commoner names are enough to make full namesakes rare.
    let common = &singles[..singles.len().min(SPANISH_PAIRED)];
    for (i, father) in common.iter().enumerate() {
        for (j, mother) in common.iter().enumerate() {
            if i != j {
                let native = format!("{father} {mother}");
                let forms = romanised(&native, SPANISH_DOUBLE);
                names.push(family(native, forms, rank_weight(i) * rank_weight(j) / 1_000));
            }
        }
    }
    names
}

/// How many of the commonest Spanish family names are paired into double names.
const SPANISH_PAIRED: usize = 50;

/// Names with their own romanisations, most common first.
fn with_romanised(names: &[Part]) -> Vec<Family> {
    names
        .iter()
        .enumerate()
        .map(|(i, (native, romanised))| {
            family(
                native.to_string(),
                romanised.iter().map(|r| r.to_string()).collect(),
                rank_weight(i),
            )
        })
        .collect()
}

/// Latin-script names romanised by a system, most common first.
fn systematic(names: &[&str], romanise: fn(&str) -> Vec<String>) -> Vec<Family> {
    names
        .iter()
        .enumerate()
        .map(|(i, name)| family(name.to_string(), romanise(name), rank_weight(i)))
        .collect()
}

/// First elements of Thai family names: Thai, RTGS, popular spelling.
const TH_FIRST: &[Part] = &[
    ("ศรี", &["Si", "Sri"]),
    ("แสง", &["Saeng", "Sang"]),
    ("บุญ", &["Bun", "Boon"]),
    ("ทอง", &["Thong", "Tong"]),
    ("จันทร์", &["Chan", "Jan"]),
    ("สุข", &["Suk", "Sook"]),
    ("วงศ์", &["Wong", "Vong"]),
    ("แก้ว", &["Kaeo", "Kaew"]),
    ("รุ่ง", &["Rung", "Roong"]),
    ("พรหม", &["Phrom", "Prom"]),
    ("มี", &["Mi", "Mee"]),
    ("ชัย", &["Chai"]),
    ("ใจ", &["Chai", "Jai"]),
    ("เพชร", &["Phet", "Petch"]),
    ("ทรัพย์", &["Sap", "Sub"]),
    ("สม", &["Som"]),
    ("นาค", &["Nak", "Nark"]),
    ("เงิน", &["Ngoen", "Ngern"]),
    ("คำ", &["Kham", "Kum"]),
    ("อินทร์", &["In", "Inn"]),
    ("พร", &["Phon", "Porn"]),
    ("สิทธิ", &["Sitthi", "Sitti"]),
    ("รัตน", &["Rattana", "Ratana"]),
    ("กิจ", &["Kit", "Kij"]),
    ("เจริญ", &["Charoen", "Jaroen"]),
    ("มงคล", &["Mongkhon", "Mongkol"]),
    ("สุวรรณ", &["Suwan", "Suwann"]),
    ("ทิพย์", &["Thip", "Tip"]),
    ("ศักดิ์", &["Sak", "Sakdi"]),
    ("วิเศษ", &["Wiset", "Viset"]),
    ("ปัญญา", &["Panya", "Punya"]),
    ("อุดม", &["Udom"]),
    ("ประเสริฐ", &["Prasoet", "Prasert"]),
    ("นิล", &["Nin", "Nil"]),
];

/// Second elements of Thai family names.
const TH_SECOND: &[Part] = &[
    ("สุข", &["suk", "sook"]),
    ("ทอง", &["thong", "tong"]),
    ("ดี", &["di", "dee"]),
    ("ศรี", &["si", "sri"]),
    ("วงศ์", &["wong", "vong"]),
    ("แก้ว", &["kaeo", "kaew"]),
    ("ชัย", &["chai"]),
    ("สวัสดิ์", &["sawat", "sawad"]),
    ("มณี", &["mani", "manee"]),
    ("เรือง", &["rueang", "ruang"]),
    ("มา", &["ma"]),
    ("มี", &["mi", "mee"]),
    ("ประเสริฐ", &["prasoet", "prasert"]),
    ("พงษ์", &["phong", "pong"]),
    ("สกุล", &["sakun", "sakul"]),
    ("ภักดี", &["phakdi", "pakdee"]),
    ("กุล", &["kun", "kul"]),
    ("วัฒนา", &["watthana", "wattana"]),
    ("สิน", &["sin"]),
    ("เจริญ", &["charoen", "jaroen"]),
    ("ศักดิ์", &["sak", "sakdi"]),
    ("พันธ์", &["phan", "pan"]),
    ("ไพบูลย์", &["phaibun", "paiboon"]),
    ("ทิพย์", &["thip", "tip"]),
    ("รักษ์", &["rak", "ruk"]),
    ("งาม", &["ngam"]),
    ("เดช", &["det", "dech"]),
    ("จันทร์", &["chan", "jan"]),
    ("บุญ", &["bun", "boon"]),
    ("ธรรม", &["tham", "thum"]),
    ("อินทร์", &["in", "inn"]),
    ("โชติ", &["chot", "chote"]),
    ("ภู่", &["phu", "poo"]),
    ("สมบูรณ์", &["sombun", "somboon"]),
];

/// Burmese syllables that form the second part of a name (Myint Aung, Kyaw Zin).
const MM_SYLLABLES: &[Part] = &[
    ("အောင်", &["Aung"]),
    ("မြင့်", &["Myint"]),
    ("ကျော်", &["Kyaw"]),
    ("ဇော်", &["Zaw"]),
    ("မင်း", &["Min", "Minn"]),
    ("စိုး", &["Soe"]),
    ("တင်", &["Tin"]),
    ("လင်း", &["Lin", "Linn"]),
    ("နိုင်", &["Naing"]),
    ("ဦး", &["Oo", "U"]),
    ("လှိုင်", &["Hlaing"]),
    ("ထွန်း", &["Htun", "Tun", "Htoon"]),
    ("သူ", &["Thu"]),
    ("မိုး", &["Moe"]),
    ("ဝေ", &["Wai", "Way"]),
    ("ထက်", &["Htet"]),
    ("သိန်း", &["Thein"]),
    ("လွင်", &["Lwin"]),
    ("ညွန့်", &["Nyunt"]),
    ("ဝင်း", &["Win", "Winn"]),
    ("ကြည်", &["Kyi"]),
    ("ခိုင်", &["Khaing"]),
    ("ဇင်", &["Zin", "Zinn"]),
    ("ဖြိုး", &["Phyo", "Pyo"]),
    ("ပိုင်", &["Paing"]),
    ("ဟိန်း", &["Hein"]),
    ("ငြိမ်း", &["Nyein"]),
    ("ရန်", &["Yan"]),
    ("ကို", &["Ko"]),
    ("စိန်", &["Sein"]),
    ("ခင်", &["Khin"]),
    ("အေး", &["Aye"]),
];

/// First elements of Ethiopian compound names ("servant of", "child of", "power of"…).
const ET_FIRST: &[Part] = &[
    ("ገብረ", &["Gebre", "Gebra"]),
    ("ወልደ", &["Wolde", "Welde"]),
    ("ኃይለ", &["Haile", "Hayle"]),
    ("ተስፋ", &["Tesfa"]),
    ("ሀብተ", &["Habte"]),
    ("ኪዳነ", &["Kidane"]),
    ("ተክለ", &["Tekle"]),
    ("ዘርአ", &["Zere", "Zera"]),
];

/// Second elements: saints, the Trinity, virtues.
const ET_SECOND: &[Part] = &[
    ("ማርያም", &["Mariam", "Maryam"]),
    ("ሚካኤል", &["Mikael", "Michael"]),
    ("ሥላሴ", &["Selassie", "Sillasie"]),
    ("ጊዮርጊስ", &["Giorgis", "Giyorgis"]),
    ("መድኅን", &["Medhin", "Medhn"]),
    ("ኪዳን", &["Kidan"]),
    ("ኢየሱስ", &["Iyesus", "Eyesus"]),
    ("ጻድቅ", &["Tsadik", "Tsadiq"]),
    ("ሩፋኤል", &["Rufael"]),
    ("ገብርኤል", &["Gabriel", "Gebriel"]),
    ("ዮሐንስ", &["Yohannes"]),
    ("ሕይወት", &["Hiwot"]),
    ("ሃይማኖት", &["Haymanot", "Haimanot"]),
    ("ብርሃን", &["Birhan", "Berhan"]),
];

/// Other common Ethiopian fathers' names (Amharic and Oromo).
const ET_FATHERS: &[Part] = &[
    ("ሙሉጌታ", &["Mulugeta"]),
    ("ደረጀ", &["Dereje"]),
    ("ጌታቸው", &["Getachew"]),
    ("ያሬድ", &["Yared"]),
    ("ዳዊት", &["Dawit"]),
    ("ሰለሞን", &["Solomon"]),
    ("ዮሐንስ", &["Yohannes", "Yohanes"]),
    ("ተስፋዬ", &["Tesfaye"]),
    ("ብርሃኑ", &["Birhanu", "Berhanu"]),
    ("ግርማ", &["Girma"]),
    ("አበበ", &["Abebe"]),
    ("ለማ", &["Lemma", "Lema"]),
    ("አየለ", &["Ayele"]),
    ("ሽፈራው", &["Shiferaw"]),
    ("ዘውዱ", &["Zewdu"]),
    ("ታምራት", &["Tamrat"]),
    ("ፈቃዱ", &["Fekadu"]),
    ("አማረ", &["Amare"]),
    ("ነጋሽ", &["Negash"]),
    ("ካሳ", &["Kassa", "Kasa"]),
    ("ደምሴ", &["Demisse", "Demise"]),
    ("ኃይሉ", &["Hailu", "Haylu"]),
    ("ጥላሁን", &["Tilahun"]),
    ("ሰይፉ", &["Seifu", "Seyfu"]),
    ("ወንድሙ", &["Wondimu", "Wendimu"]),
    ("ገመቹ", &["Gemechu"]),
    ("ቶሎሳ", &["Tolossa", "Tolosa"]),
    ("ዲሪባ", &["Diriba"]),
    ("ቱሉ", &["Tulu"]),
    ("ጫላ", &["Chala"]),
    ("ንጉሤ", &["Niguse", "Negussie"]),
    ("መኮንን", &["Mekonnen", "Mekonen"]),
];

/// First elements of Eritrean compound names, with the Italian-era spellings.
const ER_FIRST: &[Part] = &[
    ("ገብረ", &["Gebre", "Ghebre"]),
    ("ወልደ", &["Welde", "Wolde"]),
    ("ሃይለ", &["Haile", "Hayle"]),
    ("ተስፋ", &["Tesfa"]),
    ("ሃብተ", &["Habte"]),
    ("ኪዳነ", &["Kidane"]),
    ("ተኽለ", &["Tekle", "Tekhle"]),
    ("ዘርኣ", &["Zere", "Zera"]),
];

const ER_SECOND: &[Part] = &[
    ("ማርያም", &["Mariam", "Mariyam"]),
    ("ሚካኤል", &["Michael", "Mikael"]),
    ("ስላሴ", &["Selassie", "Sellasie"]),
    ("ጊዮርጊስ", &["Giorgis", "Ghiorghis"]),
    ("መድህን", &["Medhin"]),
    ("ኪዳን", &["Kidan"]),
    ("የሱስ", &["Yesus"]),
    ("ሂወት", &["Hiwet"]),
    ("መስቀል", &["Meskel"]),
    ("ገብርኤል", &["Gabriel"]),
    ("ሩፋኤል", &["Rufael"]),
    ("ዮሃንስ", &["Yohannes"]),
    ("እዝጊ", &["Ezgi"]),
    ("ጽዮን", &["Tsion", "Zion"]),
];

/// Other common Eritrean fathers' names.
const ER_FATHERS: &[Part] = &[
    ("ተስፋይ", &["Tesfay", "Tesfai"]),
    ("ሃብቶም", &["Habtom"]),
    ("ፍስሃ", &["Fisseha", "Fsaha"]),
    ("መሓሪ", &["Mehari"]),
    ("የማነ", &["Yemane"]),
    ("ግርማይ", &["Ghirmay", "Girmay"]),
    ("ተኽላይ", &["Teklay"]),
    ("ኣስመላሽ", &["Asmelash"]),
    ("ጸጋይ", &["Tsegay", "Tsegai"]),
    ("ኣብርሃም", &["Abraham", "Abrham"]),
    ("ዑቕባይ", &["Okbay", "Ukbay"]),
    ("ነጋሽ", &["Negash"]),
    ("ወልዱ", &["Woldu", "Weldu"]),
    ("መብራህቱ", &["Mebrahtu"]),
    ("ተኸስተ", &["Tekeste"]),
    ("ሰመረ", &["Semere"]),
    ("ኣማኑኤል", &["Amanuel", "Emanuel"]),
    ("በረከት", &["Bereket"]),
    ("ሙሴ", &["Musie", "Mussie"]),
    ("ጴጥሮስ", &["Petros"]),
    ("ዮውሃንስ", &["Yohannes"]),
    ("ሚኪኤለ", &["Mikiele"]),
    ("ኣንደብርሃን", &["Andebrhan", "Andeberhan"]),
    ("ገረዝጊሄር", &["Gerezgiher"]),
];

/// Yoruba name elements: Ade (crown), Ola (wealth), Ogun, Akin (valour), Oye (title),
/// Olu (lord), Ayo (joy), Fola (honour), then what they are joined to.
const NG_YORUBA_FIRST: &[&str] = &["Ade", "Ola", "Ogun", "Akin", "Oye", "Olu", "Ayo", "Fola"];

const NG_YORUBA_SECOND: &[&str] = &[
    "yemi", "bayo", "wale", "tunde", "kunle", "sola", "mola", "leke", "bisi", "yinka", "jumo", "niyi", "goke", "dele",
    "bode", "dipo", "niran", "wole", "biyi", "lade", "laran", "tola", "femi", "tunji", "seye", "doyin",
];

/// Igbo name elements: Chukwu (God), Nwa (child), Eze (king), Obi (heart), Ike
/// (strength), Onye (who), Uche (will), Chi (personal god), then what they are joined to.
const NG_IGBO_FIRST: &[&str] = &["Chukwu", "Nwa", "Eze", "Obi", "Ike", "Onye", "Uche", "Chi"];

const NG_IGBO_SECOND: &[&str] = &[
    "emeka", "di", "ma", "ka", "nedu", "buike", "nna", "ora", "kwe", "ugo", "nwa", "ani", "bueze", "oma", "ebuka",
    "obi", "eze", "chukwu", "nkwo", "fo", "koro", "neke", "ozo",
];

/// Hausa, Igbo and other family names.
const NG_NAMES: &[Part] = &[
    ("Musa", &["Musa"]),
    ("Sani", &["Sani"]),
    ("Garba", &["Garba"]),
    ("Aliyu", &["Aliyu"]),
    ("Usman", &["Usman", "Usmanu"]),
    ("Lawal", &["Lawal"]),
    ("Suleiman", &["Suleiman", "Sulaiman"]),
    ("Idris", &["Idris", "Idrisu"]),
    ("Yakubu", &["Yakubu"]),
    ("Danladi", &["Danladi"]),
    ("Haruna", &["Haruna"]),
    ("Abdullahi", &["Abdullahi"]),
    ("Umar", &["Umar", "Umaru"]),
    ("Shehu", &["Shehu"]),
    ("Adamu", &["Adamu"]),
    ("Bala", &["Bala"]),
    ("Tanko", &["Tanko"]),
    ("Jibrin", &["Jibrin", "Jibril"]),
    ("Isah", &["Isah", "Isa"]),
    ("Salisu", &["Salisu"]),
    ("Kabir", &["Kabir"]),
    ("Mustapha", &["Mustapha", "Mustafa"]),
    ("Nuhu", &["Nuhu"]),
    ("Dauda", &["Dauda"]),
    ("Aminu", &["Aminu"]),
    ("Tijjani", &["Tijjani", "Tijani"]),
    ("Nwachukwu", &["Nwachukwu"]),
    ("Nwankwo", &["Nwankwo"]),
    ("Nwafor", &["Nwafor"]),
    ("Obi", &["Obi"]),
    ("Obiora", &["Obiora"]),
    ("Okoye", &["Okoye"]),
    ("Chukwu", &["Chukwu"]),
    ("Chukwuma", &["Chukwuma"]),
    ("Ibe", &["Ibe"]),
    ("Ike", &["Ike"]),
    ("Anyanwu", &["Anyanwu"]),
    ("Onuoha", &["Onuoha"]),
    ("Udeh", &["Udeh", "Ude"]),
    ("Agu", &["Agu"]),
    ("Ugwu", &["Ugwu"]),
    ("Okpara", &["Okpara"]),
    ("Njoku", &["Njoku"]),
    ("Nwoye", &["Nwoye"]),
    ("Onwuka", &["Onwuka"]),
    ("Ekwueme", &["Ekwueme"]),
    ("Okonjo", &["Okonjo"]),
    ("Emenike", &["Emenike"]),
    ("Okafor", &["Okafor"]),
];

/// Nepali family names after the listed ones (castes and ethnic groups: few, concentrated).
const NP_NAMES: &[Part] = &[
    ("भण्डारी", &["Bhandari"]),
    ("पाण्डे", &["Pandey", "Pande", "Pandeya"]),
    ("अर्याल", &["Aryal"]),
    ("आचार्य", &["Acharya"]),
    ("कोइराला", &["Koirala"]),
    ("रेग्मी", &["Regmi"]),
    ("दाहाल", &["Dahal"]),
    ("न्यौपाने", &["Neupane", "Neupaney"]),
    ("सापकोटा", &["Sapkota"]),
    ("पोखरेल", &["Pokharel", "Pokhrel"]),
    ("खत्री", &["Khatri"]),
    ("विष्ट", &["Bista", "Bisht"]),
    ("राणा", &["Rana"]),
    ("ओली", &["Oli"]),
    ("बुढा", &["Budha"]),
    ("रावल", &["Rawal"]),
    ("शाही", &["Shahi"]),
    ("महतो", &["Mahato"]),
    ("यादव", &["Yadav"]),
    ("चौधरी", &["Chaudhary", "Chaudhari"]),
    ("थारु", &["Tharu"]),
    ("महर्जन", &["Maharjan"]),
    ("तुलाधर", &["Tuladhar"]),
    ("बज्राचार्य", &["Bajracharya", "Vajracharya"]),
    ("शाक्य", &["Shakya"]),
    ("जोशी", &["Joshi"]),
    ("प्रधान", &["Pradhan"]),
    ("मल्ल", &["Malla"]),
    ("लामा", &["Lama"]),
    ("घले", &["Ghale"]),
    ("भुजेल", &["Bhujel"]),
    ("सुनुवार", &["Sunuwar"]),
    ("ढकाल", &["Dhakal"]),
    ("गौतम", &["Gautam"]),
    ("पन्त", &["Pant"]),
    ("तिमल्सिना", &["Timalsina"]),
    ("सुवेदी", &["Subedi"]),
    ("लामिछाने", &["Lamichhane"]),
    ("भुसाल", &["Bhusal"]),
    ("उपाध्याय", &["Upadhyaya", "Upadhyay"]),
    ("देवकोटा", &["Devkota"]),
    ("खनाल", &["Khanal"]),
    ("काफ्ले", &["Kafle"]),
    ("बराल", &["Baral"]),
    ("बोहरा", &["Bohara", "Bohra"]),
    ("कुँवर", &["Kunwar", "Kuwar"]),
    ("ठाकुर", &["Thakur"]),
    ("झा", &["Jha"]),
    ("मिश्र", &["Mishra"]),
    ("साह", &["Sah", "Shah"]),
    ("सिंह", &["Singh"]),
    ("पराजुली", &["Parajuli"]),
    ("रिजाल", &["Rijal"]),
    ("बुढाथोकी", &["Budhathoki"]),
];

/// Somali fathers' names after the listed ones (Somali spelling, then as records write them).
const SO_NAMES: &[Part] = &[
    ("Maxamuud", &["Mohamud", "Mahmoud", "Maxamuud"]),
    ("Yuusuf", &["Yusuf", "Yuusuf"]),
    ("Cumar", &["Omar", "Cumar"]),
    ("Xuseen", &["Hussein", "Xuseen"]),
    ("Ismaaciil", &["Ismail", "Ismaaciil"]),
    ("Cabdullaahi", &["Abdullahi", "Cabdullaahi"]),
    ("Cabdiraxmaan", &["Abdirahman", "Abdurahman", "Cabdiraxmaan"]),
    ("Cabdulqaadir", &["Abdulkadir", "Abdiqadir", "Cabdulqaadir"]),
    ("Cabdikariim", &["Abdikarim", "Cabdikariim"]),
    ("Cabdiwali", &["Abdiweli", "Cabdiwali"]),
    ("Cabdisalaan", &["Abdisalam", "Cabdisalaan"]),
    ("Cabdinuur", &["Abdinur", "Cabdinuur"]),
    ("Xirsi", &["Hirsi", "Xirsi"]),
    ("Xaashi", &["Hashi", "Xaashi"]),
    ("Xaaji", &["Haji", "Xaaji"]),
    ("Daahir", &["Dahir", "Daahir"]),
    ("Diiriye", &["Dirie", "Diriye", "Diiriye"]),
    ("Samatar", &["Samatar"]),
    ("Geeddi", &["Gedi", "Geeddi"]),
    ("Jibriil", &["Jibril", "Jibriil"]),
    ("Barre", &["Barre"]),
    ("Bashiir", &["Bashir", "Bashiir"]),
    ("Mahad", &["Mahad"]),
    ("Mukhtaar", &["Mukhtar", "Mukhtaar"]),
    ("Qaasim", &["Qasim", "Kasim", "Qaasim"]),
    ("Rooble", &["Roble", "Rooble"]),
    ("Saciid", &["Said", "Saeed", "Saciid"]),
    ("Shire", &["Shire"]),
    ("Siyaad", &["Siad", "Siyaad"]),
    ("Yaasiin", &["Yasin", "Yaasiin"]),
    ("Cawil", &["Awil", "Cawil"]),
    ("Ciise", &["Ise", "Issa", "Ciise"]),
    ("Mursal", &["Mursal"]),
    ("Osoble", &["Osoble"]),
    ("Abtidoon", &["Abtidon", "Abtidoon"]),
    ("Khaliif", &["Khalif", "Khaliif"]),
    ("Fiqi", &["Fiqi", "Fiki"]),
    ("Liibaan", &["Liban", "Liibaan"]),
    ("Sahal", &["Sahal"]),
    ("Weheliye", &["Weheliye"]),
    ("Kaahin", &["Kahin", "Kaahin"]),
    ("Dirir", &["Dirir"]),
    ("Faysal", &["Faisal", "Faysal"]),
    ("Jimcaale", &["Jimale", "Jimcaale"]),
];

/// South Sudanese fathers' names after the listed ones (Dinka and Nuer spelling varies:
/// c or ch, w or u).
const SS_NAMES: &[Part] = &[
    ("Ajak", &["Ajak"]),
    ("Akol", &["Akol"]),
    ("Amum", &["Amum"]),
    ("Aleu", &["Aleu"]),
    ("Atem", &["Atem"]),
    ("Ayuen", &["Ayuen", "Ayuel"]),
    ("Chan", &["Chan", "Can"]),
    ("Dau", &["Dau"]),
    ("Duop", &["Duop", "Dwop"]),
    ("Gai", &["Gai"]),
    ("Gatdet", &["Gatdet"]),
    ("Gatwech", &["Gatwech", "Gatwec"]),
    ("Jok", &["Jok"]),
    ("Kon", &["Kon"]),
    ("Kuany", &["Kuany", "Kwany"]),
    ("Lual", &["Lual", "Lwal"]),
    ("Mabior", &["Mabior"]),
    ("Magok", &["Magok"]),
    ("Majak", &["Majak"]),
    ("Makuei", &["Makuei", "Makwei"]),
    ("Manyang", &["Manyang"]),
    ("Mawien", &["Mawien"]),
    ("Mayom", &["Mayom"]),
    ("Nhial", &["Nhial"]),
    ("Nyok", &["Nyok"]),
    ("Ring", &["Ring"]),
    ("Thon", &["Thon"]),
    ("Tut", &["Tut"]),
    ("Wal", &["Wal"]),
    ("Yel", &["Yel"]),
    ("Ayom", &["Ayom"]),
    ("Bior", &["Bior"]),
    ("Dut", &["Dut"]),
    ("Marial", &["Marial"]),
    ("Mathiang", &["Mathiang"]),
    ("Ngor", &["Ngor"]),
    ("Ruot", &["Ruot", "Rwot"]),
    ("Simon", &["Simon"]),
    ("John", &["John"]),
    ("Joseph", &["Joseph"]),
    ("Paul", &["Paul"]),
    ("Daniel", &["Daniel"]),
    ("Michael", &["Michael"]),
    ("Samuel", &["Samuel"]),
    ("Stephen", &["Stephen"]),
    ("Ladu", &["Ladu"]),
    ("Lemi", &["Lemi"]),
    ("Loro", &["Loro"]),
    ("Modi", &["Modi"]),
    ("Taban", &["Taban"]),
    ("Kenyi", &["Kenyi"]),
    ("Lomoro", &["Lomoro"]),
];

/// Congolese family names after the listed ones.
const CD_NAMES: &[Part] = &[
    ("Kalonji", &["Kalonji", "Kalonzi"]),
    ("Kanku", &["Kanku"]),
    ("Kabeya", &["Kabeya"]),
    ("Mwamba", &["Mwamba"]),
    ("Ngalula", &["Ngalula"]),
    ("Kayembe", &["Kayembe"]),
    ("Mbombo", &["Mbombo"]),
    ("Kanyinda", &["Kanyinda"]),
    ("Tshilumba", &["Tshilumba", "Chilumba"]),
    ("Mukuna", &["Mukuna"]),
    ("Mpoyi", &["Mpoyi"]),
    ("Tshiala", &["Tshiala", "Chiala"]),
    ("Nkulu", &["Nkulu"]),
    ("Kalenga", &["Kalenga"]),
    ("Kapinga", &["Kapinga"]),
    ("Muteba", &["Muteba"]),
    ("Nsenga", &["Nsenga"]),
    ("Kitenge", &["Kitenge"]),
    ("Kazadi", &["Kazadi"]),
    ("Mumba", &["Mumba"]),
    ("Bukasa", &["Bukasa"]),
    ("Kasanda", &["Kasanda"]),
    ("Kabamba", &["Kabamba"]),
    ("Tshibanda", &["Tshibanda", "Chibanda"]),
    ("Mwanza", &["Mwanza"]),
    ("Nzuzi", &["Nzuzi"]),
    ("Makiese", &["Makiese"]),
    ("Bakala", &["Bakala"]),
    ("Mabiala", &["Mabiala"]),
    ("Malonga", &["Malonga"]),
    ("Matondo", &["Matondo"]),
    ("Nlandu", &["Nlandu"]),
    ("Luzolo", &["Luzolo"]),
    ("Mayala", &["Mayala"]),
    ("Kiala", &["Kiala"]),
    ("Lukombo", &["Lukombo"]),
    ("Bosenge", &["Bosenge"]),
    ("Bolamba", &["Bolamba"]),
    ("Ngandu", &["Ngandu"]),
    ("Kanda", &["Kanda"]),
    ("Kabasele", &["Kabasele"]),
    ("Kalombo", &["Kalombo"]),
    ("Kabwe", &["Kabwe"]),
    ("Bahati", &["Bahati"]),
    ("Amisi", &["Amisi"]),
    ("Byamungu", &["Byamungu"]),
    ("Mushagalusa", &["Mushagalusa"]),
    ("Bisimwa", &["Bisimwa"]),
    ("Cirhuza", &["Cirhuza", "Chiruza"]),
    ("Kabuya", &["Kabuya"]),
    ("Lunda", &["Lunda"]),
    ("Masengo", &["Masengo"]),
    ("Mbaya", &["Mbaya"]),
    ("Mulumba", &["Mulumba"]),
    ("Ngoma", &["Ngoma"]),
    ("Nkongolo", &["Nkongolo"]),
    ("Ntumba", &["Ntumba"]),
    ("Kabemba", &["Kabemba"]),
    ("Kanza", &["Kanza"]),
    ("Kasereka", &["Kasereka"]),
    ("Kambale", &["Kambale"]),
    ("Kahindo", &["Kahindo"]),
    ("Kavira", &["Kavira"]),
    ("Muhindo", &["Muhindo"]),
    ("Paluku", &["Paluku"]),
    ("Katembo", &["Katembo"]),
    ("Mumbere", &["Mumbere"]),
    ("Kasongo Ilunga", &["Kasongo Ilunga", "Kasongo-Ilunga"]),
    ("Mbuyi Kalala", &["Mbuyi Kalala", "Mbuyi-Kalala"]),
    ("Ngandu Mukendi", &["Ngandu Mukendi", "Ngandu-Mukendi"]),
    ("Bolenge", &["Bolenge"]),
    ("Bokele", &["Bokele"]),
    ("Ekila", &["Ekila"]),
    ("Elonga", &["Elonga"]),
    ("Ikoli", &["Ikoli"]),
    ("Lokuli", &["Lokuli"]),
    ("Mbo", &["Mbo"]),
    ("Nzinga", &["Nzinga"]),
    ("Mavungu", &["Mavungu"]),
    ("Phambu", &["Phambu", "Pambu"]),
    ("Vangu", &["Vangu"]),
    ("Diambu", &["Diambu"]),
    ("Kiese", &["Kiese"]),
    ("Tsasa", &["Tsasa"]),
    ("Biduaya", &["Biduaya"]),
    ("Kalombo Mukendi", &["Kalombo Mukendi", "Kalombo-Mukendi"]),
    ("Bakajika", &["Bakajika"]),
    ("Kadima", &["Kadima"]),
    ("Kalambayi", &["Kalambayi"]),
    ("Kalonda", &["Kalonda"]),
    ("Kamba", &["Kamba"]),
    ("Kanyama", &["Kanyama"]),
    ("Kapend", &["Kapend"]),
    ("Kashala", &["Kashala"]),
    ("Kayumba", &["Kayumba"]),
    ("Kazembe", &["Kazembe"]),
    ("Kibala", &["Kibala"]),
    ("Kilolo", &["Kilolo"]),
    ("Kimbembe", &["Kimbembe"]),
    ("Kinkela", &["Kinkela"]),
    ("Kitoko", &["Kitoko"]),
    ("Lelo", &["Lelo"]),
    ("Luboya", &["Luboya"]),
    ("Lumbala", &["Lumbala"]),
    ("Lusambo", &["Lusambo"]),
    ("Lutete", &["Lutete"]),
    ("Mabaya", &["Mabaya"]),
    ("Mafuta", &["Mafuta"]),
    ("Makengo", &["Makengo"]),
    ("Malu", &["Malu"]),
    ("Mamba", &["Mamba"]),
    ("Mande", &["Mande"]),
    ("Masamba", &["Masamba"]),
    ("Mbayo", &["Mbayo"]),
    ("Mbiye", &["Mbiye"]),
    ("Mbuyamba", &["Mbuyamba"]),
    ("Mfumu", &["Mfumu"]),
    ("Misenga", &["Misenga"]),
    ("Mpiana", &["Mpiana"]),
    ("Mpunga", &["Mpunga"]),
    ("Mubenga", &["Mubenga"]),
    ("Mudimbi", &["Mudimbi"]),
    ("Mujinga", &["Mujinga"]),
    ("Mukadi", &["Mukadi"]),
    ("Mulunda", &["Mulunda"]),
    ("Mushiya", &["Mushiya"]),
    ("Mutamba", &["Mutamba"]),
    ("Mwila", &["Mwila"]),
    ("Ndaye", &["Ndaye"]),
    ("Ngindu", &["Ngindu"]),
    ("Ntambwe", &["Ntambwe"]),
    ("Numbi", &["Numbi"]),
    ("Nyembo", &["Nyembo"]),
    ("Shabani", &["Shabani"]),
    ("Tshilombo", &["Tshilombo", "Chilombo"]),
    ("Tshiyombo", &["Tshiyombo", "Chiyombo"]),
    ("Yav", &["Yav"]),
    ("Yumba", &["Yumba"]),
];

/// Spanish family names after the listed ones, for Venezuela and Colombia.
const SPANISH_NAMES: &[&str] = &[
    "Romero",
    "Álvarez",
    "Ruiz",
    "Jiménez",
    "Moreno",
    "Muñoz",
    "Vargas",
    "Castro",
    "Suárez",
    "Ortiz",
    "Gutiérrez",
    "Silva",
    "Mendoza",
    "Ramos",
    "Medina",
    "Castillo",
    "Flores",
    "Aguilar",
    "Herrera",
    "Guzmán",
    "Reyes",
    "Chávez",
    "Rivera",
    "Acosta",
    "Rojas",
    "Morales",
    "Vásquez",
    "Navarro",
    "Delgado",
    "Blanco",
    "Pineda",
    "Contreras",
    "Salazar",
    "Paredes",
    "Cárdenas",
    "Figueroa",
    "Quintero",
    "Marín",
    "Sosa",
    "Peña",
    "Ríos",
    "Cabrera",
    "Campos",
    "Parra",
    "Mejía",
    "Osorio",
    "Cardona",
    "Ospina",
    "Valencia",
    "Zapata",
    "Arias",
    "Londoño",
    "Restrepo",
    "Giraldo",
    "Henao",
    "Agudelo",
    "Colmenares",
    "Carrasco",
    "Guerrero",
    "Linares",
    "Mora",
    "Perdomo",
    "Urdaneta",
    "Villalobos",
    "Briceño",
    "Bracho",
    "Fuenmayor",
    "Chirinos",
    "Escalona",
    "Rincón",
    "Montilla",
    "Toro",
    "Duarte",
    "Benítez",
];

/// Haitian family names after the listed ones.
const HT_NAMES: &[&str] = &[
    "Jean-Louis",
    "Pierre-Louis",
    "Saint-Louis",
    "Saint-Juste",
    "Saint-Hilaire",
    "Saint-Vil",
    "Saint-Cyr",
    "Saint-Pierre",
    "Dorvil",
    "Exantus",
    "Dorélien",
    "François",
    "Estimé",
    "Auguste",
    "Théodore",
    "Fils-Aimé",
    "Jeune",
    "Noël",
    "Jean-Charles",
    "Jean-Pierre",
    "Jean-Jacques",
    "Jean-Philippe",
    "Jean-Gilles",
    "Jean-Noël",
    "Jean-François",
    "Pierre-Paul",
    "Lafortune",
    "Bien-Aimé",
    "Cadet",
    "Michel",
    "Laguerre",
    "Toussaint",
    "Vincent",
    "Innocent",
    "Lamour",
    "Fleurant",
    "Fleury",
    "Mondésir",
    "Mompremier",
    "Dorsainvil",
    "Cénatus",
    "Chéry",
    "Vilsaint",
    "Jacques",
    "Guillaume",
    "Desrosiers",
    "Jules",
    "Lubin",
    "Métellus",
    "Philogène",
    "Prophète",
    "Rémy",
    "Saintil",
    "Séraphin",
    "Thélusma",
    "Valcourt",
];

/// Filipino family names after the listed ones: Spanish (from the 1849 catalogue),
/// Tagalog and Chinese-Filipino.
const PH_NAMES: &[&str] = &[
    "Cruz",
    "Aquino",
    "Navarro",
    "Domingo",
    "Tolentino",
    "Soriano",
    "Salazar",
    "Manalo",
    "Pascual",
    "Fernandez",
    "Lopez",
    "Gomez",
    "Perez",
    "Hernandez",
    "Rivera",
    "Francisco",
    "Valdez",
    "Aguilar",
    "Castro",
    "Marquez",
    "Diaz",
    "Morales",
    "Rosales",
    "Dizon",
    "Santiago",
    "Cortez",
    "Lim",
    "Tan",
    "Sy",
    "Go",
    "Chua",
    "Ong",
    "Uy",
    "Pangilinan",
    "Macaraeg",
    "Dimaculangan",
    "Magbanua",
    "Mangubat",
    "Lacson",
    "Manalastas",
    "Agbayani",
    "Bernardo",
    "Samson",
    "Sison",
    "Galang",
    "Enriquez",
    "Lacsamana",
    "Mallari",
    "Yap",
    "De Guzman",
    "De Leon",
    "Del Rosario",
    "De los Santos",
    "Dela Paz",
    "Delos Reyes",
    "Evangelista",
    "Esguerra",
    "Ignacio",
    "Jimenez",
    "Lagman",
    "Legaspi",
    "Miranda",
    "Natividad",
    "Padilla",
    "Quiambao",
    "Sarmiento",
    "Umali",
    "Velasco",
    "Zamora",
    "Cabrera",
    "Abad",
    "Abella",
    "Alcantara",
    "Andrada",
    "Aragon",
    "Arellano",
    "Bacani",
    "Baltazar",
    "Basa",
    "Belmonte",
    "Buenaventura",
    "Cajucom",
    "Calderon",
    "Canlas",
    "Carreon",
    "Catapang",
    "Concepcion",
    "Cuenca",
    "Dalisay",
    "David",
    "Dimalanta",
    "Dumlao",
    "Espiritu",
    "Estrada",
    "Fajardo",
    "Gallardo",
    "Gatdula",
    "Guevarra",
    "Guinto",
    "Ilagan",
    "Lapid",
    "Lualhati",
    "Magsino",
    "Mendiola",
    "Nepomuceno",
    "Pacheco",
    "Panganiban",
    "Quizon",
    "Regalado",
    "Sabado",
    "Salvador",
    "Simbulan",
    "Tiongson",
    "Tuazon",
    "Valenzuela",
    "Vergara",
    "Yumul",
];
