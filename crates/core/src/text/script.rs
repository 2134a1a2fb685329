//! Converting between simplified and traditional characters, at build time only.
//!
//! The report was published in simplified Chinese and machine-converted to traditional,
//! imperfectly (`干部` left as is, `規范` for `規範`). So the source is first converted to
//! simplified, which recovers the original, and the traditional text is then generated
//! afresh from it.
//!
//! The converter is [ferrous-opencc](https://crates.io/crates/ferrous-opencc) (Apache-2.0,
//! with OpenCC's Apache-2.0 dictionaries embedded), using OpenCC's `t2s` and `s2tw`
//! configurations. `s2tw` is `s2t` plus the character forms most readers of traditional
//! script write (群眾, 為, 啟 rather than OpenCC's own 羣衆, 爲, 啓); it changes no words,
//! unlike `s2twp`, which would rewrite vocabulary (网络 → 網路). It runs in `build.rs` and in host tests;
//! the browser bundle never carries it, only its output.

use ferrous_opencc::{config::BuiltinConfig, OpenCC};

/// A correction applied after OpenCC's simplified → traditional conversion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Override {
    /// What OpenCC produces.
    pub(crate) wrong: &'static str,
    /// What it should be; same number of characters, so spans stay aligned.
    pub(crate) right: &'static str,
    /// Why.
    pub(crate) why: &'static str,
}

/// Corrections to OpenCC's traditional output, found by reading this report's conversion.
pub(crate) const TRADITIONAL_OVERRIDES: &[Override] = &[
    Override {
        wrong: "雙籤",
        right: "雙簽",
        why: "双签 is the dual signature of a responsibility pledge: 簽 (to sign), not 籤 (a slip)",
    },
    Override {
        wrong: "高峯",
        right: "高峰",
        why: "the byline 高峰 is a person's name; names keep their usual form, not the variant 峯",
    },
];

/// Why the converter could not be set up (its embedded dictionaries failed to load).
#[derive(Debug, thiserror::Error)]
#[error("cannot load the OpenCC {config} dictionaries: {message}")]
pub struct ScriptError {
    /// The OpenCC configuration that failed (`t2s`, `s2t`).
    pub(crate) config: &'static str,
    /// What OpenCC said.
    pub(crate) message: String,
}

/// Converts text between simplified and traditional characters.
pub struct ScriptConverter {
    to_simplified: OpenCC,
    to_traditional: OpenCC,
}

impl ScriptConverter {
    /// Loads OpenCC's embedded `t2s` and `s2tw` dictionaries.
    pub fn new() -> Result<ScriptConverter, ScriptError> {
        let load = |config: BuiltinConfig, name: &'static str| {
            OpenCC::from_config(config).map_err(|e| ScriptError {
                config: name,
                message: e.to_string(),
            })
        };
        Ok(ScriptConverter {
            to_simplified: load(BuiltinConfig::T2s, "t2s")?,
            to_traditional: load(BuiltinConfig::S2tw, "s2tw")?,
        })
    }

    /// Traditional (or mixed) text in simplified characters.
    pub fn simplified(&self, text: &str) -> String {
        self.to_simplified.convert(text)
    }

    /// Simplified text in traditional characters, with [`TRADITIONAL_OVERRIDES`] applied.
    pub fn traditional(&self, text: &str) -> String {
        let mut out = self.to_traditional.convert(text);
        for o in TRADITIONAL_OVERRIDES {
            if out.contains(o.wrong) {
                out = out.replace(o.wrong, o.right);
            }
        }
        out
    }
}

/// The part of `converted` that corresponds to `original[start..end]` (see
/// [`super::aligned_range`]).
pub(crate) fn aligned_slice<'a>(
    original: &str,
    converted: &'a str,
    start: usize,
    end: usize,
) -> Option<&'a str> {
    let (from, to) = super::aligned_range(original, converted, start, end)?;
    converted.get(from..to)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overrides_keep_the_character_count() {
        for o in TRADITIONAL_OVERRIDES {
            assert_eq!(o.wrong.chars().count(), o.right.chars().count(), "{o:?}");
        }
    }

    #[test]
    fn aligned_slices() {
        let s = "泽州县干部";
        let t = "澤州縣幹部";
        let start = s.find("干部").expect("present");
        assert_eq!(aligned_slice(s, t, start, s.len()), Some("幹部"));
        assert_eq!(aligned_slice(s, t, 0, 0), Some(""));
        assert_eq!(aligned_slice(s, "澤州", 0, 3), None);
        assert_eq!(aligned_slice(s, t, 1, 3), None);
    }
}
