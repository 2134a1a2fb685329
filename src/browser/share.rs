//! Share a link: the system share sheet where the browser has one, else the clipboard; copy
//! a text.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// What happened when the reader asked to share.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ShareOutcome {
    /// The system share sheet took it.
    Shared,
    /// The link is on the clipboard.
    Copied,
    /// The reader closed the share sheet.
    Cancelled,
    /// Neither worked.
    Failed,
}

/// Shares `url` with `title`.
pub(crate) async fn share(title: &str, url: &str) -> ShareOutcome {
    let Some(window) = web_sys::window() else {
        return ShareOutcome::Failed;
    };
    let navigator = window.navigator();
    let has_share = js_sys::Reflect::has(&navigator, &JsValue::from_str("share")).unwrap_or(false);
    if has_share {
        let data = web_sys::ShareData::new();
        data.set_title(title);
        data.set_url(url);
        match JsFuture::from(navigator.share_with_data(&data)).await {
            Ok(_) => return ShareOutcome::Shared,
            Err(err) => {
                let name = js_sys::Reflect::get(&err, &JsValue::from_str("name"))
                    .ok()
                    .and_then(|n| n.as_string());
                if name.as_deref() == Some("AbortError") {
                    return ShareOutcome::Cancelled;
                }
            }
        }
    }
    if copy(url).await {
        return ShareOutcome::Copied;
    }
    ShareOutcome::Failed
}

/// Puts `text` on the clipboard; false where the browser has no clipboard or refuses.
pub(crate) async fn copy(text: &str) -> bool {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return false;
    };
    let has_clipboard =
        js_sys::Reflect::has(&navigator, &JsValue::from_str("clipboard")).unwrap_or(false);
    has_clipboard
        && JsFuture::from(navigator.clipboard().write_text(text))
            .await
            .is_ok()
}

/// Shares `file` (a picture) through the system share sheet where the browser can share
/// files (`navigator.canShare({ files })`); `None` where it cannot, for the caller to
/// download it instead.
pub(crate) async fn share_file(file: &web_sys::File, title: &str) -> Option<ShareOutcome> {
    let navigator = web_sys::window()?.navigator();
    let has_can_share =
        js_sys::Reflect::has(&navigator, &JsValue::from_str("canShare")).unwrap_or(false);
    let data = web_sys::ShareData::new();
    data.set_title(title);
    data.set_files(&js_sys::Array::of1(file));
    if !has_can_share || !navigator.can_share_with_data(&data) {
        return None;
    }
    Some(
        match JsFuture::from(navigator.share_with_data(&data)).await {
            Ok(_) => ShareOutcome::Shared,
            Err(err) => {
                let name = js_sys::Reflect::get(&err, &JsValue::from_str("name"))
                    .ok()
                    .and_then(|n| n.as_string());
                if name.as_deref() == Some("AbortError") {
                    ShareOutcome::Cancelled
                } else {
                    ShareOutcome::Failed
                }
            }
        },
    )
}
