//! Cleaning the source report, splitting it and scanning its numbers.
//!
//! - [`clean`]: pinyin annotations out, full-width Chinese punctuation in;
//! - [`escape`]: text escaped for HTML and SVG markup;
//! - `report`: lead, numbered events and byline of a "十件大事"-style report;
//! - `numbers`: every number in a text, Arabic or Chinese numerals, with its value (and the
//!   numbers an English wording states, to check figures' English spans);
//! - [`marks`]: an event's text cut into plain, figure and glossary-term segments, and a
//!   figure's source sentence;
//! - [`phrases`]: where a Chinese title, figure label or place may break between lines (its glossary terms, its
//!   numbers with their units), and the title, labels and place as markup with those breaks;
//! - `script` (feature `pipeline`): simplified ↔ traditional conversion with OpenCC, at
//!   build time.
//!
//! Everything here is plain Rust, and refers only to `crate::model` and to itself.

pub mod clean;
pub mod escape;
pub mod marks;
pub(crate) mod numbers;
pub mod phrases;
pub(crate) mod report;
#[cfg(feature = "pipeline")]
pub mod script;

pub use clean::{clean_source, full_width_punctuation, remove_pinyin_annotations};
pub use numbers::{english_numbers, scan_numbers, NumberToken};
pub use report::{split_report, SourceEvent, SourceReport, SplitError};

/// The byte range of `converted` at the same character positions as `original[start..end]`,
/// for conversions that keep one character for one character (OpenCC's simplified ↔
/// traditional does for this kind of text). `None` when the character counts differ or the
/// range is not on character boundaries.
#[inline]
pub(crate) fn aligned_range(
    original: &str,
    converted: &str,
    start: usize,
    end: usize,
) -> Option<(usize, usize)> {
    if original.chars().count() != converted.chars().count() {
        return None;
    }
    let first = original.get(..start)?.chars().count();
    let len = original.get(start..end)?.chars().count();
    let mut offsets = converted
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(converted.len()));
    let from = offsets.nth(first)?;
    let to = match len {
        0 => from,
        _ => offsets.nth(len - 1)?,
    };
    Some((from, to))
}

/// Sorts `items` by `key`, stable, by insertion: the lists sorted in the browser (a text's
/// marks, the ten events) are short, and the standard library's sort costs kilobytes of
/// code in the bundle for every type it sorts.
#[inline]
pub(crate) fn sort_small_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]) > key(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod sort_tests {
    use super::sort_small_by_key;

    #[test]
    fn the_small_sort_is_stable_and_sorts() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_small_by_key(&mut v, |&(k, _)| k);
        assert_eq!(v, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        let mut empty: Vec<u8> = Vec::new();
        sort_small_by_key(&mut empty, |&x| x);
        assert!(empty.is_empty());
    }
}
