// The page's loader, in place of trunk's (see `scripts::LATE_LOADER` in ../scripts.rs).
// Its files and their integrity values are its own element's data-* attributes (a module
// script has no document.currentScript).
const app = document.querySelector('[data-wasm]').dataset;

// A link to a card (#/…/event/7) brings the first view's card into view first, so that the
// live app, which opens the card in place, needs no jump from the top.
document.getElementById('event-' + /\/event\/(\d+)/.exec(location.hash)?.[1])?.scrollIntoView();

// Without WebAssembly the HTML first view stays (the no-wasm script marks the page).
if (typeof WebAssembly === 'object') {
  // After the first view's largest paint; else a frame later; at the latest after a second.
  await new Promise((go) => {
    setTimeout(go, 1000);
    if (self.PerformanceObserver?.supportedEntryTypes?.includes('largest-contentful-paint')) {
      new PerformanceObserver(go).observe({ type: 'largest-contentful-paint', buffered: true });
    } else {
      requestAnimationFrame(() => setTimeout(go));
    }
  });
  try {
    // The JavaScript through a module <script> with integrity, which every engine checks
    // (WebKit ignores integrity on modulepreload); import() then takes the evaluated module
    // from the module map.
    await new Promise((ok, no) =>
      document.head.append(
        Object.assign(document.createElement('script'), {
          type: 'module',
          src: app.js,
          integrity: app.jsIntegrity,
          crossOrigin: 'anonymous',
          onload: ok,
          onerror: no,
        }),
      ),
    );
    const bindings = await import(app.js);
    const wasm = await bindings.default({
      module_or_path: fetch(app.wasm, { integrity: app.wasmIntegrity }),
    });
    window.wasmBindings = bindings;
    dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
  } catch (e) {
    // A file that fails its integrity check, a network error: the static view, as without
    // WebAssembly.
    document.documentElement.classList.add('no-wasm');
    throw e;
  }
}
