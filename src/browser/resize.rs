//! An element's width as it changes (window resize, orientation change, layout), debounced.

use gloo_timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Calls `on_width` with the element's width (fractional CSS pixels) now, and again
/// `debounce_ms` after each burst of size changes; stops when the returned observer is
/// dropped.
pub fn observe_width(
    element: &web_sys::Element,
    debounce_ms: u32,
    on_width: impl Fn(f64) + 'static,
) -> Option<WidthObserver> {
    let on_width = Rc::new(on_width);
    on_width(element.get_bounding_client_rect().width());
    let pending: Rc<RefCell<Option<Timeout>>> = Rc::default();
    let target = element.clone();
    let callback = Closure::<dyn Fn()>::new(move || {
        let on_width = Rc::clone(&on_width);
        let target = target.clone();
        // Replacing the timeout cancels the previous one.
        *pending.borrow_mut() = Some(Timeout::new(debounce_ms, move || {
            on_width(target.get_bounding_client_rect().width());
        }));
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
