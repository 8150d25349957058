import { headerText, untrueText } from './text-rules';

describe('untrueText', () => {
  it('takes names, codes and notes as people write them, in any script', () => {
    for (const text of ['乐昌市北乡黄金柰李专业合作社', 'Huangjin Nai plum', '粤F·C1234', 'GB/T 5009.199-2003', '特级 😀', '', 'a b']) {
      expect(untrueText(text)).toBeUndefined();
    }
  });

  it('refuses controls, bidirectional controls, non-characters and lone surrogates, naming the character', () => {
    expect(untrueText('a\u0000b')).toBe('contains a control character (U+0000)');
    expect(untrueText('a\u007F')).toBe('contains a control character (U+007F)');
    expect(untrueText('a\u0085')).toBe('contains a control character (U+0085)');
    expect(untrueText('合作社\u202E')).toBe('contains a bidirectional control (U+202E)');
    for (const mark of ['\u200E', '\u200F', '\u061C', '\u202A', '\u2066', '\u2069'])
      expect(untrueText(`x${mark}`)).toMatch(/^contains a bidirectional control/);
    expect(untrueText('\uFFFE')).toBe('contains a non-character (U+FFFE)');
    expect(untrueText('a\uD800')).toBe('contains an unpaired surrogate (U+D800)');
    expect(untrueText('\uDC00a')).toBe('contains an unpaired surrogate (U+DC00)');
  });

  it('refuses whitespace only, and tabs and line breaks except in free text', () => {
    expect(untrueText('   ')).toBe('is only whitespace');
    expect(untrueText('\u3000')).toBe('is only whitespace');
    expect(untrueText('a\nb')).toBe('contains a tab or line break (U+000A)');
    expect(untrueText('纸箱轻微破损\n已拍照', true)).toBeUndefined();
    expect(untrueText('\t', true)).toBe('is only whitespace');
    expect(untrueText('a\u0000b', true)).toBe('contains a control character (U+0000)');
  });
});

describe('headerText', () => {
  it('reads a header value as the UTF-8 the client sent, which Node hands over as Latin-1', () => {
    expect(headerText(Buffer.from('键-1', 'utf8').toString('latin1'))).toBe('键-1');
    expect(headerText('retry-7')).toBe('retry-7');
  });
});
