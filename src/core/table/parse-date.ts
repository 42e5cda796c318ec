/** ISO dates (YYYY-MM-DD or YYYY/MM/DD, optional time and zone) to and from epoch ms UTC. */

/**
 * `YYYY-MM-DD` or `YYYY/MM/DD`, optionally followed by `[T ]HH:MM[:SS[.fff]]` and `Z` or
 * `±HH[:MM]`, to epoch milliseconds UTC (no zone means UTC); NaN when it is not a real date.
 */
export function parseDate(s: string): number {
  const n = s.length;
  if (n < 10) return NaN;
  const sep = s.charCodeAt(4);
  if ((sep !== 45 && sep !== 47) || s.charCodeAt(7) !== sep) return NaN;
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 2);
  const day = digits(s, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return NaN;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let ms = 0;
  let offset = 0;
  let i = 10;
  if (i < n) {
    const t = s.charCodeAt(i);
    if (t !== 84 && t !== 116 && t !== 32) return NaN;
    hour = digits(s, 11, 2);
    minute = s.charCodeAt(13) === 58 ? digits(s, 14, 2) : -1;
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return NaN;
    i = 16;
    if (s.charCodeAt(i) === 58) {
      second = digits(s, 17, 2);
      if (second < 0 || second > 59) return NaN;
      i = 19;
      if (s.charCodeAt(i) === 46 || s.charCodeAt(i) === 44) {
        const from = ++i;
        while (i < n && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
        if (i === from) return NaN;
        ms = Math.floor(Number('0.' + s.slice(from, i)) * 1000);
      }
    }
    if (i < n) {
      offset = zoneOffset(s, i);
      if (offset !== offset) return NaN;
    }
  }
  const days = daysFromCivil(year, month, day);
  return days * 86_400_000 + ((hour * 60 + minute) * 60 + second) * 1000 + ms - offset;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm, no Date object). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** `Z`, `±HH`, `±HHMM` or `±HH:MM` at `i` to milliseconds east of UTC; NaN when malformed. */
function zoneOffset(s: string, i: number): number {
  const rest = s.length - i;
  const c = s.charCodeAt(i);
  if (c === 90 || c === 122) return rest === 1 ? 0 : NaN;
  if (c !== 43 && c !== 45) return NaN;
  const h = digits(s, i + 1, 2);
  let m = 0;
  if (rest === 5) m = digits(s, i + 3, 2);
  else if (rest === 6 && s.charCodeAt(i + 3) === 58) m = digits(s, i + 4, 2);
  else if (rest !== 3) return NaN;
  if (h < 0 || h > 23 || m < 0 || m > 59) return NaN;
  return (c === 45 ? -1 : 1) * (h * 60 + m) * 60_000;
}

/** The `count` digits at `from` as a number, or -1 when one of them is not a digit. */
function digits(s: string, from: number, count: number): number {
  if (from + count > s.length) return -1;
  let v = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    v = v * 10 + (c - 48);
  }
  return v;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Epoch ms UTC as `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS[.fff]Z` when it has a time of day. */
export function formatDate(ms: number): string {
  const iso = new Date(ms).toISOString();
  const t = iso.indexOf('T');
  if (ms % 86_400_000 === 0) return iso.slice(0, t);
  return iso.endsWith('.000Z') ? iso.slice(0, -5) + 'Z' : iso;
}
