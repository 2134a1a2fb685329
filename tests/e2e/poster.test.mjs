// The poster (issue 17): from a card, or from the lead for the whole sheet, a 1080×1920 PNG in
// the reader's language and theme with the card's key figures and a QR code of its deep link;
// shared as a file where the browser can share files (tested at the API boundary: an init
// script stands in for navigator.canShare and navigator.share), else downloaded. The QR code
// is read back from the PNG with jsQR, in the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { setUp, waitForApp, press, SCREENSHOTS } from './harness.mjs';

let env;
before(async () => {
  env = await setUp({ prefix: '/zezhou/' });
});
after(async () => env?.close());

const JSQR = await readFile(new URL('../../node_modules/jsqr/dist/jsQR.js', import.meta.url), 'utf8');

/** Records the SVG of every picture the page rasterises (the poster's, before its PNG). */
function recordPictures(context) {
  return context.addInitScript(() => {
    window.__svgs = [];
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob) => {
      if (blob instanceof Blob && blob.type.startsWith('image/svg')) blob.text().then((t) => window.__svgs.push(t));
      return create(blob);
    };
  });
}

/** Stands in for a browser that can share files: records what it is given. */
function shareSheet(context) {
  return context.addInitScript(() => {
    window.__shared = [];
    navigator.canShare = (data) => Array.isArray(data?.files) && data.files.every((f) => f instanceof File);
    navigator.share = async (data) => {
      const file = data.files[0];
      const bytes = new Uint8Array(await file.arrayBuffer());
      window.__shared.push({ title: data.title, name: file.name, type: file.type, bytes: [...bytes] });
    };
  });
}

/** The PNG's width and height, and the text of the QR code in it (jsQR, in the page). */
async function readPoster(page, png) {
  const b64 = Buffer.from(png).toString('base64');
  await page.evaluate(JSQR);
  return page.evaluate(async (b64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${b64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(image, 0, 0);
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const code = window.jsQR(data.data, data.width, data.height);
    return { width: image.naturalWidth, height: image.naturalHeight, link: code?.data ?? null };
  }, b64);
}

async function download(page, locator) {
  const [file] = await Promise.all([page.waitForEvent('download'), press(page, locator)]);
  return { name: file.suggestedFilename(), body: await readFile(await file.path()) };
}

test("a card's poster: downloaded where files cannot be shared; its size, its figures and the QR code of its deep link", async () => {
  const page = await env.open('desktop', '#/en/event/2');
  await recordPictures(page.context());
  await page.reload();
  await waitForApp(page);
  const card = page.locator('article[data-rank="2"]');
  const tiles = await card.locator('.tile__value').allTextContents();
  assert.ok(tiles.length >= 4, `${tiles}`);

  const file = await download(page, card.getByTestId('poster'));
  assert.equal(file.name, 'zezhou-2017-poster-event-2-en.png');
  assert.deepEqual([...file.body.subarray(1, 4)], [0x50, 0x4e, 0x47]);
  const read = await readPoster(page, file.body);
  assert.deepEqual(read, { width: 1080, height: 1920, link: `${env.app.url}en/#/event/2` });
  await writeFile(`${SCREENSHOTS}poster-en-event-2.png`, file.body);

  // Its key figures are the card's, as the card shows them.
  const svg = (await page.evaluate(() => window.__svgs)).at(-1);
  const text = [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(' ');
  for (const value of tiles) assert.ok(text.includes(value), `${value} in ${text}`);
  assert.match(text, /No\. 2/);
  assert.match(text, /Scan to open this event/);
  assert.deepEqual(page.problems, []);
});

test('the sheet poster from the lead, pressed before the charts module has loaded, in 繁體 and dark', async () => {
  const page = await env.open('phone', '#/zh-Hant', { colorScheme: 'dark' });
  await waitForApp(page);
  assert.equal(await page.evaluate(() => document.querySelector('script[src*="charts-"]')), null);
  const file = await download(page, page.locator('.site-header__listen').getByTestId('poster'));
  assert.equal(file.name, 'zezhou-2017-poster-lead-zh-Hant.png');
  const read = await readPoster(page, file.body);
  assert.deepEqual(read, { width: 1080, height: 1920, link: `${env.app.url}zh-Hant/` });
  await writeFile(`${SCREENSHOTS}poster-zh-Hant-sheet-dark.png`, file.body);
  assert.equal(await page.locator('button[data-poster][data-state]').count(), 0, 'no button left busy');
  assert.deepEqual(page.problems, []);
});

test('shared as a file through the share sheet where the browser can share files', async () => {
  const page = await env.open('phone', '#/zh-Hans/event/1');
  await shareSheet(page.context());
  await page.reload();
  await waitForApp(page);
  const downloads = [];
  page.on('download', (d) => downloads.push(d));
  await press(page, page.locator('article[data-rank="1"]').getByTestId('poster'));
  await page.waitForFunction(() => window.__shared.length === 1, null, { timeout: 20000 });
  const shared = await page.evaluate(() => window.__shared[0]);
  assert.equal(shared.name, 'zezhou-2017-poster-event-1-zh-Hans.png');
  assert.equal(shared.type, 'image/png');
  assert.equal(shared.title, '泽州县2017年脱贫攻坚十件大事');
  const read = await readPoster(page, Uint8Array.from(shared.bytes));
  assert.deepEqual(read, { width: 1080, height: 1920, link: `${env.app.url}#/zh-Hans/event/1` });
  await writeFile(`${SCREENSHOTS}poster-zh-Hans-event-1.png`, Uint8Array.from(shared.bytes));
  assert.equal(downloads.length, 0, 'shared, not downloaded');
  assert.deepEqual(page.problems, []);
});
