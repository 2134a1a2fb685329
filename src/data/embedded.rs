//! The story embedded in the build, decoded once.
//!
//! `build.rs` writes `$OUT_DIR/story.postcard` (serde's postcard format: compact) from
//! `data/story.toml` after validating it, so decoding cannot fail unless the build itself is
//! broken; a host test proves it decodes to the story the pipeline builds.
//!
//! The decoder is written by hand for the [`Story`] types: serde's derived decoding, with
//! an error path (and the clean-up of every value decoded so far) after each field, was the
//! largest single function in the page's WebAssembly (about 4 KB gzipped more than this).

use crate::model::{
    Decimal, Event, Figure, GlossaryEntry, Kind, Provenance, Qualifier, Relation, SourceSpan,
    Story, Text3, Text3Wire, Theme, Unit,
};
use std::sync::OnceLock;

/// The resolved story, serialised by `build.rs`.
pub const STORY_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/story.postcard"));

static STORY: OnceLock<Story> = OnceLock::new();

/// The embedded story, decoded on first use.
pub fn story() -> &'static Story {
    STORY.get_or_init(|| decode(STORY_BYTES))
}

/// Decodes a [`Story`] in postcard's format (as `postcard::to_allocvec` writes it). Panics
/// on bytes that are not one: the embedded story is written by `build.rs` from a validated
/// story, so that is a broken build.
pub fn decode(bytes: &[u8]) -> Story {
    let mut r = Reader { bytes, at: 0 };
    let story = r.story();
    assert!(r.at == bytes.len(), "story.postcard: trailing bytes");
    story
}

/// A cursor over postcard bytes: fields in declaration order, lengths, enum variants and
/// integers wider than a byte as unsigned LEB128 varints, `Option` and `bool` as one byte.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> u8 {
        let b = self.bytes[self.at];
        self.at += 1;
        b
    }

    fn varint(&mut self) -> usize {
        let mut value = 0usize;
        let mut shift = 0;
        loop {
            let b = self.byte();
            value |= usize::from(b & 0x7f) << shift;
            if b < 0x80 {
                return value;
            }
            shift += 7;
        }
    }

    fn flag(&mut self) -> bool {
        self.byte() != 0
    }

    fn string(&mut self) -> String {
        let len = self.varint();
        let bytes = &self.bytes[self.at..self.at + len];
        self.at += len;
        String::from_utf8(bytes.to_vec()).expect("story.postcard: UTF-8")
    }

    fn vec<T>(&mut self, item: impl Fn(&mut Self) -> T) -> Vec<T> {
        let len = self.varint();
        (0..len).map(|_| item(self)).collect()
    }

    fn option<T>(&mut self, item: impl Fn(&mut Self) -> T) -> Option<T> {
        self.flag().then(|| item(self))
    }

    fn strings(&mut self) -> Vec<String> {
        self.vec(Self::string)
    }

    fn text(&mut self) -> Text3 {
        Text3::from(Text3Wire {
            hans: self.string(),
            hant: self.string(),
            en: self.string(),
        })
    }

    fn story(&mut self) -> Story {
        Story {
            id: self.string(),
            title: self.text(),
            place: self.text(),
            year: self.varint() as u16,
            source: self.text(),
            byline: self.text(),
            context: self.text(),
            lead: self.text(),
            themes: self.vec(|r| Theme {
                id: r.string(),
                label: r.text(),
            }),
            events: self.vec(|r| Event {
                rank: r.byte(),
                title: r.text(),
                short: r.text(),
                summary: r.text(),
                text: r.text(),
                themes: r.strings(),
            }),
            figures: self.vec(Self::figure),
            relations: self.vec(Self::relation),
            glossary: self.vec(|r| GlossaryEntry {
                id: r.string(),
                term: r.text(),
                explanation: r.text(),
            }),
            headline: self.strings(),
            citation: self.text(),
        }
    }

    fn figure(&mut self) -> Figure {
        Figure {
            id: self.string(),
            event: self.byte(),
            value: self
                .string()
                .parse::<Decimal>()
                .expect("story.postcard: a decimal"),
            unit: match self.varint() {
                0 => Unit::Yuan,
                1 => Unit::Percent,
                2 => Unit::Count,
                _ => panic!("story.postcard: a unit"),
            },
            kind: match self.varint() {
                0 => Kind::Money,
                1 => Kind::People,
                2 => Kind::Households,
                3 => Kind::Villages,
                4 => Kind::Percent,
                5 => Kind::Count,
                6 => Kind::Power,
                7 => Kind::Duration,
                8 => Kind::Income,
                _ => panic!("story.postcard: a kind"),
            },
            counter: self.option(Self::text),
            label: self.text(),
            qualifier: self.option(|r| match r.varint() {
                0 => Qualifier::About,
                1 => Qualifier::AtLeast,
                _ => panic!("story.postcard: a qualifier"),
            }),
            provenance: match self.varint() {
                0 => Provenance::Reported(SourceSpan {
                    text: self.text(),
                    start: self.varint(),
                    end: self.varint(),
                    en_start: self.varint(),
                    en_end: self.varint(),
                    in_title: self.flag(),
                }),
                1 => Provenance::Derived {
                    formula: self.text(),
                    inputs: self.strings(),
                },
                _ => panic!("story.postcard: a provenance"),
            },
            key: self.flag(),
        }
    }

    fn relation(&mut self) -> Relation {
        match self.varint() {
            0 => Relation::AchievedVsTarget {
                label: self.text(),
                achieved: self.option(Self::string),
                target: self.option(Self::string),
                percent: self.string(),
            },
            1 => Relation::HouseholdsPeople {
                label: self.text(),
                households: self.string(),
                people: self.string(),
            },
            _ => panic!("story.postcard: a relation"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hand_decoder_reads_what_serde_reads() {
        let by_serde: Story = postcard::from_bytes(STORY_BYTES).unwrap();
        assert_eq!(decode(STORY_BYTES), by_serde);
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_hand_decoder_reads_another_story() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/second/story.toml");
        let second = crate::data::build_story(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(decode(&postcard::to_allocvec(&second).unwrap()), second);
    }
}
