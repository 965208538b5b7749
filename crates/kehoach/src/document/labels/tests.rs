//! Tests of the label table: the compiled-in defaults, short labels, the lowercase prefix.
#[test]
fn defaults_built_at_once_equal_defaults_added_one_by_one() {
    let mut one_by_one = super::LabelTable::empty();
    for (l, k) in super::DEFAULT_LABELS {
        one_by_one.add(l, *k);
    }
    let mut at_once = super::LabelTable::empty();
    at_once.add_all(super::DEFAULT_LABELS.iter().copied());
    assert!(one_by_one.entries().eq(at_once.entries()));
    assert_eq!(one_by_one.firsts, at_once.firsts);
    // The compiled-in table is the one built from the labels.
    let compiled = super::LabelTable::defaults();
    assert_eq!(compiled.entries().count(), 47);
    assert!(at_once.entries().eq(compiled.entries()));
    assert_eq!(at_once.firsts, compiled.firsts);
    assert_eq!(at_once.ascii_firsts, compiled.ascii_firsts);
    let ascii: Vec<char> = (0..128u8)
        .map(char::from)
        .filter(|&c| (compiled.ascii_firsts >> c as u32) & 1 == 1)
        .collect();
    assert_eq!(ascii, ['c', 'k', 'p', 's', 't']);
    assert_eq!(at_once.heads, compiled.heads);
    assert_eq!(at_once.longest, compiled.longest);
    assert_eq!(
        compiled.longest,
        "trách nhiệm chỉ đạo thực hiện".chars().count()
    );
}

use super::*;
use proptest::prelude::*;

fn reference(s: &str) -> String {
    s.chars()
        .take(PREFIX_CHARS)
        .flat_map(crate::text::lower_char)
        .collect()
}

#[test]
fn the_prefix_buffer_holds_the_longest_lowercase() {
    for s in [
        "İ".repeat(60),
        "ΐ".repeat(60),
        "Cơ quan chủ trì: Sở Y tế".to_string(),
        String::new(),
    ] {
        let mut buf = [0; PREFIX_BYTES];
        assert_eq!(prefix_lower(&s, &mut buf), reference(&s));
    }
}

/// [`PREFIX_BYTES`] holds [`PREFIX_CHARS`] lowercased chars: no char's lowercase is longer
/// than 4 bytes ("İ" → "i̇" has 3).
#[test]
fn no_lowercase_is_longer_than_four_bytes() {
    let longest = (0..=0x10FFFFu32)
        .filter_map(char::from_u32)
        .map(|c| {
            crate::text::lower_char(c)
                .map(char::len_utf8)
                .sum::<usize>()
        })
        .max();
    assert_eq!(longest, Some(4));
    assert_eq!(PREFIX_BYTES, PREFIX_CHARS * 4);
    assert_eq!(
        crate::text::lower_char('İ')
            .map(char::len_utf8)
            .sum::<usize>(),
        3
    );
}

/// A label shorter than a head matches through its whole self.
#[test]
fn short_labels_match() {
    let mut t = super::LabelTable::default();
    t.add("KP", super::FieldKey::Output);
    let m = t.match_field("Kp: 5 tỷ đồng").unwrap();
    assert_eq!(
        (m.key, m.label, m.value_start),
        (super::FieldKey::Output, "Kp", 4)
    );
    assert!(t.match_field("Kế hoạch: 5").is_none());
    // The defaults are unchanged by a table that added a label.
    assert!(super::LabelTable::defaults().match_field("Kp: 5").is_none());
}

/// Every label, as written, uppercased and with a colon and blanks, is a header of its key;
/// a short added label too; other cells are not.
#[test]
fn every_label_is_a_header() {
    use crate::text::Case as _;
    let mut t = super::LabelTable::default();
    t.add("KP", super::FieldKey::Output);
    let entries: Vec<(String, super::FieldKey)> =
        t.entries().map(|(l, k)| (l.to_string(), k)).collect();
    assert_eq!(entries.len(), 48);
    for (l, k) in entries {
        // The first entry of a label wins (as the table is searched).
        let first = t.entries().find(|(e, _)| *e == l).map(|(_, k)| k);
        assert_eq!(first, Some(k), "{l}");
        for cell in [l.clone(), l.to_upper(), format!("  {} : ", l.to_upper())] {
            assert_eq!(t.match_header(&cell), Some(k), "{cell:?}");
        }
    }
    for cell in ["", ":", "Nội dung", "Cơ quan", "Cơ quan chủ trìx", "STT"] {
        assert_eq!(t.match_header(cell), None, "{cell:?}");
    }
}

