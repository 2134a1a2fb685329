// The size budget: the first load of dist/ (HTML, CSS, JS, WASM), gzipped, at most 150 KB.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { extname, join } from 'node:path';

const BUDGET = 150_000; // bytes, gzipped
const FIRST_LOAD = new Set(['.html', '.css', '.js', '.wasm']);
const DIST = process.env.DIST ?? 'dist';

test('the first load fits the 150 KB gzip budget', async () => {
  const names = (await readdir(DIST)).filter((n) => FIRST_LOAD.has(extname(n)));
  // Service worker and 404 page are not part of the first load.
  const first = names.filter((n) => n !== 'sw.js' && n !== '404.html');
  assert.ok(first.some((n) => n.endsWith('.wasm')), 'dist/ has no .wasm: build first');
  let raw = 0;
  let gz = 0;
  const rows = [];
  for (const name of first.sort()) {
    const body = await readFile(join(DIST, name));
    const zipped = gzipSync(body, { level: 9 }).length;
    raw += body.length;
    gz += zipped;
    rows.push(`  ${name.padEnd(44)} ${String(body.length).padStart(8)} ${String(zipped).padStart(8)}`);
  }
  console.log(`first load (bytes)${' '.repeat(29)}raw     gzip\n${rows.join('\n')}`);
  console.log(`  ${'total'.padEnd(44)} ${String(raw).padStart(8)} ${String(gz).padStart(8)}  (budget ${BUDGET})`);
  assert.ok(gz <= BUDGET, `first load is ${gz} bytes gzipped, over the ${BUDGET} budget`);
});
