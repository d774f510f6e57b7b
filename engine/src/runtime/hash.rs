//! The engine's hash for its own tables (the intern table, shape indexes, global lexical
//! bindings, Map and Set): keys there are hashed on hot paths, where std's SipHash cost
//! several percent of string- and JSON-heavy programs.

use std::hash::{BuildHasherDefault, Hasher};

/// A fast non-cryptographic hasher (multiply-rotate, with a final avalanche so that pointer
/// bits, whose low bits are always zero, still spread over the buckets).
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

impl Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.write_u64(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.write_u64(u64::from_le_bytes(w));
        }
    }
    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    #[inline]
    fn finish(&self) -> u64 {
        // murmur3's fmix64.
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

/// [`FastHasher`] as a `HashMap`'s hasher.
pub type BuildFastHasher = BuildHasherDefault<FastHasher>;

/// A `HashMap` hashed with [`FastHasher`].
pub type FastHashMap<K, V> = std::collections::HashMap<K, V, BuildFastHasher>;
