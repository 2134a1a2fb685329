use crate::i18n::strings;
use crate::state::use_app;
use crate::view::TextSize;
use leptos::prelude::*;

/// 长辈模式 / Large text: a toggle button in the header that turns the whole app to large
/// text, wider spacing, larger targets and simpler chrome; while it is on, a second toggle
/// takes the text a step further. Both say their state with `aria-pressed`.
#[component]
pub(crate) fn TextSizeSwitch() -> impl IntoView {
    let state = use_app();
    let lang = state.lang();
    let t = move || strings(lang.get());
    let text = state.text_size();
    let large = move || text.get() != TextSize::Normal;
    view! {
        <div class="text-size">
            <button
                type="button"
                class="button text-size__toggle"
                data-testid="large-text"
                aria-pressed=move || large().to_string()
                on:click=move |_| {
                    state.set_text_size(if large() { TextSize::Normal } else { TextSize::Large })
                }
            >
                // A large and a small A: the usual sign for text size.
                <svg class="icon" viewBox="0 0 24 24" aria-hidden="true">
                    <path d="M1 20 7.2 3.5h2.6L16 20h-2.7l-1.5-4.2H5.2L3.7 20zm5-6.5h5L8.5 6.6zM15.6 20l3.2-9h2l3.2 9h-1.9l-.7-2.1h-3.2l-.7 2.1zm3.1-3.7h2.2l-1.1-3.3z"></path>
                </svg>
                <span>{move || t().large_text}</span>
            </button>
            <button
                    type="button"
                    class="button text-size__toggle"
                    data-testid="extra-large-text"
                    hidden=move || !large()
                    aria-pressed=move || (text.get() == TextSize::ExtraLarge).to_string()
                    on:click=move |_| {
                        state.set_text_size(match text.get_untracked() {
                            TextSize::ExtraLarge => TextSize::Large,
                            _ => TextSize::ExtraLarge,
                        })
                    }
                >
                    {move || t().extra_large_text}
                </button>
        </div>
    }
}
