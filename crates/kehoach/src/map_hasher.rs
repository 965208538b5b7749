//! The hasher of the library's own maps: foldhash natively, std's SipHash in the wasm package.
//!
//! The parser keys its memos by the document's agency lists and timeframes (each distinct value
//! read once) and counts sibling ids; the validator keys agencies by id. Natively these are
//! hashed by foldhash's folded multiply (hashbrown's default hasher), seeded at random per map
//! like std's: a key of 40 bytes takes a few multiplies where SipHash-1-3 takes ≈ 1.5
//! instructions a byte and its rounds (seed parse −1.9 % instructions, the 37 documents
//! −1.2 %). In the wasm package std's hasher stays: foldhash's code there would cost ≈ 2 KB of
//! the first render's gzip, over its ceiling.

/// Builds the hashers of the library's own `HashMap`s and `HashSet`s (`Default`, a random seed
/// per map).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) type MapHasher = foldhash::fast::RandomState;

/// Builds the hashers of the library's own `HashMap`s and `HashSet`s (`Default`, a random seed
/// per map).
#[cfg(target_arch = "wasm32")]
pub(crate) type MapHasher = std::hash::RandomState;
