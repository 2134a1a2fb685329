// What a reader reads, line by line: the Chromium screens (screens.test.mjs) and the WebKit
// and Firefox ones (tests/engines) pass these functions into the page, so every engine is
// read the same way.

/**
 * The lines an element's text is laid out in, as the reader sees them: each character's box
 * from a Range, a new line where a box starts well below the line's first. Runs in the page
 * (`locator.evaluate(linesOf)`, or `(${linesOf})(element)` over WebDriver).
 */
export function linesOf(el) {
  const lines = [];
  let top = -Infinity;
  const range = document.createRange();
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.length; ) {
      const size = node.data.codePointAt(i) > 0xffff ? 2 : 1;
      const char = node.data.slice(i, i + size);
      range.setStart(node, i);
      range.setEnd(node, i + size);
      const box = [...range.getClientRects()].find((r) => r.width > 0);
      // A character whose box starts half its height below the line's first begins a line
      // (spaces, which may hang at a line's end, never do). Engines' boxes differ in height.
      if (box && /\S/.test(char) && box.top > top + box.height / 2) {
        lines.push('');
        top = box.top;
      }
      if (lines.length) lines[lines.length - 1] += char;
      i += size;
    }
  }
  return lines.map((l) => l.trim());
}

/** A Chinese line that is one character alone (with its punctuation): an orphan. */
export const ORPHAN = /^\p{Script=Han}[\p{P}]*$/u;

/**
 * Characters only simplified Chinese writes, common in this report: any of them in the
 * 繁體 page's text is a leftover of the conversion.
 */
export const SIMPLIFIED_ONLY = /[泽县脱贫坚关获万亿户个这为与发区务实现经济产业动员书记镇乡资项计设统筹点开农电网难众级确带买险证优帮营让门间对时会来们头样图标类财专贷额进]/u;

/** Their traditional forms: any in the 简体 page's text is a leftover the other way. */
export const TRADITIONAL_ONLY = /[澤縣脫貧堅關獲萬億戶個這為與發區務實現經濟產業動員書記鎮鄉資項計設統籌點開農電網難眾級確帶買險證優幫營讓門間對時會來們頭樣圖標類財專貸額進]/u;
