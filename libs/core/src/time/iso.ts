/**
 * ISO 8601 timestamps to and from epoch milliseconds by arithmetic. The passport page
 * formats some twenty times and plots sixty readings per request; Date.parse and Date
 * objects cost several times more, and Intl more still, with output that varies with ICU.
 */

const MS_PER_MINUTE = 60_000;
const MINUTES_PER_DAY = 1440;

/**
 * Epoch ms of `YYYY-MM-DD`, `YYYY-MM-DDTHH:mm`, with optional `:ss`, fraction and `Z` or
 * `±HH:MM` (no zone means UTC, as a bare date does in JavaScript); anything else goes
 * to Date.parse. NaN when it is not a time.
 */
export function parseIsoMs(iso: string): number {
  const n = iso.length;
  if (n < 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return Date.parse(iso);
  const days = daysFromCivil(digits(iso, 0, 4), digits(iso, 5, 2), digits(iso, 8, 2));
  if (n === 10) return days * MINUTES_PER_DAY * MS_PER_MINUTE;
  if (n < 16 || iso.charCodeAt(10) !== 84 || iso.charCodeAt(13) !== 58) return Date.parse(iso);

  let minutes = days * MINUTES_PER_DAY + digits(iso, 11, 2) * 60 + digits(iso, 14, 2);
  let ms = 0;
  let i = 16;
  if (iso.charCodeAt(i) === 58) {
    ms = digits(iso, 17, 2) * 1000;
    i = 19;
    if (iso.charCodeAt(i) === 46) {
      let scale = 100;
      for (i++; i < n && isDigit(iso.charCodeAt(i)); i++, scale /= 10) ms += (iso.charCodeAt(i) - 48) * scale;
    }
  }
  if (i === n || (i === n - 1 && iso.charCodeAt(i) === 90)) return minutes * MS_PER_MINUTE + Math.floor(ms);
  const sign = iso.charCodeAt(i);
  if (i !== n - 6 || (sign !== 43 && sign !== 45) || iso.charCodeAt(i + 3) !== 58) return Date.parse(iso);
  const offset = digits(iso, i + 1, 2) * 60 + digits(iso, i + 4, 2);
  minutes += sign === 43 ? -offset : offset;
  return minutes * MS_PER_MINUTE + Math.floor(ms);
}

/** `YYYY-MM-DD HH:mm` of an instant at a fixed offset from UTC. */
export function formatAtOffset(ms: number, offsetMinutes: number, withTime: boolean): string {
  const minutes = Math.floor(ms / MS_PER_MINUTE) + offsetMinutes;
  const days = Math.floor(minutes / MINUTES_PER_DAY);
  const date = civilFromDays(days);
  if (!withTime) return date;
  const ofDay = minutes - days * MINUTES_PER_DAY;
  return `${date} ${pad(Math.floor(ofDay / 60))}:${pad(ofDay % 60)}`;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The inverse of daysFromCivil, as `YYYY-MM-DD`. */
function civilFromDays(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The number written in `length` digits at `start`; NaN if any is not a digit. */
function digits(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const c = text.charCodeAt(i);
    if (!isDigit(c)) return NaN;
    value = value * 10 + c - 48;
  }
  return value;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
