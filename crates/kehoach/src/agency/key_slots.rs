//! Hash slots over a compiled-in table's sorted keys, laid out by build.rs and read by lookups:
//! a key the table does not hold (most of the names an agency list tries) is ruled out in one
//! probe instead of a binary search of ≈ 9 byte comparisons.

/// A hash of `key`'s bytes, read eight at a time. build.rs and the lookups share this file, so
/// the slots it lays out are the ones the lookups probe.
pub(crate) fn key_hash(key: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let word = |b: &[u8]| {
        let mut w = [0u8; 8];
        if let Some(dst) = w.get_mut(..b.len()) {
            dst.copy_from_slice(b);
        }
        u64::from_le_bytes(w)
    };
    let mut h = key.len() as u64;
    let mut chunks = key.chunks_exact(8);
    for chunk in &mut chunks {
        h = (h ^ word(chunk)).wrapping_mul(K).rotate_left(29);
    }
    h = (h ^ word(chunks.remainder())).wrapping_mul(K);
    h ^ (h >> 29)
}

/// A slot: the hash's top 16 bits, then the key's row + 1 (0: an empty slot).
fn slot(hash: u64, row: usize) -> u32 {
    ((hash >> 48) as u32) << 16 | (row as u32 + 1)
}

/// The slots of `keys` (at most 65 535): twice as many as keys, rounded up to a power of two,
/// each key in the first free slot from its hash on (linear probing).
#[allow(dead_code)] // used by build.rs (and a test)
pub(crate) fn lay_out(keys: &[&[u8]]) -> Vec<u32> {
    let n = (keys.len() * 2).next_power_of_two().max(2);
    let mut slots = vec![0u32; n];
    for (row, key) in keys.iter().enumerate() {
        let hash = key_hash(key);
        let mut at = hash as usize & (n - 1);
        while let Some(s) = slots.get_mut(at) {
            if *s == 0 {
                *s = slot(hash, row);
                break;
            }
            at = (at + 1) & (n - 1);
        }
    }
    slots
}

/// The row of `key` in the table whose slots are `slots`, `key_at(row)` giving each row's key.
#[cfg_attr(target_arch = "wasm32", allow(dead_code))] // the wasm package searches (smaller)
pub(crate) fn find(
    slots: &[u32],
    key: &[u8],
    key_at: impl Fn(usize) -> &'static [u8],
) -> Option<usize> {
    let mask = slots.len().checked_sub(1)?;
    let hash = key_hash(key);
    let tag = (hash >> 48) as u32;
    let mut at = hash as usize & mask;
    // Every table has a free slot (twice as many slots as keys): the probe ends.
    loop {
        let s = *slots.get(at)?;
        if s == 0 {
            return None;
        }
        let row = ((s & 0xffff) as usize).checked_sub(1)?;
        if s >> 16 == tag && key_at(row) == key {
            return Some(row);
        }
        at = (at + 1) & mask;
    }
}
