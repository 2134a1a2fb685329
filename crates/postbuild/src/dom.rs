//! Reading trunk's HTML through lol_html, the streaming HTML rewriter that every edit of the
//! step goes through: a tag's attributes are read as the tokenizer sees them (quoted or not,
//! in any order, whatever a minifier did), never by searching the text for `<link `.

use lol_html::{element, rewrite_str, text, RewriteStrSettings};
use std::cell::RefCell;

/// Why lol_html could not read or rewrite a page.
pub type RewriteError = lol_html::errors::RewritingError;

/// One element as read: its attributes (names in lower case, values decoded as written) and,
/// for raw-text elements such as `<script>`, its text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tag {
    /// The attributes in source order.
    pub attributes: Vec<(String, String)>,
    /// The element's text content (for `<script>`: the script).
    pub text: String,
}

impl Tag {
    /// The value of attribute `name`, if the tag has it.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Every element of `html` that matches the CSS `selector`, in document order, with its
/// attributes and text.
pub fn select(html: &str, selector: &str) -> Result<Vec<Tag>, RewriteError> {
    let found = RefCell::new(Vec::<Tag>::new());
    rewrite_str(
        html,
        RewriteStrSettings {
            element_content_handlers: vec![
                element!(selector, |el| {
                    found.borrow_mut().push(Tag {
                        attributes: el
                            .attributes()
                            .iter()
                            .map(|a| (a.name(), a.value()))
                            .collect(),
                        text: String::new(),
                    });
                    Ok(())
                }),
                text!(selector, |chunk| {
                    if let Some(tag) = found.borrow_mut().last_mut() {
                        tag.text.push_str(chunk.as_str());
                    }
                    Ok(())
                }),
            ],
            ..RewriteStrSettings::default()
        },
    )?;
    Ok(found.into_inner())
}

/// The text of every inline script (a `<script>` without `src`) of `html`, in order: what a
/// Content-Security-Policy must allow by hash.
pub fn inline_scripts(html: &str) -> Result<Vec<String>, RewriteError> {
    Ok(select(html, "script:not([src])")?
        .into_iter()
        .map(|tag| tag.text)
        .collect())
}

/// The file name a relative link points to (`./a-1.css` → `a-1.css`).
pub fn file_name(href: &str) -> &str {
    href.strip_prefix("./").unwrap_or(href)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_are_read_quoted_or_not() {
        let html = "<link crossorigin href=./a.js data-href=x integrity=\"sha384-Q\" rel='x'>";
        let tags = select(html, "link").unwrap();
        assert_eq!(tags.len(), 1);
        assert_eq!(tags[0].get("href"), Some("./a.js"));
        assert_eq!(tags[0].get("integrity"), Some("sha384-Q"));
        assert_eq!(tags[0].get("rel"), Some("x"));
        assert_eq!(tags[0].get("crossorigin"), Some(""));
        assert_eq!(tags[0].get("type"), None);
    }

    #[test]
    fn inline_scripts_are_found_with_their_text_but_not_external_ones() {
        let html = "<script src=./x.js></script><script type=module>a('</p>')</script><p></p>\
                    <script>b()</script><script src=\"y.js\" integrity=z></script>";
        assert_eq!(inline_scripts(html).unwrap(), ["a('</p>')", "b()"]);
    }
}