/// Every char alone, and between letters (the byte paths for ASCII and U+1EA0–U+1EF9 meet
/// the decoded path).
#[test]
fn prefix_lower_lowercases_every_char() {
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        for s in [c.to_string(), format!("Ệ{c}ạB{c}")] {
            let mut buf = [0; PREFIX_BYTES];
            assert_eq!(
                prefix_lower(&s, &mut buf),
                reference(&s),
                "U+{:04X}",
                c as u32
            );
        }
    }
}

proptest! {
    #[test]
    fn prefix_lower_is_the_lowercase_of_the_first_chars(s in "\\PC{0,80}") {
        let mut buf = [0; PREFIX_BYTES];
        prop_assert_eq!(prefix_lower(&s, &mut buf), reference(&s));
    }

    #[test]
    fn has_prefix_is_starts_with(s in "[cđơ ]{0,12}", p in "[cđơ ]{0,10}") {
        prop_assert_eq!(has_prefix(s.as_bytes(), &p), s.starts_with(&p));
    }
}

/// The compiled-in list of labels by text is the one built from the default entries.
#[test]
fn the_default_labels_by_text_are_built_from_the_entries() {
    let built = super::prefix_index::by_text(&super::DEFAULT_ENTRIES);
    assert_eq!(built, super::prefix_index::DEFAULT_BY_TEXT);
    // "cơ quan chủ trì, phối hợp" (entry 6) is in byte order at 7, and its longest prefix
    // among the labels is "cơ quan chủ trì" (entry 36, at 3).
    assert_eq!(built[7], (6, 3));
    assert_eq!(built[3], (36, super::prefix_index::NO_PARENT));
}

/// The labels that start a text, through the index, are those that pass `has_prefix` in the
/// table's longest-first order: for the default table and for tables with short labels and
/// labels that are prefixes of each other.
#[test]
fn labels_found_by_text_equal_testing_each() {
    let mut tables = vec![super::LabelTable::defaults().clone()];
    let mut nested = super::LabelTable::empty();
    for l in [
        "a", "ab", "abc", "abd", "abcd", "b", "ba", "ơ", "ơi", "tg", "tgx", "z",
    ] {
        nested.add(l, super::FieldKey::Output);
    }
    tables.push(nested);
    let mut user = super::LabelTable::default();
    user.add("Cơ quan", super::FieldKey::Lead);
    user.add("KP", super::FieldKey::Output);
    tables.push(user);
    let texts = [
        "cơ quan chủ trì, phối hợp: sở y tế",
        "cơ quan chủ trì: ubnd",
        "cơ quan chủ trì",
        "cơ quan chủ",
        "cơ quan",
        "thời gian thực hiện: năm 2025",
        "thời hạn trình ubnd",
        "đơn vị phối hợp thực hiện:",
        "đơn vị phối",
        "abcdx",
        "abd",
        "abx",
        "ơi ơi",
        "tgx",
        "kp: 5",
        "",
        "~",
        "zzz",
    ];
    for t in &tables {
        for s in texts {
            let mut buf = [0u8; PREFIX_BYTES];
            let lower = prefix_lower_n(s, t.longest(), &mut buf);
            let by_index: Vec<&str> = t.candidates(lower).map(|(l, _)| l.as_ref()).collect();
            let each: Vec<&str> = t
                .entries()
                .filter(|(l, _)| has_prefix(lower, l))
                .map(|(l, _)| l)
                .collect();
            assert_eq!(by_index, each, "{s:?}");
        }
    }
    let defaults = super::LabelTable::defaults();
    let mut buf = [0u8; PREFIX_BYTES];
    let lower = prefix_lower_n("Cơ quan chủ trì, phối hợp: Sở Y tế", 29, &mut buf);
    let found: Vec<&str> = defaults
        .candidates(lower)
        .map(|(l, _)| l.as_ref())
        .collect();
    assert_eq!(found, ["cơ quan chủ trì, phối hợp", "cơ quan chủ trì"]);
}

