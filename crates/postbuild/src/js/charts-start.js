// The charts module's start script (see `scripts::CHARTS_START_TEMPLATE`): the quoted
// placeholders become the module's file names and integrity values.
const at = (name) => new URL(name, import.meta.url).href;
const js = at("__CHARTS_JS__");
try {
  // As the page's loader: a module <script> with integrity, then import().
  await new Promise((ok, no) =>
    document.head.append(
      Object.assign(document.createElement('script'), {
        type: 'module',
        src: js,
        integrity: "__CHARTS_JS_INTEGRITY__",
        crossOrigin: 'anonymous',
        onload: ok,
        onerror: no,
      }),
    ),
  );
  const { default: init } = await import(js);
  await init({
    module_or_path: fetch(at("__CHARTS_WASM__"), { integrity: "__CHARTS_WASM_INTEGRITY__" }),
  });
} catch (e) {
  // The page's CSS then hides the slot, rather than leave "loading" there for good.
  document.getElementById('charts-root')?.setAttribute('data-state', 'failed');
  throw e;
}
