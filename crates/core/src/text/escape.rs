//! Escaping text for HTML and SVG markup: the one escape every markup builder uses (the
//! cards' and panels' HTML, the charts' SVG, the poster, the embed snippet).

/// Appends `text` with `&`, `<`, `>` and `"` escaped: safe in element content and in
/// double-quoted attribute values.
#[inline]
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

/// `text`, escaped (see [`escape_into`]).
#[inline]
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}
