//! The citizen identity number, CCCD (rule 21): 12 digits = province code (3) + century/gender
//! digit + the last two digits of the birth year + 6 digits.

use crate::messages::text;
use chrono::{Datelike, NaiveDate};
pub use qldv_api_types::members::Gender;

use super::Violation;

/// Province codes of the CCCD (the 63 codes in use before the 2025 merger, still on every card).
const PROVINCES: [u16; 63] = [
    1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33, 34, 35, 36, 37,
    38, 40, 42, 44, 45, 46, 48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66, 67, 68, 70, 72, 74, 75, 77,
    79, 80, 82, 83, 84, 86, 87, 89, 91, 92, 93, 94, 95, 96,
];

/// Checks a CCCD's structure and its agreement with gender and birth date.
/// The violation's code names the failed check; the message says what to fix.
pub fn check(cccd: &str, gender: Gender, birth: NaiveDate) -> Result<(), Violation> {
    if cccd.len() != 12 || !cccd.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Violation::new(
            "format",
            text!(
                "Số CCCD gồm đúng 12 chữ số",
                "A CCCD number has exactly 12 digits"
            ),
        ));
    }
    let digit = |i: usize| u16::from(cccd.as_bytes()[i] - b'0');
    let province = digit(0) * 100 + digit(1) * 10 + digit(2);
    if !PROVINCES.contains(&province) {
        return Err(Violation::new(
            "province_code",
            text!(
                "Mã tỉnh {province:03} trong số CCCD không tồn tại",
                "No province has the code {province:03} of the CCCD number"
            ),
        ));
    }
    let marker = digit(3);
    let century = 1900 + i32::from(marker / 2) * 100;
    let female = marker % 2 == 1;
    if female != (gender == Gender::Female) {
        return Err(Violation::new(
            "gender_mismatch",
            text!(
                "Chữ số thứ 4 của CCCD không khớp với giới tính",
                "The CCCD's 4th digit does not match the gender"
            ),
        ));
    }
    let year = century + i32::from(digit(4) * 10 + digit(5));
    if year != birth.year() {
        return Err(Violation::new(
            "birth_year_mismatch",
            text!(
                "Số CCCD ứng với năm sinh {year}, khác năm sinh {} đã nhập",
                "The CCCD number gives the birth year {year}, not the {} entered",
                birth.year()
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn a_consistent_number_passes() {
        assert!(check("031085001234", Gender::Male, d(1985, 3, 2)).is_ok());
        assert!(check("001198001234", Gender::Female, d(1998, 1, 1)).is_ok());
        assert!(check("079303001234", Gender::Female, d(2003, 12, 31)).is_ok());
        assert!(check("079202001234", Gender::Male, d(2002, 6, 1)).is_ok());
    }

    #[test]
    fn each_disagreement_has_its_code() {
        let code = |s: &str, g, b| check(s, g, b).err().map(|v| v.code);
        assert_eq!(
            code("03108500123", Gender::Male, d(1985, 1, 1)),
            Some("format")
        );
        assert_eq!(
            code("03108500123a", Gender::Male, d(1985, 1, 1)),
            Some("format")
        );
        assert_eq!(
            code("003085001234", Gender::Male, d(1985, 1, 1)),
            Some("province_code")
        );
        assert_eq!(
            code("031185001234", Gender::Male, d(1985, 1, 1)),
            Some("gender_mismatch")
        );
        assert_eq!(
            code("031086001234", Gender::Male, d(1985, 1, 1)),
            Some("birth_year_mismatch")
        );
        // Right two digits, wrong century.
        assert_eq!(
            code("031285001234", Gender::Male, d(1985, 1, 1)),
            Some("birth_year_mismatch")
        );
    }
}
