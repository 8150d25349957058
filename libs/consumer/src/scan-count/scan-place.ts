/** A place name a client may tell: a city, in Chinese or Latin letters, at most 24 characters. */
const PLACE_SHAPE = /^[\p{Script=Han}A-Za-z][\p{Script=Han}A-Za-z .'-]{0,23}$/u;
/** Suffixes that say the same city two ways (韶关市 and 韶关). */
const HAN_SUFFIXES = /(市|地区|自治州|盟)$/u;

/**
 * The city a client says it scans from (`loc`, e.g. passed by a WeChat page), normalised so
 * that one city is one name: trimmed, spaces collapsed, Latin letters lower-cased, a Chinese
 * city's 市 dropped. Undefined for anything that is not a plausible city name: a place is a
 * hint, and a scan is answered whether or not it carries one.
 */
export function normalizePlace(loc: string | undefined): string | undefined {
  if (loc === undefined) return undefined;
  const text = loc.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (!PLACE_SHAPE.test(text)) return undefined;
  const han = /\p{Script=Han}/u.test(text);
  const name = han ? text.replace(/[ .'-]/g, '').replace(HAN_SUFFIXES, '') : text.toLowerCase().replace(/ city$/, '');
  return name.length > 0 ? name : undefined;
}
