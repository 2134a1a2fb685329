(function (root) {
  // Before the first paint (inline in <head>, crates/postbuild/src/scripts.rs): without
  // WebAssembly the first view shows every text and a note; the reader's text size (a
  // link's `text=` first, then storage) and theme go on <html> so the first view never
  // shows the small layout or the wrong colours for a frame. src/state.rs keeps them
  // after; the storage keys are src/browser/storage.rs's.
  if (typeof WebAssembly !== 'object') root.classList.add('no-wasm');
  function stored(key) {
    try {
      return (localStorage.getItem(key) || '').replace(/"/g, '');
    } catch (e) {
      return '';
    }
  }
  var hash = location.hash;
  var linked = /[?&]text=(large|xl)(&|$)/.exec(hash);
  var text = linked ? linked[1] : stored('zezhou.text');
  if (text === 'large' || text === 'xl') root.setAttribute('data-text', text);
  var theme = stored('zezhou.appearance');
  if (/^(light|dark|contrast)$/.test(theme)) root.setAttribute('data-theme', theme);
  if (root.hasAttribute('data-embed') || hash.length > 4096) return;

  // A view in another language than this page's goes to that language's page at once, before
  // anything is drawn, as the live app would (zezhou_core::route, `Route::from_url` and
  // `Route::link`): an old link's language (`#/en/event/9` here, `en/#/zh-Hant/event/8`),
  // else, on the root's page only, the reader's stored language.
  var langs = ['zh-Hans', 'zh-Hant', 'en'];
  var dirs = ['', 'zh-Hant/', 'en/'];
  function lang(tag) {
    for (var i = 0; i < langs.length; i++) {
      if (langs[i].toLowerCase() === tag.toLowerCase()) return i;
    }
    return -1;
  }
  var page = lang(root.lang);
  var first = /^#\/*([^/?]*)/.exec(hash);
  var named = first ? lang(first[1]) : -1;
  var want = named >= 0 ? named : page === 0 ? lang(stored('zezhou.lang')) : -1;
  if (want >= 0 && want !== page) {
    // The rest of the view, without its language; 简体's page names its language.
    var rest = named >= 0 ? hash.slice(first[0].length) : hash.replace(/^#/, '');
    var to = want === 0 ? '#/zh-Hans' + rest : rest ? '#' + rest : '';
    var site = document.querySelector('meta[name=zezhou-root]');
    root.hidden = true;
    location.replace(new URL((site ? site.content : './') + dirs[want] + to, location.href));
    return;
  }

  // A view that opens a card, filters, searches or sorts: the events and what follows them
  // stay hidden until the live app has applied it (src/lib.rs `ready` shows them), so that
  // nothing the reader sees moves when it does; only in an engine that can run the page's
  // loader (a module with top-level await: those have Array.prototype.at).
  if ([].at && /^#\/*([^/?]*\/)?event\/\d|[?&](theme|q|sort)=[^&]/.test(hash)) root.setAttribute('data-pending', '');
})(document.documentElement);
