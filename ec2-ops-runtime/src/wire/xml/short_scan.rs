//! Byte searches over the short runs an EC2 document is made of (element names, values of a few
//! dozen bytes), eight bytes at a time in a plain `u64`. For runs this short, `memchr`'s call and
//! its vector set-up cost more than the search itself (callgrind: about 130 instructions for a
//! 15-byte value, against about 25 here); past the first 64 bytes, the search goes to `memchr`.

/// How far the word-at-a-time search goes before handing the rest to `memchr`.
const SHORT: usize = 64;

const LOW: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `word` that equals `byte`. Exact up to the lowest such byte (a
/// borrow can only mark bytes above a real match), which is all a search needs.
#[inline(always)]
fn equal_bytes(word: u64, byte: u8) -> u64 {
    let diff = word ^ (LOW * u64::from(byte));
    diff.wrapping_sub(LOW) & !diff & HIGH
}

/// The eight bytes at `at`, little-endian, so the lowest match is the first.
#[inline(always)]
fn word_at(bytes: &[u8], at: usize) -> u64 {
    let mut word = [0; 8];
    word.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(word)
}

/// The position of the first `one` or `other` in `bytes`. `bytes` may be long (the rest of a
/// document); a match is expected within a few dozen bytes.
#[inline]
pub(super) fn position_either(bytes: &[u8], one: u8, other: u8) -> Option<usize> {
    let first_in = |at: usize| {
        let mark = equal_bytes(word_at(bytes, at), one) | equal_bytes(word_at(bytes, at), other);
        (mark != 0).then(|| at + mark.trailing_zeros() as usize / 8)
    };
    let mut at = 0;
    while at + 8 <= bytes.len() {
        if at == SHORT {
            return memchr::memchr2(one, other, &bytes[at..]).map(|found| at + found);
        }
        if let Some(found) = first_in(at) {
            return Some(found);
        }
        at += 8;
    }
    if at == bytes.len() {
        None
    } else if bytes.len() >= 8 {
        // The last eight bytes, overlapping words already searched: the bytes read again were
        // clear, so the first match in this word is the first in `bytes`.
        first_in(bytes.len() - 8)
    } else {
        bytes.iter().position(|&byte| byte == one || byte == other)
    }
}

/// The position of the first `needle` in `bytes`.
#[inline]
pub(super) fn position(bytes: &[u8], needle: u8) -> Option<usize> {
    position_either(bytes, needle, needle)
}

/// Whether `bytes` holds `one` or `other`.
#[inline]
pub(super) fn contains_either(bytes: &[u8], one: u8, other: u8) -> bool {
    position_either(bytes, one, other).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn finds_the_first_of_several_matches_in_every_word_position() {
        for len in 0..150 {
            for at in 0..len {
                let mut bytes = vec![b'a'; len];
                bytes[at] = b':';
                if at + 1 < len {
                    bytes[len - 1] = b':';
                }
                assert_eq!(position(&bytes, b':'), Some(at), "len {len}, at {at}");
                assert!(contains_either(&bytes, b'\r', b':'));
            }
            assert_eq!(position(&vec![b'a'; len], b':'), None);
            assert!(!contains_either(&vec![b'a'; len], b'\r', b'\0'));
        }
    }

    #[test]
    fn a_borrow_from_a_match_does_not_hide_or_invent_one() {
        // 0x3B is ':' + 1: after a ':' lane borrows, the lane above it must not read as a match.
        let bytes = [b':', 0x3B, b'a', b'a', b'a', b'a', b'a', b'a', b'a'];
        assert_eq!(position(&bytes, b':'), Some(0));
        let bytes = [b'a', b'a', b'a', b'a', b'a', b'a', b'a', 0x01, 0x00];
        assert!(contains_either(&bytes, b'\r', b'\0'));
    }

    proptest! {
        #[test]
        fn position_agrees_with_a_plain_search(
            bytes in proptest::collection::vec(prop_oneof![Just(b':'), Just(b';'), Just(b'9'), any::<u8>()], 0..100),
        ) {
            prop_assert_eq!(position(&bytes, b':'), bytes.iter().position(|&b| b == b':'));
        }

        #[test]
        fn position_either_agrees_with_a_plain_search(
            bytes in proptest::collection::vec(prop_oneof![Just(b'<'), Just(b'&'), Just(b'='), any::<u8>()], 0..200),
        ) {
            prop_assert_eq!(
                position_either(&bytes, b'<', b'&'),
                bytes.iter().position(|&b| b == b'<' || b == b'&')
            );
        }

        #[test]
        fn contains_either_agrees_with_a_plain_search(
            bytes in proptest::collection::vec(prop_oneof![Just(b'\r'), Just(0u8), Just(b'\n'), any::<u8>()], 0..100),
        ) {
            prop_assert_eq!(
                contains_either(&bytes, b'\r', b'\0'),
                bytes.iter().any(|&b| b == b'\r' || b == b'\0')
            );
        }
    }
}
