// The embed view's start script (see `scripts::EMBED_START_TEMPLATE`): the quoted
// placeholders become the app module's file names and integrity values.
const at = (name) => new URL(name, import.meta.url).href;
const js = at("__JS__");
try {
  // As the page's loader: a module <script> with integrity, then import().
  await new Promise((ok, no) =>
    document.head.append(
      Object.assign(document.createElement('script'), {
        type: 'module',
        src: js,
        integrity: "__JS_INTEGRITY__",
        crossOrigin: 'anonymous',
        onload: ok,
        onerror: no,
      }),
    ),
  );
  const { default: init } = await import(js);
  await init({
    module_or_path: fetch(at("__WASM__"), { integrity: "__WASM_INTEGRITY__" }),
  });
} catch (e) {
  // The page's CSS then hides the slot, rather than leave "loading" there for good.
  document.getElementById('charts-root')?.setAttribute('data-state', 'failed');
  throw e;
}
