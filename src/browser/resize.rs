//! An element's width as it changes (window resize, orientation change, layout), at most
//! once a frame.

use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Calls `on_width` with the element's width (fractional CSS pixels) now, and again on the
/// animation frame after each burst of size changes (however many a frame brings, one call;
/// the drawing then never waits on a timer, and never runs inside the resize observer's own
/// callback, which would make the browser report a resize loop); stops when the returned
/// observer is dropped.
pub fn observe_width(
    element: &web_sys::Element,
    on_width: impl Fn(f64) + 'static,
) -> Option<WidthObserver> {
    let on_width = Rc::new(on_width);
    on_width(element.get_bounding_client_rect().width());
    let pending = Rc::new(Cell::new(false));
    let target = element.clone();
    let callback = Closure::<dyn Fn()>::new(move || {
        if pending.replace(true) {
            return;
        }
        let (on_width, target, pending) =
            (Rc::clone(&on_width), target.clone(), Rc::clone(&pending));
        leptos::prelude::request_animation_frame(move || {
            pending.set(false);
            on_width(target.get_bounding_client_rect().width());
        });
    });
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(element);
    Some(WidthObserver {
        observer,
        _callback: callback,
    })
}

/// A running [`observe_width`]; disconnects when dropped.
pub struct WidthObserver {
    observer: web_sys::ResizeObserver,
    _callback: Closure<dyn Fn()>,
}

impl Drop for WidthObserver {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
