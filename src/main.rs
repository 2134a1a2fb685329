//! Browser entry: install the panic hook, mount the app; take the story's texts as the
//! loader fetches them.

fn main() {
    zezhou::start();
}

/// A language pool's file, fetched with its integrity by the page's loader
/// (`crates/postbuild/src/js/late-loader.js`): the texts it needs to start, handed over
/// before the app mounts (in the same task as the module's instantiation, [`main`]), and the
/// other languages' as they arrive ([`zezhou::data::add_texts`]). Here, not in the library,
/// so that only the page's module exports it.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn texts(file: Vec<u8>) {
    zezhou::data::add_texts(file);
}
