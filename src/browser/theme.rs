//! The theme as the page computes it: CSS custom properties on `<html>`, read for what is
//! drawn outside the page (a chart's download, a poster). The page's charts need none of
//! it: their classes take the theme's colours in CSS.

/// The computed value of the custom property `name` (`--c-series-1`) on `<html>`, trimmed;
/// `None` when there is none.
pub(crate) fn custom_property(name: &str) -> Option<String> {
    let window = web_sys::window()?;
    let html = window.document()?.document_element()?;
    let style = window.get_computed_style(&html).ok()??;
    let value = style.get_property_value(name).ok()?;
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_owned())
}
