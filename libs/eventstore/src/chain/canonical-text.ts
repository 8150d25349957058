/**
 * `canonicalJson(JSON.parse(text))` without building the value, for text as `JSON.stringify`
 * writes it (what the stores hold): its strings and numbers are already in canonical form, so
 * they are copied, and only objects' members are put in key order. Text in any other form gives
 * some other string, never the canonical JSON of another value (it only moves members), which is
 * why a verifier that gets no match tries `canonicalJson(JSON.parse(text))` before it concludes.
 * Throws on text it cannot read through.
 */
export function canonicalJsonOfStringified(text: string): string {
  const reader = new Reader(text);
  const canonical = reader.value();
  if (reader.at !== text.length) throw new NotStringified();
  return canonical;
}

class NotStringified extends Error {
  constructor() {
    super('not JSON as JSON.stringify writes it');
  }
}

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;
const OPEN_ARRAY = 91;
const CLOSE_ARRAY = 93;
const COMMA = 44;
const COLON = 58;

class Reader {
  at = 0;

  constructor(private readonly text: string) {}

  value(): string {
    const c = this.text.charCodeAt(this.at);
    if (c === OPEN_OBJECT) return this.object();
    if (c === OPEN_ARRAY) return this.array();
    if (c === QUOTE) return this.string();
    return this.scalar();
  }

  private object(): string {
    this.at++;
    if (this.text.charCodeAt(this.at) === CLOSE_OBJECT) {
      this.at++;
      return '{}';
    }
    // Parallel arrays and an insertion sort: objects here have a handful of members, and this runs per event.
    const keys: string[] = [];
    const texts: string[] = [];
    for (;;) {
      const rawKey = this.string();
      const key = rawKey.includes('\\') ? (JSON.parse(rawKey) as string) : rawKey.slice(1, -1);
      this.expect(COLON);
      const text = `${rawKey}:${this.value()}`;
      let i = keys.length;
      while (i > 0 && keys[i - 1] > key) {
        keys[i] = keys[i - 1];
        texts[i] = texts[i - 1];
        i--;
      }
      // A key twice is not JSON.stringify's: let JSON.parse decide which one counts.
      if (i > 0 && keys[i - 1] === key) throw new NotStringified();
      keys[i] = key;
      texts[i] = text;
      const next = this.text.charCodeAt(this.at++);
      if (next === CLOSE_OBJECT) break;
      if (next !== COMMA) throw new NotStringified();
    }
    return `{${texts.join(',')}}`;
  }

  private array(): string {
    this.at++;
    if (this.text.charCodeAt(this.at) === CLOSE_ARRAY) {
      this.at++;
      return '[]';
    }
    let out = '[';
    for (;;) {
      out += this.value();
      const next = this.text.charCodeAt(this.at++);
      if (next === CLOSE_ARRAY) return `${out}]`;
      if (next !== COMMA) throw new NotStringified();
      out += ',';
    }
  }

  /** A string token as written, quotes included. */
  private string(): string {
    if (this.text.charCodeAt(this.at) !== QUOTE) throw new NotStringified();
    let end = this.at;
    for (;;) {
      end = this.text.indexOf('"', end + 1);
      if (end < 0) throw new NotStringified();
      let backslashes = 0;
      while (this.text.charCodeAt(end - 1 - backslashes) === BACKSLASH) backslashes++;
      if (backslashes % 2 === 0) break;
    }
    const token = this.text.slice(this.at, end + 1);
    this.at = end + 1;
    return token;
  }

  /** A number, true, false or null, as written: JSON.stringify writes numbers in their shortest form. */
  private scalar(): string {
    let end = this.at;
    for (;;) {
      const c = this.text.charCodeAt(end);
      if (c === COMMA || c === CLOSE_OBJECT || c === CLOSE_ARRAY || Number.isNaN(c)) break;
      end++;
    }
    if (end === this.at) throw new NotStringified();
    const token = this.text.slice(this.at, end);
    this.at = end;
    return token;
  }

  private expect(code: number): void {
    if (this.text.charCodeAt(this.at++) !== code) throw new NotStringified();
  }
}
