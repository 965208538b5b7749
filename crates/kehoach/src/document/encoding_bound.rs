//! Bounds on the encoding check's counts in one pass without a branch per byte: most texts are
//! shown to be Unicode Vietnamese before the check counts them char by char.

use super::encoding::{is_tcvn3_marker, legacy_fires, mojibake_fires};
use crate::text::{CHUNK, LANES, VECTOR_SCANS, class_lanes, shifted};

/// Whether `x`, the second byte of a char whose lead is C3 (U+00C0–U+00FF), makes it a TCVN3
/// marker ([`is_tcvn3_marker`]; a test checks all 64). Ò's second byte, 92, is also the
/// second byte of ƒ (C6 92), the mojibake of a curly quote. Written as ranges, comparisons the
/// compiler turns into vector instructions.
fn marks_after_c3(x: u8) -> bool {
    let within = |lo: u8, hi: u8| x.wrapping_sub(lo) <= hi - lo;
    within(0x84, 0x87)
        | within(0x8A, 0x8B)
        | within(0x8F, 0x9F)
        | within(0xA4, 0xA7)
        | (x == 0xAB)
        | within(0xAE, 0xAF)
        | (x == 0xB1)
        | (x == 0xB6)
        | (x == 0xB8)
        | within(0xBB, 0xBC)
        | (x == 0xBE)
}

/// [`BYTE_CLASS`] bits. Lead C2 (U+0080–U+00BF: a TCVN3 marker, or a mojibake continuation)…
const C2: u8 = 0x01;
/// …lead C3 (U+00C0–U+00FF)…
const C3: u8 = 0x02;
/// …a second byte that makes C3 a TCVN3 marker (also Ò's, 92, the second byte of ƒ, C6 92)…
const MARK_AFTER_C3: u8 = 0x04;
/// …C5, CB and E2, the other leads of the Windows-1252 specials mojibake shows…
const SPECIAL_LEAD: u8 = 0x08;
/// …C6 (ƒ, and ơ ư)…
const C6: u8 = 0x10;
/// …E1 (U+1000–U+1FFF)…
const E1: u8 = 0x20;
/// …BA and BB, the second bytes of U+1E80–U+1EFF…
const BA_BB: u8 = 0x40;
/// …and A0–B9, a third byte that makes E1 BA or E1 BB a toned Vietnamese letter.
const TONED_THIRD: u8 = 0x80;

#[allow(clippy::indexing_slicing)] // evaluated at compile time: an index out of range fails the build
const BYTE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    t[0xC2] = C2;
    t[0xC3] = C3;
    t[0xC5] = SPECIAL_LEAD;
    t[0xCB] = SPECIAL_LEAD;
    t[0xE2] = SPECIAL_LEAD;
    t[0xC6] = C6;
    t[0xE1] = E1;
    t[0xBA] = BA_BB;
    t[0xBB] = BA_BB;
    let mut x = 0x80;
    while x <= 0xBF {
        if x >= 0xA0 && x <= 0xB9 {
            t[x] |= TONED_THIRD;
        }
        if let Some(c) = char::from_u32(0xC0 + (x as u32 - 0x80)) {
            if is_tcvn3_marker(c) {
                t[x] |= MARK_AFTER_C3;
            }
        }
        x += 1;
    }
    t
};

/// Counts that bound the encoding check's: at least as many TCVN3 markers and mojibake
/// continuations as it counts, at most as many toned Vietnamese letters.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Bounds {
    /// TCVN3 markers at most: every C2 char, and the C3 chars that are markers.
    pub tcvn3_markers: usize,
    /// Mojibake continuations at most: every char whose lead is C2, C5, CB or E2, and C6 before a
    /// byte that would make C3 a marker (ƒ, C6 92, among them).
    pub mojibake: usize,
    /// Toned Vietnamese letters at least: E1 BA or E1 BB followed by A0–B9 (U+1EA0–U+1EB9,
    /// U+1EE0–U+1EF9), counted where the three bytes fall within eight bytes and the one after.
    pub viet: usize,
}

