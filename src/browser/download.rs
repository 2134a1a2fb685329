//! Downloads generated in the browser: text files (CSV, JSON, SVG) and a PNG rasterised
//! from an SVG. Nothing leaves the page: every file is a Blob behind an object URL.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Saves `text` as a file called `name` of type `mime`.
pub(crate) fn save_text(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    save_blob(name, &blob(text, mime)?)
}

/// Rasterises `svg` (of `width` × `height` CSS pixels) at `scale` times its size and saves
/// it as a PNG called `name`: the SVG is loaded into an image from a Blob URL, drawn onto a
/// canvas, and the canvas encoded with `toBlob`.
pub(crate) async fn save_png(
    name: &str,
    svg: &str,
    size: (u32, u32),
    scale: u32,
) -> Result<(), JsValue> {
    save_blob(name, &png(svg, size, scale).await?)
}

/// `svg` (of `width` × `height`) drawn into a canvas `scale` times as large, as a PNG.
pub(crate) async fn png(
    svg: &str,
    (width, height): (u32, u32),
    scale: u32,
) -> Result<web_sys::Blob, JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let source = blob(svg, "image/svg+xml;charset=utf-8")?;
    let url = web_sys::Url::create_object_url_with_blob(&source)?;
    let image = web_sys::HtmlImageElement::new_with_width_and_height(width, height)?;
    image.set_src(&url);
    let decoded = JsFuture::from(image.decode()).await;
    web_sys::Url::revoke_object_url(&url)?;
    decoded?;

    let canvas: web_sys::HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
    let (w, h) = (width * scale, height * scale);
    canvas.set_width(w);
    canvas.set_height(h);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")?
        .ok_or("no 2d context")?
        .dyn_into()?;
    context.draw_image_with_html_image_element_and_dw_and_dh(
        &image,
        0.0,
        0.0,
        f64::from(w),
        f64::from(h),
    )?;

    let encoded = js_sys::Promise::new(&mut |resolve, _reject| {
        let done = resolve.clone();
        let callback = wasm_bindgen::closure::Closure::once_into_js(move |blob: JsValue| {
            let _ = done.call1(&JsValue::NULL, &blob);
        });
        if canvas
            .to_blob_with_type(callback.unchecked_ref(), "image/png")
            .is_err()
        {
            let _ = resolve.call1(&JsValue::NULL, &JsValue::NULL);
        }
    });
    JsFuture::from(encoded).await?.dyn_into()
}

fn blob(text: &str, mime: &str) -> Result<web_sys::Blob, JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
}

/// Offers `blob` as a download through a temporary link.
pub(crate) fn save_blob(name: &str, blob: &web_sys::Blob) -> Result<(), JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(name);
    link.set_hidden(true);
    let body = document.body().ok_or("no body")?;
    body.append_child(&link)?;
    link.click();
    link.remove();
    // Revoke once the browser has taken the file.
    gloo_timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}