proptest! {
    /// The same for any table of labels over a small alphabet (many prefixes of each other)
    /// and any text.
    #[test]
    fn labels_by_text_equal_testing_each_on_any_table(
        labels in proptest::collection::vec("[abơ ]{1,5}", 0..12),
        s in "[abơ ]{0,8}",
    ) {
        let mut t = super::LabelTable::empty();
        for l in &labels {
            t.add(l, super::FieldKey::Lead);
        }
        let mut buf = [0u8; PREFIX_BYTES];
        let lower = prefix_lower_n(&s, t.longest(), &mut buf);
        let by_index: Vec<&str> = t.candidates(lower).map(|(l, _)| l.as_ref()).collect();
        let each: Vec<&str> = t.entries().filter(|(l, _)| has_prefix(lower, l)).map(|(l, _)| l).collect();
        prop_assert_eq!(by_index, each);
    }
}

/// A label's tail words start with ASCII letters (what follows a label is tested for them only
/// then); the label is lengthened by them, and not by other words.
#[test]
fn label_tails_start_with_ascii_letters() {
    assert!(
        super::LABEL_TAILS
            .iter()
            .all(|w| w.as_bytes()[0].is_ascii_alphabetic())
    );
    let t = super::LabelTable::defaults();
    let m = t
        .match_field("Cơ quan chủ trì tham mưu thực hiện: Sở Y tế")
        .unwrap();
    assert_eq!(m.label, "Cơ quan chủ trì tham mưu thực hiện");
    let m = t.match_field("Cơ quan chủ trì *: Sở Y tế").unwrap();
    assert_eq!(
        (m.label, m.value_start),
        ("Cơ quan chủ trì", "Cơ quan chủ trì *: ".len())
    );
    assert!(
        t.match_field("Cơ quan chủ trì phê duyệt: Sở Y tế")
            .is_none()
    );
}

/// Vietnamese letters keep their length when lowercased, so a label's end is its length; a
/// line whose start has a char that does not (the Kelvin sign, "İ") has its label's end
/// counted in chars.
#[test]
fn label_ends_where_its_chars_end() {
    let mut buf = [0u8; PREFIX_BYTES];
    let (lower, kept) = super::prefix_lower_kept("ĐƠN VỊ CHỦ TRÌ: Sở Ý Tế", 29, &mut buf);
    assert_eq!(
        (std::str::from_utf8(lower).unwrap(), kept),
        ("đơn vị chủ trì: sở ý tế", true)
    );
    let (lower, kept) = super::prefix_lower_kept("\u{212A}P: 5", 29, &mut buf);
    assert_eq!(
        (std::str::from_utf8(lower).unwrap(), kept),
        ("kp: 5", false)
    );
    let (_, kept) = super::prefix_lower_kept("İ", 29, &mut buf);
    assert!(!kept);
    let mut t = super::LabelTable::default();
    t.add("KP", super::FieldKey::Output);
    let m = t.match_field("\u{212A}P: 5").unwrap();
    assert_eq!((m.label, m.value_start), ("\u{212A}P", "\u{212A}P: ".len()));
    let m = t.match_field_loose("\u{212A}P: 5").unwrap();
    assert_eq!(m.label, "\u{212A}P");
    let m = super::LabelTable::defaults()
        .match_field("ĐƠN VỊ CHỦ TRÌ: Sở Y tế")
        .unwrap();
    assert_eq!(
        (m.label, m.value_start),
        ("ĐƠN VỊ CHỦ TRÌ", "ĐƠN VỊ CHỦ TRÌ: ".len())
    );
}

proptest! {
    /// The end of a label is where its chars end in the line, whether or not the line's
    /// lowercase kept its length.
    #[test]
    fn label_end_equals_counting(line in "[KkıİaĐđ\u{212A}ơỜ ]{0,12}", n in 0usize..8) {
        let mut buf = [0u8; PREFIX_BYTES];
        let (lower, kept) = super::prefix_lower_kept(&line, 29, &mut buf);
        let lower = std::str::from_utf8(lower).unwrap();
        // A label that is the lowercase of the line's first `n` chars.
        let label: String = line.chars().take(n).flat_map(crate::text::lower_char).collect();
        prop_assume!(lower.starts_with(&label));
        let counted = line.char_indices().nth(label.chars().count()).map_or(line.len(), |(i, _)| i);
        // Counting the label's chars finds its end only when each char lowercases to one.
        let one_to_one = line.chars().take(n).all(|c| crate::text::lower_char(c).count() == 1);
        if one_to_one {
            prop_assert_eq!(super::label_end(&line, &label, kept), counted);
        }
        if kept {
            prop_assert_eq!(label.len(), counted);
        }
    }
}
