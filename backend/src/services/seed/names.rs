//! Vietnamese names and the spreads of a realistic membership, with weights.

use rand::Rng;

/// Picks from `(value, weight)` pairs.
pub fn pick<'a, R: Rng>(rng: &mut R, table: &[(&'a str, u32)]) -> &'a str {
    let total: u32 = table.iter().map(|(_, w)| w).sum();
    let mut n = rng.gen_range(0..total.max(1));
    for (v, w) in table {
        if n < *w {
            return v;
        }
        n -= w;
    }
    table.first().map_or("", |(v, _)| v)
}

/// Family names at their frequencies (per mille of the population).
pub const FAMILY: &[(&str, u32)] = &[
    ("Nguyễn", 380),
    ("Trần", 110),
    ("Lê", 95),
    ("Phạm", 71),
    ("Hoàng", 31),
    ("Huỳnh", 20),
    ("Phan", 45),
    ("Vũ", 25),
    ("Võ", 14),
    ("Đặng", 21),
    ("Bùi", 20),
    ("Đỗ", 14),
    ("Hồ", 13),
    ("Ngô", 13),
    ("Dương", 10),
    ("Lý", 5),
    ("Đinh", 8),
    ("Trương", 8),
    ("Lương", 6),
    ("Đào", 6),
    ("Hà", 6),
    ("Mai", 5),
    ("Tạ", 3),
    ("Cao", 4),
    ("Lò", 3),
    ("Quách", 2),
    ("Vi", 2),
    ("Lục", 2),
];

/// Middle names of men.
pub const MIDDLE_MALE: &[(&str, u32)] = &[
    ("Văn", 380),
    ("Hữu", 60),
    ("Đức", 70),
    ("Minh", 80),
    ("Quốc", 50),
    ("Thanh", 50),
    ("Công", 40),
    ("Xuân", 35),
    ("Ngọc", 30),
    ("Quang", 45),
    ("Đình", 40),
    ("Trọng", 30),
    ("Mạnh", 20),
    ("Tiến", 20),
    ("Anh", 30),
];

/// Middle names of women.
pub const MIDDLE_FEMALE: &[(&str, u32)] = &[
    ("Thị", 520),
    ("Ngọc", 70),
    ("Thu", 50),
    ("Thanh", 60),
    ("Kim", 40),
    ("Minh", 40),
    ("Phương", 30),
    ("Hồng", 40),
    ("Bích", 20),
    ("Mai", 20),
    ("Hải", 20),
    ("Diệu", 10),
];

/// Given names of men.
pub const GIVEN_MALE: &[(&str, u32)] = &[
    ("An", 30),
    ("Anh", 50),
    ("Bình", 35),
    ("Cường", 35),
    ("Dũng", 50),
    ("Đạt", 30),
    ("Đức", 35),
    ("Hải", 40),
    ("Hùng", 50),
    ("Huy", 40),
    ("Hiếu", 25),
    ("Hoàng", 25),
    ("Khánh", 20),
    ("Long", 35),
    ("Minh", 50),
    ("Nam", 45),
    ("Phong", 25),
    ("Phúc", 20),
    ("Quân", 25),
    ("Quang", 30),
    ("Sơn", 40),
    ("Tài", 20),
    ("Thắng", 35),
    ("Thành", 40),
    ("Toàn", 25),
    ("Trung", 35),
    ("Tuấn", 50),
    ("Tùng", 25),
    ("Việt", 25),
    ("Vinh", 25),
    ("Lâm", 15),
    ("Kiên", 15),
    ("Hưng", 25),
    ("Thịnh", 15),
    ("Lực", 10),
    ("Pọm", 2),
];

