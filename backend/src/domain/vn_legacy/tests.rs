//! Names typed in TCVN3 or VNI fonts and read back as Unicode.

use super::*;
use crate::domain::vn_text::{fold, sort_key};

#[test]
fn tcvn3_words_read_as_the_letters_they_stand_for() {
    assert_eq!(restore_text("NguyÔn V¨n §øc"), "Nguyễn Văn Đức");
    assert_eq!(restore_text("TrÇn ThÞ Hoµng Lan"), "Trần Thị Hoàng Lan");
    assert_eq!(restore_text("Ph¹m Quèc H\u{AD}ng"), "Phạm Quốc Hưng");
    // A capital with a tone is the capital and the toned small letter.
    assert_eq!(restore("¢n"), "Ân");
    assert_eq!(restore("A¸nh"), "Ánh");
}

#[test]
fn vni_words_read_as_the_letters_they_stand_for() {
    assert_eq!(restore_text("Nguyeãn Vaên Ñöùc"), "Nguyễn Văn Đức");
    assert_eq!(restore_text("Traàn Hoaøng Tuaán"), "Trần Hoàng Tuấn");
    assert_eq!(restore_text("Phaïm Quoác Höng"), "Phạm Quốc Hưng");
}

#[test]
fn an_eth_in_place_of_the_crossed_d_is_a_crossed_d() {
    assert_eq!(restore_text("Ðặng Ðức"), "Đặng Đức");
}

#[test]
fn correct_unicode_is_never_changed() {
    for name in [
        "Nguyễn Văn Đức",
        "Hoà Khoá Thuỷ",
        "Trần Thị Ánh Tuyết",
        "Quỳnh Giang Giữa Khuyến Nguyệt Hướng",
        "NGUYỄN THỊ ƯNG",
        "Y Moan Ksor",
        "Lê-Đức Thọ",
    ] {
        assert_eq!(restore_text(name), name);
    }
}

#[test]
fn search_and_sorting_fold_legacy_letters_like_the_real_ones() {
    assert_eq!(fold("NguyÔn V¨n §øc"), "nguyen van duc");
    assert_eq!(fold("Nguyeãn Vaên Ñöùc"), "nguyen van duc");
    assert_eq!(fold("Ðặng"), "dang");
    assert_eq!(sort_key("NguyÔn V¨n §øc"), sort_key("Nguyễn Văn Đức"));
}
