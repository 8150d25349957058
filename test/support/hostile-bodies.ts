/**
 * Bodies sent to hurt the server rather than to be recorded, as JSON text (most cannot be
 * written by JSON.stringify, or would be normalised by it).
 */
export const hostile = {
  /** `{"x":[[[…]]]}`, `levels` deep. */
  deepArrays: (levels: number) => `{"x":${'['.repeat(levels)}${']'.repeat(levels)}}`,
  /** `{"a":{"a":{…}}}`, `levels` deep. */
  deepObjects: (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`,
  /** Only brackets, about `bytes` long: the deepest body that fits. */
  brackets: (bytes: number) => `${'['.repeat(bytes / 2)}${']'.repeat(bytes / 2)}`,
  /** A flat array of `elements` zeros in a field no route knows: two bytes an element. */
  hugeUnknownArray: (elements: number) => `{"junk":[${'0,'.repeat(elements - 1)}0]}`,
  /** Valid JSON of about `bytes`: one long string. */
  padded: (bytes: number) => JSON.stringify({ padding: ' '.repeat(bytes) }),
};

/** Names a consumer reads, each holding a character that cannot be true text (as JSON text: a lone surrogate survives only escaped). */
export const UNTRUE_NAMES: Record<string, string> = {
  nul: '"合作社\\u0000"',
  rightToLeftOverride: '"合作社\\u202E"',
  loneSurrogate: '"合作社\\ud800"',
  whitespaceOnly: '"  \\u3000 "',
};
