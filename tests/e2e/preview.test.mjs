// Link previews (issue 17): the page's Open Graph and Twitter tags, and the pictures they
// name, as a crawler reads them: over HTTP, under a sub-path, no browser. Each picture is a
// PNG of the stated size whose text chunks say its title and language (drawn at build time
// by crates/postbuild/src/preview.rs). The per-language pages come with issue 15; the
// pictures for every language are here already.
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

test("the page's preview tags name its language's picture, which is a PNG of the stated size in that language", async () => {
  const html = await (await fetch(app.url)).text();
  const lang = /<html lang="?([\w-]+)/.exec(html)[1];
  assert.equal(lang, 'zh-Hans');
  assert.equal(tag(html, 'property', 'og:title'), '泽州县2017年脱贫攻坚十件大事');
  assert.ok(tag(html, 'property', 'og:description').includes('泽州县'));
  assert.equal(tag(html, 'name', 'twitter:card'), 'summary_large_image');
  const image = tag(html, 'property', 'og:image');
  assert.equal(tag(html, 'name', 'twitter:image'), image);
  const url = new URL(image, app.url);
  assert.ok(url.href.startsWith(app.url), `${url} under ${app.url}`);
  const response = await fetch(url);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'image/png');
  const png = readPng(Buffer.from(await response.arrayBuffer()));
  assert.deepEqual(
    [png.width, png.height],
    [Number(tag(html, 'property', 'og:image:width')), Number(tag(html, 'property', 'og:image:height'))],
  );
  assert.deepEqual(png.text, { Title: '泽州县2017年脱贫攻坚十件大事', Language: lang });
});

test('a picture for every language, each in its own', async () => {
  for (const [lang, title] of [
    ['zh-Hant', '澤州縣2017年脫貧攻堅十件大事'],
    ['en', "Ten Major Events in Zezhou County's 2017 Fight Against Poverty"],
  ]) {
    const response = await fetch(new URL(`og-${lang}.png`, app.url));
    assert.equal(response.status, 200, lang);
    const png = readPng(Buffer.from(await response.arrayBuffer()));
    assert.deepEqual({ size: [png.width, png.height], text: png.text }, { size: [1200, 630], text: { Title: title, Language: lang } });
  }
});
