import { createHash } from 'node:crypto';
import { escapeHtml } from './escape';
import { MESSAGES, Messages } from './i18n';

/** Inline, so the page needs no second request on a slow rural mobile connection. */
const CSS = `*{box-sizing:border-box}
body{margin:0;background:#f2f4f1;color:#1c2a1f;font:15px/1.55 -apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif}
main{max-width:640px;margin:0 auto;padding:12px}
header,section{background:#fff;border-radius:12px;padding:14px 16px;margin:0 0 12px;box-shadow:0 1px 2px rgba(0,0,0,.06)}
h1{font-size:24px;line-height:1.3;margin:8px 0 0}
h2{font-size:16px;margin:0 0 8px;color:#2e6b3a}
p{margin:0}
a{color:#2e6b3a}
small,dt,.sub{color:#5b6a5e}
.top{display:flex;justify-content:space-between;align-items:center}
.badge,.pass,.fail{display:inline-block;padding:1px 10px;border-radius:999px;font-size:13px;font-weight:600}
.st-packed{background:#e7edfb;color:#2a4a99}
.st-in_transit{background:#fff2d9;color:#7f5400}
.st-delivered,.pass{background:#e2f3e5;color:#1e6b2d}
.fail{background:#fde6e4;color:#b3261e}
.card{border-top:6px solid #7a877c}
.v-ok{border-color:#1e7a34}
.v-warn{border-color:#c77c00}
.v-bad{border-color:#b3261e}
.where{margin:6px 0 0}
.verdict{margin:12px 0 0;padding:10px 12px;border-radius:8px;background:#f2f4f1}
.v-ok .verdict{background:#e2f3e5}
.v-warn .verdict{background:#fff2d9}
.v-bad .verdict{background:#fde6e4}
.verdict h2{font-size:18px;margin:0 0 4px;color:inherit}
.v-ok h2{color:#1e6b2d}
.v-warn h2{color:#7f5400}
.v-bad h2{color:#b3261e}
.why,.what{list-style:disc;padding-left:20px}
.todo{list-style:decimal;padding-left:20px;font-weight:600}
.verdict li+li{border:0;margin-top:2px;padding-top:0}
details{margin-top:10px}
summary{cursor:pointer;color:#2e6b3a}
.code{margin:12px 0 2px;font:600 17px/1.4 ui-monospace,Menlo,Consolas,monospace;letter-spacing:.04em}
.y{color:#1e7a34;font-weight:600}
.n,.warn{color:#b3261e;font-weight:600}
.warn{background:#fde6e4;border-radius:6px;padding:0 6px;white-space:nowrap}
.muted{color:#7a877c}
dl{display:grid;grid-template-columns:auto 1fr;gap:4px 12px;margin:0}
dd{margin:0;overflow-wrap:anywhere}
ul,ol{list-style:none;margin:0;padding:0}
li+li{border-top:1px solid #e5eae5;margin-top:8px;padding-top:8px}
.cert{border:2px solid #2e6b3a}
.pend{background:#fff2d9;color:#7f5400;display:inline-block;padding:1px 10px;border-radius:999px;font-size:13px;font-weight:600}
.brand{border:2px solid #b8860b}
.std ul{margin-top:10px}
.note{border-radius:6px;padding:4px 8px;margin-top:6px;font-weight:600}
.note.y{background:#e2f3e5}
.note.n{background:#fde6e4}
.spark{display:block;width:100%;height:auto;margin:10px 0 6px}
.spark text{font:9px sans-serif;fill:#5b6a5e}
.tl{margin-left:6px;padding-left:18px;border-left:2px solid #cdd7cd}
.tl li{position:relative;border:0;margin:0;padding:0 0 14px}
.tl li:before{content:"";position:absolute;left:-26px;top:5px;width:10px;height:10px;border-radius:50%;background:#fff;border:2px solid #2e6b3a}
.tl .now:before{background:#2e6b3a}
.alert{border:2px solid #b3261e}
.alert h1{color:#b3261e}
.steps{list-style:decimal;padding-left:20px}
.steps li+li{border:0;padding-top:0;margin-top:4px}
nav{text-align:right;font-size:14px;margin:0 4px 8px}
footer{text-align:center;color:#7a877c;font-size:13px;padding:4px 0 24px}`;

/**
 * The pages run no script and load nothing: all they may use is their own inline style,
 * named by its hash, so that no other style could apply even if some text got through
 * escaping.
 */
export const PAGE_CONTENT_SECURITY_POLICY =
  `default-src 'none'; style-src 'sha256-${createHash('sha256').update(CSS).digest('base64')}'; ` +
  "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/**
 * The document around a page body, all but the title and body built once per language.
 * `noindex`: item codes are unguessable only as long as search engines do not list the
 * pages that carry them.
 */
export function renderDocument(m: Messages, title: string, bodyHtml: string): string {
  return documentOpen(m, title) + bodyHtml + documentClose(m);
}

/** The document up to its body, titled. */
export function documentOpen(m: Messages, title: string): string {
  const frame = FRAMES[m.lang];
  return frame.beforeTitle + escapeHtml(title) + frame.beforeBody;
}

/** The document after its body. */
export function documentClose(m: Messages): string {
  return FRAMES[m.lang].afterBody;
}

const FRAMES = {
  zh: frame(MESSAGES.zh),
  en: frame(MESSAGES.en),
};

function frame(m: Messages) {
  return {
    beforeTitle: `<!doctype html><html lang="${m.htmlLang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><style>${CSS}</style><title>`,
    beforeBody: `</title></head><body><main><nav><a href="${m.switchHref}">${m.switchLabel}</a></nav>`,
    afterBody: `<footer>${m.footer}</footer></main></body></html>`,
  };
}
