use crate::browser::{document, history, share};
use crate::chart::strings::chart_strings;
use crate::cite::{citations, Citations};
use crate::data::charts_story;
use crate::model::Lang;
use crate::route::Route;
use crate::state::use_charts;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The citations of the report and of this page in `lang`, retrieved today: what the cite
/// action copies and the CSV and JSON downloads carry.
pub fn citations_today(lang: Lang) -> Citations {
    let page = format!("{}{}", history::root(), Route::default().link(lang));
    citations(charts_story(), lang, &page, document::today())
}

/// How to cite: the report and this page in the reader's language's form (GB/T 7714-2015 in
/// Chinese, APA in English) with today's date, and an action that copies both. In the
/// charts module, so the first load does not carry it.
#[component]
pub fn CiteBox() -> impl IntoView {
    let lang = use_charts().lang();
    let t = move || chart_strings(lang.get());
    let cite = move || citations_today(lang.get());
    // The outcome of the last copy, shown beside the button (and announced: role=status).
    let copied = RwSignal::new(None::<bool>);
    let copy = move |_| {
        let text = cite().both();
        spawn_local(async move { copied.set(Some(share::copy(&text).await)) });
    };
    Effect::new(move |_| {
        lang.track();
        copied.set(None);
    });
    view! {
        <section class="cite" aria-labelledby="cite-heading" data-testid="cite">
            <h2 id="cite-heading" class="cite__heading">{move || t().cite_heading}</h2>
            <p class="cite__style">{move || t().cite_style}</p>
            <p class="cite__text" data-testid="cite-report">{move || cite().report}</p>
            <p class="cite__text" data-testid="cite-app">{move || cite().app}</p>
            <div class="cite__actions">
                <button
                    type="button"
                    class="button"
                    data-testid="cite-copy"
                    on:click=copy
                >
                    {move || t().cite_copy}
                </button>
                <span class="cite__status" role="status" data-testid="cite-status">
                    {move || match copied.get() {
                        Some(true) => t().cite_copied,
                        Some(false) => t().cite_failed,
                        None => "",
                    }}
                </span>
            </div>
        </section>
    }
}