/// Given names of women.
pub const GIVEN_FEMALE: &[(&str, u32)] = &[
    ("Anh", 40),
    ("Ánh", 20),
    ("Bình", 15),
    ("Chi", 25),
    ("Dung", 30),
    ("Giang", 25),
    ("Hà", 40),
    ("Hạnh", 30),
    ("Hằng", 35),
    ("Hiền", 30),
    ("Hoa", 35),
    ("Hồng", 25),
    ("Huệ", 20),
    ("Hương", 45),
    ("Lan", 40),
    ("Liên", 20),
    ("Linh", 45),
    ("Loan", 20),
    ("Mai", 40),
    ("Nga", 30),
    ("Ngọc", 30),
    ("Nhung", 25),
    ("Oanh", 15),
    ("Phương", 35),
    ("Quyên", 15),
    ("Tâm", 20),
    ("Thảo", 40),
    ("Thủy", 35),
    ("Trang", 45),
    ("Uyên", 15),
    ("Vân", 25),
    ("Yến", 25),
    ("Xuân", 15),
    ("Mỹ", 10),
];

/// Ethnic groups of members (per mille).
pub const ETHNICITY: &[(&str, u32)] = &[
    ("Kinh", 880),
    ("Tày", 25),
    ("Thái", 22),
    ("Mường", 20),
    ("Nùng", 12),
    ("Khmer", 10),
    ("Hoa", 5),
    ("H'Mông", 8),
    ("Dao", 7),
    ("Gia Rai", 3),
    ("Ê Đê", 3),
    ("Sán Dìu", 3),
    ("Ba Na", 2),
];

/// Religions (most members declare none).
pub const RELIGION: &[(&str, u32)] = &[
    ("Không", 950),
    ("Phật giáo", 35),
    ("Công giáo", 12),
    ("Tin lành", 3),
];

/// Occupations.
pub const OCCUPATION: &[(&str, u32)] = &[
    ("Cán bộ, công chức", 220),
    ("Viên chức", 180),
    ("Nông dân", 150),
    ("Hưu trí", 140),
    ("Công nhân", 110),
    ("Lực lượng vũ trang", 60),
    ("Sinh viên", 40),
    ("Lao động tự do", 50),
    ("Chủ doanh nghiệp", 30),
    ("Nhân viên doanh nghiệp", 20),
];

/// Political theory levels (API values).
pub const THEORY: &[(&str, u32)] = &[
    ("none", 150),
    ("elementary", 480),
    ("intermediate", 270),
    ("advanced", 90),
    ("bachelor", 10),
];

/// General education.
pub const EDUCATION: &[(&str, u32)] = &[("12/12", 880), ("9/12", 90), ("10/10", 30)];

/// Place names for villages and wards.
pub const PLACES: &[&str] = &[
    "Đông",
    "Tây",
    "Nam",
    "Bắc",
    "Trung",
    "Thượng",
    "Hạ",
    "Tân",
    "Phú",
    "An",
    "Bình",
    "Hòa",
    "Thịnh",
    "Long",
    "Phúc",
    "Đồng",
    "Sơn",
    "Thủy",
    "Hưng",
    "Lạc",
    "Mỹ",
    "Quang",
    "Vĩnh",
    "Thành",
    "Yên",
    "Định",
    "Lợi",
    "Xuân",
];

/// Provinces (after the 2025 merger) and their CCCD codes.
pub const PROVINCES: &[(&str, u16)] = &[
    ("Hà Nội", 1),
    ("Hồ Chí Minh", 79),
    ("Hải Phòng", 31),
    ("Đà Nẵng", 48),
    ("Cần Thơ", 92),
    ("Huế", 46),
    ("Lai Châu", 12),
    ("Điện Biên", 11),
    ("Sơn La", 14),
    ("Lạng Sơn", 20),
    ("Quảng Ninh", 22),
    ("Thanh Hóa", 38),
    ("Nghệ An", 40),
    ("Hà Tĩnh", 42),
    ("Cao Bằng", 4),
    ("Tuyên Quang", 8),
    ("Lào Cai", 10),
    ("Thái Nguyên", 19),
    ("Phú Thọ", 25),
    ("Bắc Ninh", 27),
    ("Hưng Yên", 33),
    ("Ninh Bình", 37),
    ("Quảng Trị", 45),
    ("Quảng Ngãi", 51),
    ("Gia Lai", 52),
    ("Khánh Hòa", 56),
    ("Lâm Đồng", 68),
    ("Đắk Lắk", 66),
    ("Đồng Nai", 75),
    ("Tây Ninh", 72),
    ("Vĩnh Long", 86),
    ("Đồng Tháp", 87),
    ("Cà Mau", 96),
    ("An Giang", 89),
];
