//! A read-only map from short words to their class bits, asked once per token.

use foldhash::HashMap;

/// Words of up to 16 bytes in an open-addressed table whose keys are the word's bytes packed
/// into two integers (compared as integers, not with `memcmp`); longer words in a hash map.
///
/// A byte per slot, seven bits of the word's hash, is kept apart from the slots: most words
/// of a text are not in the table, and that small array (a few KB, which stays in the
/// first-level cache) tells so without reading a slot.
#[derive(Debug, Clone)]
pub(super) struct WordTable {
    /// 0 for an empty slot, else [`tag`] of the word in it.
    tags: Vec<u8>,
    slots: Vec<Slot>,
    /// `slots.len() - 1`; the length is a power of two.
    mask: usize,
    long: HashMap<String, u32>,
}

/// One word's key and bits.
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    head: u64,
    tail: u64,
    len: usize,
    bits: u32,
}

/// The longest word kept in the slots.
const SHORT: usize = 16;

/// Two integers that, with the word's length, determine its bytes (for 1 to 16 bytes): the
/// first and last eight bytes, or four, or the first, middle and last byte; they may overlap.
fn key(word: &[u8]) -> (u64, u64) {
    let n = word.len();
    let u64_at = |at: usize| u64::from_le_bytes(word[at..at + 8].try_into().expect("8 bytes"));
    let u32_at = |at: usize| {
        u64::from(u32::from_le_bytes(
            word[at..at + 4].try_into().expect("4 bytes"),
        ))
    };
    match n {
        8.. => (u64_at(0), u64_at(n - 8)),
        4.. => (u32_at(0) | (u32_at(n - 4) << 32), 0),
        _ => (
            u64::from(word[0]) | (u64::from(word[n / 2]) << 8) | (u64::from(word[n - 1]) << 16),
            0,
        ),
    }
}

fn hash(head: u64, tail: u64, len: usize) -> u64 {
    (head ^ tail.rotate_left(29) ^ len as u64)
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .rotate_left(26)
}

/// The slot's tag for a hash: its top seven bits plus one (never 0).
fn tag(hash: u64) -> u8 {
    (hash >> 57) as u8 + 1
}

impl WordTable {
    /// The table of `words` (each once, as the keys of a map are), read twice: once to size
    /// the slots, once to fill them. Only the long words are copied.
    pub(super) fn new<'w>(words: impl IntoIterator<Item = (&'w str, u32)> + Clone) -> WordTable {
        let short = words
            .clone()
            .into_iter()
            .filter(|(w, _)| (1..=SHORT).contains(&w.len()))
            .count();
        // At most half full, so that a missing word meets an empty slot soon.
        let size = (short * 2).next_power_of_two().max(16);
        let mut table = WordTable {
            tags: vec![0; size],
            slots: vec![Slot::default(); size],
            mask: size - 1,
            long: HashMap::default(),
        };
        for (word, bits) in words {
            if !(1..=SHORT).contains(&word.len()) {
                table.long.insert(word.to_string(), bits);
                continue;
            }
            let (head, tail) = key(word.as_bytes());
            let hash = hash(head, tail, word.len());
            let mut at = hash as usize & table.mask;
            while table.tags[at] != 0 {
                at = (at + 1) & table.mask;
            }
            table.tags[at] = tag(hash);
            table.slots[at] = Slot {
                head,
                tail,
                len: word.len(),
                bits,
            };
        }
        table
    }

    /// The bits of `word`, if it is in the table.
    #[inline]
    pub(super) fn get(&self, word: &str) -> Option<u32> {
        let len = word.len();
        if !(1..=SHORT).contains(&len) {
            return self.get_long(word);
        }
        let (head, tail) = key(word.as_bytes());
        let hash = hash(head, tail, len);
        let tag = tag(hash);
        let mut at = hash as usize & self.mask;
        loop {
            match self.tags[at] {
                0 => return None,
                t if t == tag => {
                    let slot = &self.slots[at];
                    if slot.len == len && slot.head == head && slot.tail == tail {
                        return Some(slot.bits);
                    }
                }
                _ => {}
            }
            at = (at + 1) & self.mask;
        }
    }

    /// [`Self::get`] for the few words longer than [`SHORT`] (or empty): kept out of line, so
    /// that the short words' look-up, inlined where it is asked, needs no registers saved for
    /// the hash map's.
    #[inline(never)]
    fn get_long(&self, word: &str) -> Option<u32> {
        self.long.get(word).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_word_and_no_other() {
        let words = [
            "a",
            "an",
            "the",
            "said",
            "told",
            "reportedly",
            "according",
            "spokeswoman",
            "sixteen-letters!",
            "seventeen-letters",
            "officials’",
            "ab",
            "ba",
            "abc",
            "acb",
            "abcd",
            "abdc",
            "abcdefgh",
            "abcdefghi",
            "bcdefgha",
        ];
        let map: HashMap<String, u32> = words
            .iter()
            .enumerate()
            .map(|(i, w)| (w.to_string(), 1 << (i % 32)))
            .collect();
        let table = WordTable::new(map.iter().map(|(w, &bits)| (w.as_str(), bits)));
        for (word, bits) in &map {
            assert_eq!(table.get(word), Some(*bits), "{word}");
        }
        for missing in [
            "",
            "b",
            "aa",
            "bb",
            "abd",
            "abce",
            "abcdefgi",
            "abcdefghj",
            "says",
            "Said",
            "eighteen-letters!!",
            "sixteen-letters?",
        ] {
            assert_eq!(table.get(missing), None, "{missing}");
        }
    }
}
