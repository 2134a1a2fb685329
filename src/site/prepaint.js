(function (root) {
  // Before the first paint (inline in <head>, src/site/page.rs): without WebAssembly the
  // first view shows every text and a note; the reader's text size (a link's `text=`
  // first, then storage) and theme go on <html> so the first view never shows the small
  // layout or the wrong colours for a frame. src/state.rs keeps them after; the storage
  // keys are src/browser/storage.rs's.
  if (typeof WebAssembly !== 'object') root.classList.add('no-wasm');
  function stored(key) {
    try {
      return (localStorage.getItem(key) || '').replace(/"/g, '');
    } catch (e) {
      return '';
    }
  }
  var linked = /[?&]text=(large|xl)(&|$)/.exec(location.hash);
  var text = linked ? linked[1] : stored('zezhou.text');
  if (text === 'large' || text === 'xl') root.setAttribute('data-text', text);
  var theme = stored('zezhou.appearance');
  if (/^(light|dark|contrast)$/.test(theme)) root.setAttribute('data-theme', theme);
})(document.documentElement);
