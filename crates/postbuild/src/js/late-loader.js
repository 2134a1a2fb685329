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
  // The story's texts: each language pool a file (data-hans, data-hant, data-en, with
  // their integrity values, which a 404 page fails too), fetched once (again after a
  // failure). Each language needs its pools (繁體 is a difference from 简体).
  // Their addresses are relative to this page, whose address the app changes (a language's
  // page): resolved now.
  const pools = { 'zh-Hans': ['hans'], 'zh-Hant': ['hans', 'hant'], en: ['en'] };
  const texts = {};
  const page = location.href;
  const fetchTexts = (pool) =>
    (texts[pool] ??= fetch(new URL(app[pool], page), { integrity: app[pool + 'Integrity'] })
      .then((response) => response.arrayBuffer())
      .catch((e) => {
        delete texts[pool];
        throw e;
      }));
  // The language the app starts in: the page's, which its first view is in (src/state.rs
  // `first_state`; the pre-paint script sent a link or a stored choice in another language
  // to that language's page).
  const start =
    Object.keys(pools).find((l) => l.toLowerCase() === document.documentElement.lang.toLowerCase()) ?? 'zh-Hans';
  try {
    // Its texts and the WebAssembly, at once with the JavaScript; every language's for a
    // link's search, which finds words in any of them.
    const first = Promise.all((/[?&]q=[^&]/.test(location.hash) ? ['hans', 'hant', 'en'] : pools[start]).map(fetchTexts));
    first.catch(() => {});
    const wasm = fetch(app.wasm, { integrity: app.wasmIntegrity });
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
    const files = await first;
    const instance = await bindings.default({ module_or_path: wasm });
    // The texts before the app mounts (its first task comes after this one).
    const give = (file) => bindings.texts(new Uint8Array(file));
    files.forEach(give);
    window.wasmBindings = bindings;
    dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: instance } }));
    // The other languages' texts: when the app asks (a switch to one not here yet), else
    // once it is live and the page idle. One that fails leaves the page as it is; the app
    // takes each pool once.
    const rest = () => ['hans', 'hant', 'en'].forEach((pool) => fetchTexts(pool).then(give, () => {}));
    addEventListener('zezhou-texts', rest);
    new MutationObserver(() => (self.requestIdleCallback ?? setTimeout)(rest, { timeout: 5000 })).observe(
      document.documentElement,
      { attributeFilter: ['data-app'] },
    );
  } catch (e) {
    // A file that fails its integrity check, a network error: the static view, as without
    // WebAssembly.
    document.documentElement.classList.add('no-wasm');
    throw e;
  }
}
