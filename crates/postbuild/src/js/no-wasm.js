// Where the browser has no WebAssembly, <html class="no-wasm">: the static first view shows
// every text and a note instead of waiting for an app that cannot start.
if (typeof WebAssembly !== 'object') document.documentElement.classList.add('no-wasm');