impl Bounds {
    /// The bounds of `text`: read thirty-two bytes at a time where the target has vector
    /// instructions ([`VECTOR_SCANS`]), eight bytes in one word elsewhere (the wasm package).
    pub(super) fn of(text: &str) -> Bounds {
        if VECTOR_SCANS {
            // Genuine text is ruled out by the rough bounds, a third of the exact scan's work.
            let rough = Bounds::of_chunks_rough(text);
            if rough.rule_out_check() {
                rough
            } else {
                Bounds::of_chunks(text)
            }
        } else {
            Bounds::of_words(text)
        }
    }

    /// Reads `text` eight bytes at a time: the bytes' classes from a table into the lanes of one
    /// word, each lead compared with the classes of the bytes after it by shifts, and the lanes
    /// summed in per-lane counters. The last bytes (fewer than nine) count as possible markers.
    fn of_words(text: &str) -> Bounds {
        let bytes = text.as_bytes();
        let class = |b: u8| u64::from(BYTE_CLASS.get(usize::from(b)).copied().unwrap_or(0));
        let mut bounds = Bounds::default();
        // Per-lane counts, each lane adding at most one a word: summed every 31 words, before a
        // lane's sum of eight lanes could pass 255.
        let (mut markers, mut mojibake, mut viet) = (0u64, 0u64, 0u64);
        let mut words = 0;
        let mut i = 0;
        while let Some(&[b0, b1, b2, b3, b4, b5, b6, b7, next]) = bytes.get(i..i + 9) {
            let lanes = class_lanes(&BYTE_CLASS, [b0, b1, b2, b3, b4, b5, b6, b7]);
            // The class of the byte after each lane's, and of the one after that (none for the
            // last lane: a letter there is not counted, which a lower bound allows).
            let after = (lanes >> 8) | (class(next) << 56);
            let after2 = after >> 8;
            // Each sum ends on the lanes' lowest bit.
            let c2 = lanes & LANES;
            markers += c2 | ((lanes >> 1) & (after >> 2) & LANES);
            mojibake += c2 | ((lanes >> 3) & LANES) | ((lanes >> 4) & (after >> 2) & LANES);
            viet += (lanes >> 5) & (after >> 6) & (after2 >> 7) & LANES;
            words += 1;
            if words == 31 {
                bounds.add_lanes(markers, mojibake, viet);
                (markers, mojibake, viet, words) = (0, 0, 0, 0);
            }
            i += 8;
        }
        bounds.add_lanes(markers, mojibake, viet);
        for &b in bytes.get(i..).unwrap_or_default() {
            let c = class(b);
            bounds.tcvn3_markers += usize::from(c & u64::from(C2 | C3) != 0);
            bounds.mojibake += usize::from(c & u64::from(C2 | SPECIAL_LEAD | C6) != 0);
        }
        bounds
    }

    /// Reads `text` thirty-two bytes at a time: each byte compared with the byte or two after
    /// it, without a table or a branch (vector instructions), the results summed in per-byte
    /// counters. The last bytes (fewer than 34) count as possible markers.
    fn of_chunks(text: &str) -> Bounds {
        Bounds::scan_chunks(text, |b, n, n2| {
            let c2 = b == 0xC2;
            let marks = marks_after_c3(n);
            let special = (b == 0xC5) | (b == 0xCB) | (b == 0xE2);
            // E1 BA or E1 BB, then A0–B9: U+1EA0–U+1EB9, U+1EE0–U+1EF9.
            let toned = (0xA0..=0xB9).contains(&n2);
            [
                c2 | ((b == 0xC3) & marks),
                c2 | special | ((b == 0xC6) & marks),
                (b == 0xE1) & ((n == 0xBA) | (n == 0xBB)) & toned,
            ]
        })
    }

