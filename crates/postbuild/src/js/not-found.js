(async () => {
  // The app's name, as its manifest gives it (the page's <meta name="application-name">).
  const name = document.querySelector('meta[name="application-name"]').content;
  const opening = document.getElementById('opening');
  opening.hidden = false;
  const parts = location.pathname.split('/');
  // A junk path can be thousands of segments deep; the app sits near the top.
  for (let i = Math.min(parts.length - 1, 12); i >= 1; i--) {
    const folder = parts.slice(0, i).join('/') + '/';
    try {
      const response = await fetch(folder + 'manifest.webmanifest', { cache: 'no-cache' });
      if (!response.ok) continue;
      const manifest = await response.json();
      if (manifest && manifest.name === name) {
        location.replace(folder + location.hash);
        return;
      }
    } catch (_) {
      // Not JSON, or no network: try the next folder up.
    }
  }
  opening.hidden = true;
})();
