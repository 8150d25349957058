import { escapeHtml } from './escape';

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<script>alert("x" & 'y')</script>`)).toBe('&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;');
  });

  it('leaves other text, Chinese included, as it is', () => {
    expect(escapeHtml('黄金柰李 LC2026-06A')).toBe('黄金柰李 LC2026-06A');
    expect(escapeHtml('')).toBe('');
    expect(escapeHtml('a<')).toBe('a&lt;');
    expect(escapeHtml('>b')).toBe('&gt;b');
  });
});
