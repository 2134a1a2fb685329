// Link previews (issue 17): the page's Open Graph and Twitter tags, and the pictures they
// name, as a crawler reads them: over HTTP, under a sub-path, no browser. Each picture is a
// PNG of the stated size whose text chunks say its title and language (drawn at build time
// by crates/postbuild/src/preview.rs). Each language has its page (issue 15), each with its
// own tags, picture and alternates.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist } from './server.mjs';

let app;
before(async () => {
  app = await serveDist({ prefix: '/zezhou/' });
});
after(async () => app?.close());

/** Width, height and text chunks (tEXt, iTXt) of a PNG. */
function readPng(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const text = {};
  let width;
  let height;
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.subarray(at + 4, at + 8).toString('latin1');
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') [width, height] = [data.readUInt32BE(0), data.readUInt32BE(4)];
    if (type === 'iTXt') {
      // keyword \0 compression-flag compression-method language \0 translated \0 text
      const keywordEnd = data.indexOf(0);
      const keyword = data.subarray(0, keywordEnd).toString('latin1');
      let rest = data.subarray(keywordEnd + 3);
      rest = rest.subarray(rest.indexOf(0) + 1);
      rest = rest.subarray(rest.indexOf(0) + 1);
      text[keyword] = rest.toString('utf8');
    }
    at += 12 + length;
  }
  return { width, height, text };
}

const tag = (html, attr, name) =>
  new RegExp(`<meta ${attr}=${name} content=(?:"([^"]*)"|([^ >]+))>`).exec(html)?.slice(1).find(Boolean);

const PAGES = [
  ['', 'zh-Hans', '泽州县2017年脱贫攻坚十件大事', '泽州县', 'zh_CN'],
  ['zh-Hant/', 'zh-Hant', '澤州縣2017年脫貧攻堅十件大事', '澤州縣', 'zh_TW'],
  ['en/', 'en', "Ten Major Events in Zezhou County’s 2017 Fight Against Poverty", 'Zezhou', 'en_GB'],
];

for (const [folder, lang, title, place, locale] of PAGES) {
  test(`${lang}: the page's preview tags name its language's picture, a PNG of the stated size in that language`, async () => {
    const pageUrl = new URL(folder, app.url);
    const response = await fetch(pageUrl);
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.equal(/<html lang="?([\w-]+)/.exec(html)[1], lang);
    assert.equal(/<title>([^<]*)<\/title>/.exec(html)[1], title);
    assert.equal(tag(html, 'property', 'og:title'), title);
    assert.equal(tag(html, 'property', 'og:locale'), locale);
    const description = tag(html, 'property', 'og:description');
    assert.equal(tag(html, 'name', 'description'), description);
    assert.ok(description.includes(place), description);
    assert.equal(tag(html, 'name', 'twitter:card'), 'summary_large_image');
    const image = tag(html, 'property', 'og:image');
    assert.equal(tag(html, 'name', 'twitter:image'), image);
    // Relative to the page it is on, the picture is the root's.
    const url = new URL(image, pageUrl);
    assert.equal(url.href, new URL(`og-${lang}.png`, app.url).href);
    const picture = await fetch(url);
    assert.equal(picture.status, 200);
    assert.equal(picture.headers.get('content-type'), 'image/png');
    const png = readPng(Buffer.from(await picture.arrayBuffer()));
    assert.deepEqual(
      [png.width, png.height],
      [Number(tag(html, 'property', 'og:image:width')), Number(tag(html, 'property', 'og:image:height'))],
    );
    assert.deepEqual(png.text, { Title: title, Language: lang });
    // Built without the site's address (ZEZHOU_SITE_URL), a page names no hreflang
    // alternates: only absolute ones are valid (the post-build step's host test checks them
    // with an address).
    assert.doesNotMatch(html, /hreflang/);
  });
}
