// What the first load is, for the size test and the benchmark: a language's page
// (index.html, zh-Hant/index.html, en/index.html) and every HTML, CSS, JS or WASM file it
// names (links, scripts, the loader's data-js and data-wasm), and the story's texts its
// language starts with (the loader's data-hans, data-hant, data-en: 简体 the simplified
// texts, 繁體 those and the traditional ones, English the English), as a browser fetches
// them before the page is interactive. The parts of the app's module the post-build step
// splits off are loaded later (crates/postbuild/src/split.rs): the charts module
// (charts-*, with what it shares with the markup's, shared-*) when the charts come near the
// screen; the story's markup in another language (markup-*, with shared-*) once the app is
// live and the page idle, as the other languages' texts.
import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';

export const COUNTED = new Set(['.html', '.css', '.js', '.wasm']);

/** The pools (the loader's data-* attributes) each language's page starts with. */
export const POOLS = { 'zh-Hans': ['hans'], 'zh-Hant': ['hans', 'hant'], en: ['en'] };

/** Each language's page, relative to dist. */
export const PAGES = { 'zh-Hans': 'index.html', 'zh-Hant': 'zh-Hant/index.html', en: 'en/index.html' };

/** { first, later, idle }: the first load's file names in `dist` for `page` (the root's
 * by default), relative to dist; the charts module's; the markup's. */
export async function loadParts(dist, page = 'index.html') {
  const files = await readdir(dist);
  const html = await readFile(join(dist, page), 'utf8');
  const lang = /<html[^>]*\slang=(?:"|')?([\w-]+)/.exec(html)?.[1];
  const pools = (POOLS[lang] ?? []).map((p) => `data-${p}`).join('|');
  const refs = new Set();
  const attrs = new RegExp(`\\s(?:href|src|data-js|data-wasm${pools ? '|' + pools : ''})=(?:"|')?(?:\\.\\.?/)*([^"'\\s>]+)`, 'g');
  for (const m of html.matchAll(attrs)) refs.add(m[1]);
  const named = [...refs].filter(
    (name) => files.includes(name) && (COUNTED.has(extname(name)) || name.endsWith('.bin')),
  );
  return {
    first: [page, ...named],
    later: files.filter((n) => /^(charts|shared)-[0-9a-f]+\.wasm$/.test(n)),
    idle: files.filter((n) => /^(markup|shared)-[0-9a-f]+\.wasm$/.test(n)),
  };
}
