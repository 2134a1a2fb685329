use crate::state::use_app;
use gloo_timers::callback::Timeout;
use leptos::prelude::*;

/// A short confirmation ("链接已复制") in a polite live region; it fades after a few seconds.
#[component]
pub(crate) fn Notice() -> impl IntoView {
    let state = use_app();
    let notice = state.notice();
    let timer = StoredValue::new_local(None::<Timeout>);
    Effect::new(move |_| {
        if notice.get().is_some() {
            let hide = Timeout::new(4000, move || state.clear_notice());
            timer.set_value(Some(hide));
        }
    });
    view! {
        <div class="notice" role="status" aria-live="polite" data-testid="notice">
            {move || {
                notice.get().map(|text| view! { <p class="notice__text">{text}</p> })
            }}
        </div>
    }
}