    /// Looser bounds than [`Bounds::of_chunks`]'s, read with fewer comparisons a byte: every
    /// char whose lead is C3 counts as a TCVN3 marker, and C6 as a mojibake continuation unless
    /// it is ơ or ư (C6 A1, C6 B0; neither A1 nor B0 makes C3 a marker). Enough to rule out
    /// Unicode Vietnamese, whose toned letters outnumber its Latin-1 letters by far.
    fn of_chunks_rough(text: &str) -> Bounds {
        Bounds::scan_chunks(text, |b, n, n2| {
            let special = (b == 0xC2) | (b == 0xC5) | (b == 0xCB) | (b == 0xE2);
            let toned = n2.wrapping_sub(0xA0) <= 0xB9 - 0xA0;
            [
                // C2 or C3.
                b & 0xFE == 0xC2,
                special | ((b == 0xC6) & (n != 0xA1) & (n != 0xB0)),
                (b == 0xE1) & (n & 0xFE == 0xBA) & toned,
            ]
        })
    }

    /// The chunk scan of [`Bounds::of_chunks`] and [`Bounds::of_chunks_rough`]: `counts` tells,
    /// for a byte and the two after it, whether it counts as a marker, a mojibake continuation
    /// and a toned letter (inlined: the loop stays vector instructions); the last bytes (fewer
    /// than 34) count as possible markers and continuations.
    #[inline(always)]
    fn scan_chunks(text: &str, counts: impl Fn(u8, u8, u8) -> [bool; 3]) -> Bounds {
        let bytes = text.as_bytes();
        let mut bounds = Bounds::default();
        // Per-byte counts, each adding at most one a chunk: summed every 255 chunks.
        let (mut markers, mut mojibake, mut viet) = ([0u8; CHUNK], [0u8; CHUNK], [0u8; CHUNK]);
        let mut chunks = 0;
        let mut i = 0;
        while let Some(window) = bytes.get(i..i + CHUNK + 2).and_then(|w| w.try_into().ok()) {
            let [b, n, n2] = shifted(window);
            let lanes = markers.iter_mut().zip(&mut mojibake).zip(&mut viet);
            for ((((m, j), v), &b), (&n, &n2)) in lanes.zip(b).zip(n.iter().zip(n2)) {
                let [marker, continuation, toned] = counts(b, n, n2);
                *m += u8::from(marker);
                *j += u8::from(continuation);
                *v += u8::from(toned);
            }
            chunks += 1;
            if chunks == 255 {
                bounds.add(&markers, &mojibake, &viet);
                (markers, mojibake, viet, chunks) = ([0; CHUNK], [0; CHUNK], [0; CHUNK], 0);
            }
            i += CHUNK;
        }
        bounds.add(&markers, &mojibake, &viet);
        for &b in bytes.get(i..).unwrap_or_default() {
            bounds.tcvn3_markers += usize::from(matches!(b, 0xC2 | 0xC3));
            bounds.mojibake += usize::from(matches!(b, 0xC2 | 0xC5 | 0xC6 | 0xCB | 0xE2));
        }
        bounds
    }

    /// Adds per-byte counts.
    fn add(&mut self, markers: &[u8; CHUNK], mojibake: &[u8; CHUNK], viet: &[u8; CHUNK]) {
        let sum = |lanes: &[u8; CHUNK]| lanes.iter().map(|&c| usize::from(c)).sum::<usize>();
        self.tcvn3_markers += sum(markers);
        self.mojibake += sum(mojibake);
        self.viet += sum(viet);
    }

    /// Adds per-lane counts (at most 255 over all lanes each).
    fn add_lanes(&mut self, markers: u64, mojibake: u64, viet: u64) {
        // The product's top byte is the sum of the eight lanes.
        let sum = |lanes: u64| (lanes.wrapping_mul(LANES) >> 56) as usize;
        self.tcvn3_markers += sum(markers);
        self.mojibake += sum(mojibake);
        self.viet += sum(viet);
    }

