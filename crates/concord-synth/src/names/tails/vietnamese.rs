//! Vietnamese names. Family names really are concentrated (Nguyễn is about 38% of
//! Vietnamese, Trần 11%, Lê 9.5%), so they keep their measured shares, with the rarer ones
//! added. Given names are what tells people apart: a middle name (Thị for most women,
//! Văn for many men) and a given name from many, composed here.
//!
//! Records drop the diacritics (Thị Hương → Thi Huong), sometimes hyphenate or join the
//! two (Thi-Huong, Thihuong).

use super::super::romanise::plain;
use super::{rank_weight, Family, Form, Shape, Tail};

/// A middle name and a given name, romanised as records write them.
fn given(middle: &str, name: &str) -> Form {
    let (m, g) = (plain(middle), plain(name));
    let joined = format!("{m}{}", g.to_lowercase());
    Form::new(
        format!("{middle} {name}"),
        [format!("{m} {g}"), format!("{m}-{g}"), joined],
    )
}

/// Every middle name with every given name (not the same twice), weighted by both.
fn names(middles: &[(&str, u64)], given_names: &[&str]) -> Vec<(Form, u64)> {
    let mut all = Vec::new();
    for &(middle, weight) in middles {
        for (j, name) in given_names.iter().enumerate() {
            if *name != middle {
                all.push((given(middle, name), weight * rank_weight(j)));
            }
        }
    }
    all
}

pub(super) fn vietnamese() -> Tail {
    let family = VN_RARE
        .iter()
        .map(|&(native, weight)| Family {
            male: Form::new(native, [plain(native)]),
            female: None,
            weight,
        })
        .collect();
    Tail {
        given_female: names(VN_FEMALE_MIDDLE, VN_FEMALE),
        given_male: names(VN_MALE_MIDDLE, VN_MALE),
        given: Shape::Zipf(80),
        family,
        family_shape: Shape::Measured(VN_SHARES),
    }
}

/// Shares of the listed family names, in units of 0.01%.
const VN_SHARES: &[u32] = &[
    3800, 1100, 950, 710, 300, 210, 450, 200, 190, 210, 200, 140, 130, 130, 100, 50, 80, 80, 50, 50, 60, 40, 40,
];

/// Rarer family names, with their shares in units of 0.01%.
const VN_RARE: &[(&str, u64)] = &[
    ("Đoàn", 60),
    ("Trịnh", 50),
    ("Hà", 40),
    ("Tô", 30),
    ("Tạ", 30),
    ("Lưu", 30),
    ("Chu", 20),
    ("Quách", 20),
    ("Thái", 20),
    ("Vương", 20),
    ("Phùng", 20),
    ("Châu", 20),
    ("Triệu", 15),
    ("Kiều", 10),
    ("Tăng", 10),
    ("Từ", 10),
    ("La", 10),
    ("Hứa", 10),
    ("Nghiêm", 10),
    ("Tống", 10),
    ("Thân", 10),
    ("Giang", 10),
    ("Đàm", 10),
    ("Lại", 10),
    ("Lục", 5),
    ("Mạc", 5),
    ("Khúc", 5),
    ("Âu", 5),
    ("Doãn", 5),
    ("Kim", 5),
];

/// Women's middle names, with their weights (Thị for most).
const VN_FEMALE_MIDDLE: &[(&str, u64)] = &[
    ("Thị", 60),
    ("Ngọc", 8),
    ("Thu", 5),
    ("Thanh", 5),
    ("Kim", 4),
    ("Minh", 4),
    ("Bảo", 3),
    ("Phương", 3),
    ("Hồng", 3),
    ("Mỹ", 2),
    ("Khánh", 2),
    ("Hoài", 2),
    ("Diệu", 2),
    ("Quỳnh", 2),
    ("Hải", 2),
];

const VN_FEMALE: &[&str] = &[
    "Lan",
    "Hương",
    "Hoa",
    "Mai",
    "Thu",
    "Hằng",
    "Ngọc",
    "Anh",
    "Linh",
    "Trang",
    "Thảo",
    "Nga",
    "Phương",
    "Thủy",
    "Hà",
    "Nhung",
    "Hạnh",
    "Yến",
    "Vy",
    "Huyền",
    "Dung",
    "Hiền",
    "Hồng",
    "Loan",
    "Liên",
    "Nhi",
    "Quỳnh",
    "Tâm",
    "Thanh",
    "Trâm",
    "Uyên",
    "Vân",
    "Xuân",
    "Châu",
    "Diệp",
    "Giang",
    "Hậu",
    "Hoài",
    "Kiều",
    "Lệ",
    "Ly",
    "My",
    "Ngân",
    "Nguyệt",
    "Oanh",
    "Phượng",
    "Tuyết",
    "Thơ",
    "Thư",
    "Thúy",
    "Tiên",
    "Trinh",
    "Tú",
    "Hiên",
    "Diễm",
    "Duyên",
    "Hân",
    "Khuê",
];

/// Men's middle names, with their weights (Văn for many).
const VN_MALE_MIDDLE: &[(&str, u64)] = &[
    ("Văn", 50),
    ("Đức", 8),
    ("Minh", 7),
    ("Quang", 5),
    ("Hữu", 5),
    ("Công", 4),
    ("Đình", 4),
    ("Quốc", 4),
    ("Xuân", 3),
    ("Thanh", 3),
    ("Ngọc", 3),
    ("Hoàng", 3),
    ("Trọng", 3),
    ("Tuấn", 2),
    ("Anh", 2),
    ("Mạnh", 2),
    ("Thế", 2),
    ("Tiến", 2),
];

const VN_MALE: &[&str] = &[
    "Nam",
    "Hùng",
    "Tuấn",
    "Long",
    "Thành",
    "Minh",
    "Dũng",
    "Hải",
    "Quang",
    "Đức",
    "Hiếu",
    "Khánh",
    "Trung",
    "Phúc",
    "Sơn",
    "Huy",
    "Việt",
    "Cường",
    "Thắng",
    "Bảo",
    "An",
    "Bình",
    "Cảnh",
    "Chiến",
    "Công",
    "Đạt",
    "Định",
    "Đông",
    "Giang",
    "Hào",
    "Hậu",
    "Hiển",
    "Hòa",
    "Hoàng",
    "Hưng",
    "Khang",
    "Khoa",
    "Kiên",
    "Lâm",
    "Lộc",
    "Lợi",
    "Luân",
    "Mạnh",
    "Nghĩa",
    "Nhân",
    "Phong",
    "Phương",
    "Quân",
    "Quý",
    "Tài",
    "Tâm",
    "Tân",
    "Thái",
    "Thiện",
    "Thịnh",
    "Tiến",
    "Toàn",
    "Trí",
    "Trường",
    "Tú",
    "Tùng",
    "Vinh",
    "Vũ",
    "Hiệp",
    "Hoan",
    "Khải",
    "Lực",
    "Ninh",
    "Tuệ",
];
