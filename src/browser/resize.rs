//! An element's width as it changes (window resize, orientation change, layout), in the
//! same frame.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Calls `on_width` with the element's width (fractional CSS pixels) now, and again each
/// time it changes, from the resize observer: after the browser's layout and before its
/// paint, so what `on_width` draws shows in the same frame (a resize observer delivers at
/// most once a frame, so there is nothing to debounce). `on_width` must not change the
/// element's own size (observe an element whose size does not depend on what is drawn),
/// else the browser reports a resize loop. Stops when the returned observer is dropped.
pub(crate) fn observe_width(
    element: &web_sys::Element,
    on_width: impl Fn(f64) + 'static,
) -> Option<WidthObserver> {
    on_width(element.get_bounding_client_rect().width());
    let target = element.clone();
    let callback = Closure::<dyn Fn()>::new(move || {
        on_width(target.get_bounding_client_rect().width());
    });
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(element);
    Some(WidthObserver {
        observer,
        _callback: callback,
    })
}

/// A running [`observe_width`]; disconnects when dropped.
pub(crate) struct WidthObserver {
    observer: web_sys::ResizeObserver,
    _callback: Closure<dyn Fn()>,
}

impl Drop for WidthObserver {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