    /// True when counts within these bounds cannot fire the check: its thresholds hold for no
    /// fewer markers and no more letters than counted here.
    pub(super) fn rule_out_check(&self) -> bool {
        !mojibake_fires(self.mojibake, self.viet) && !legacy_fires(self.tcvn3_markers, self.viet)
    }
}

#[cfg(test)]
mod tests {
    use super::super::encoding::Counts;
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_c3_ranges_are_the_tcvn3_markers() {
        for x in 0x80u8..=0xBF {
            let c = char::from_u32(0xC0 + u32::from(x) - 0x80).unwrap_or('\0');
            assert_eq!(
                marks_after_c3(x),
                super::super::encoding::is_tcvn3_marker(c),
                "{c}"
            );
        }
    }

    #[test]
    fn the_seed_and_genuine_text_are_ruled_out_legacy_text_is_not() {
        let seed = Bounds::of_chunks(crate::SEED_PLAN);
        let counts = Counts::of(crate::SEED_PLAN);
        // At most 6 markers (the check counts 3: capitals such as Ô and Ê), at most 22
        // continuations (its quotes and dashes; the check counts none), at least 1 101 of its
        // 3 342 genuine letters.
        assert_eq!(
            seed,
            Bounds {
                tcvn3_markers: 6,
                mojibake: 22,
                viet: 1101
            }
        );
        assert_eq!((counts.tcvn, counts.moji, counts.viet), (3, 0, 3342));
        assert!(seed.rule_out_check());
        for legacy in [
            "KÕ ho¹ch thùc hiÖn NghÞ quyÕt sè 50 cña ChÝnh phñ, Qu¶ng Ng·i",
            "Káº¿ hoáº¡ch thá»±c hiá»‡n Nghá»‹ quyáº¿t",
        ] {
            assert!(!Bounds::of_chunks(legacy).rule_out_check(), "{legacy}");
            assert!(!Bounds::of_words(legacy).rule_out_check(), "{legacy}");
        }
        // Chunks are read with the two bytes after them: a text ends with 34 bytes that are
        // only possible markers.
        let padded = |s: &str| format!("{s}{}", "x".repeat(CHUNK + 2));
        // "ệ" (E1 BB 87) is not a toned letter of the bound's A0–B9 third bytes, "ở" (E1 BB 9F)
        // neither; "ạ" (E1 BA A1) and "ừ" (E1 BB AB) are.
        assert_eq!(Bounds::of_chunks(&padded("ạ ừ ệ ở.")).viet, 2);
        assert_eq!(
            Bounds::of_chunks(&padded("Ò ƒ “x” ¹ Ư ê")),
            Bounds {
                tcvn3_markers: 2, // Ò and ¹; ê (C3 AA) is not a marker
                mojibake: 5,      // ƒ, “, ”, ¹, Ư (C6 AF: ï's second byte)
                viet: 0,
            }
        );
        // Among the last bytes, every lead C2 or C3 counts as a marker (Ò, ¹, ê), every C2,
        // C5, C6, CB and E2 as a continuation (ƒ, “, ”, ¹, Ư).
        assert_eq!(
            Bounds::of_chunks("Ò ƒ “x” ¹ Ư ê ạ"),
            Bounds {
                tcvn3_markers: 3,
                mojibake: 5,
                viet: 0,
            }
        );
    }

