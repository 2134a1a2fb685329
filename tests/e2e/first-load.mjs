// What the first load is, for the size test and the benchmark: index.html and every HTML,
// CSS, JS or WASM file it names (links, scripts, the loader's data-js and data-wasm), as a browser
// fetches them before the page is interactive. The charts module (charts-*) is loaded
// later, when the charts come near the screen.
import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';

export const COUNTED = new Set(['.html', '.css', '.js', '.wasm']);

/** { first, later }: the first load's file names in `dist`, and the charts module's. */
export async function loadParts(dist) {
  const files = await readdir(dist);
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const refs = new Set();
  for (const m of html.matchAll(/(?:href|src|data-js|data-wasm)=(?:"|')?\.?\/?([^"'\s>]+)/g)) refs.add(m[1]);
  const named = [...refs].filter((name) => files.includes(name) && COUNTED.has(extname(name)));
  return {
    first: ['index.html', ...named],
    later: files.filter((n) => n.startsWith('charts-') && COUNTED.has(extname(n))),
  };
}