    #[test]
    fn the_rough_bounds_rule_out_the_seed_but_not_legacy_text() {
        // Every C3 char counts as a marker here (1 295: à, ê, ô …), still fewer than twice the
        // 1 101 toned letters; ơ and ư are not continuations, Ư (C6 AF) is.
        let seed = Bounds::of_chunks_rough(crate::SEED_PLAN);
        assert_eq!(
            seed,
            Bounds {
                tcvn3_markers: 1295,
                mojibake: 23,
                viet: 1101
            }
        );
        assert!(seed.rule_out_check());
        assert_eq!(Bounds::of(crate::SEED_PLAN), seed);
        let padded = |s: &str| format!("{s}{}", "x".repeat(CHUNK + 2));
        assert_eq!(
            Bounds::of_chunks_rough(&padded("Ò ƒ “x” ¹ Ư ê ơ ư")),
            Bounds {
                tcvn3_markers: 3, // Ò, ¹ and ê
                mojibake: 5,      // ƒ, “, ”, ¹, Ư
                viet: 0,
            }
        );
        for legacy in [
            "KÕ ho¹ch thùc hiÖn NghÞ quyÕt sè 50 cña ChÝnh phñ, Qu¶ng Ng·i",
            "Káº¿ hoáº¡ch thá»±c hiá»‡n Nghá»‹ quyáº¿t",
        ] {
            assert!(
                !Bounds::of_chunks_rough(legacy).rule_out_check(),
                "{legacy}"
            );
        }
        // Latin-1 letters that outnumber twice the toned ones: the rough bounds cannot rule
        // the text out, the exact ones can, and `of` gives those.
        let latin = padded(&"Bà Hà ở Huế, ông Tú ".repeat(4));
        assert!(!Bounds::of_chunks_rough(&latin).rule_out_check());
        assert!(Bounds::of_chunks(&latin).rule_out_check());
        assert_eq!(Bounds::of(&latin), Bounds::of_chunks(&latin));
    }

    #[test]
    fn the_word_scan_bounds_the_seed_and_genuine_text_too() {
        // Eight bytes and the one after: fewer letters seen where three bytes straddle words.
        assert_eq!(
            Bounds::of_words(crate::SEED_PLAN),
            Bounds {
                tcvn3_markers: 6,
                mojibake: 22,
                viet: 958
            }
        );
        assert!(Bounds::of_words(crate::SEED_PLAN).rule_out_check());
        assert_eq!(Bounds::of_words("ạ ừ ệ ở.").viet, 2);
        assert_eq!(
            Bounds::of_words("Ò ƒ “x” ¹ Ư ê"),
            Bounds {
                tcvn3_markers: 3, // Ò, ¹, and ê: not a marker, but among the last bytes
                mojibake: 5,      // ƒ, “, ”, ¹, Ư (C6 AF: ï's second byte)
                viet: 0,
            }
        );
    }

    proptest! {
        /// The bounds hold for any text: at least the check's markers, at most its letters.
        #[test]
        fn bounds_hold(
            parts in proptest::collection::vec(prop_oneof![
                Just("a"), Just(" "), Just("\n"), Just("ạ"), Just("ừ"), Just("ệ"), Just("ở"),
                Just("ỹ"), Just("ẁ"), Just("ỿ"), Just("ơ"), Just("Ư"), Just("đ"), Just("à"),
                Just("Ô"), Just("Õ"), Just("¹"), Just("«"), Just("Ã"), Just("á"), Just("º"),
                Just("»"), Just("ƒ"), Just("€"), Just("“"), Just("–"), Just("Š"), Just("ˆ"),
                Just("™"), Just("Ò"), Just("ï"), Just("é"), Just("á»"), Just("áº¿"),
                Just("KÕ ho¹ch"), Just("Nghị quyết"), Just("𝐀"),
            ], 0..80),
        ) {
            let text = parts.concat();
            let counts = Counts::of(&text);
            for bounds in [
                Bounds::of_chunks(&text),
                Bounds::of_chunks_rough(&text),
                Bounds::of_words(&text),
            ] {
                prop_assert!(bounds.tcvn3_markers >= counts.tcvn, "{bounds:?} {counts:?}");
                prop_assert!(bounds.mojibake >= counts.moji, "{bounds:?} {counts:?}");
                prop_assert!(bounds.viet <= counts.viet, "{bounds:?} {counts:?}");
            }
        }
    }
}
