/**
 * RFC 3339 date-times, as a schedule's fixed window takes them (azurerm's `fixed_date.start`/`end` are parsed
 * with Go's `time.RFC3339`). The grammar of RFC 3339 section 5.6:
 *
 *   date-time    = full-date "T" full-time          ; "T" and "Z" may be lower case (5.6, note)
 *   full-date    = date-fullyear "-" date-month "-" date-mday
 *   full-time    = partial-time time-offset
 *   partial-time = time-hour ":" time-minute ":" time-second [time-secfrac]
 *   time-offset  = "Z" / time-numoffset ; time-numoffset = ("+" / "-") time-hour ":" time-minute
 *
 * with the ranges of 5.7: month 01-12, day 01-28/29/30/31 by month and leap year, hour 00-23, minute 00-59,
 * second 00-60 (a leap second only at 23:59). Seconds are required: `2026-12-24T00:00Z` is not a date-time.
 */
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The instant of an RFC 3339 date-time in milliseconds since the epoch, or why the text is not one. */
export function parseRfc3339(text: string): { readonly ms: number } | { readonly problem: string } {
  const m = DATE_TIME.exec(text);
  if (m === null) {
    return /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}(?:[Zz]|[+-]\d{2}:\d{2})$/.test(text)
      ? { problem: 'it has no seconds (RFC 3339 requires them: write 00:00:00, not 00:00)' }
      : { problem: 'it is not of the form 2026-12-24T00:00:00Z (or with an offset such as +01:00)' };
  }
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  if (month < 1 || month > 12) return { problem: `month ${m[2]} does not exist` };
  if (day < 1 || day > daysIn(year, month)) return { problem: `${m[1]}-${m[2]} has no day ${m[3]}` };
  if (hour > 23 || minute > 59) return { problem: `${m[4]}:${m[5]} is not a time of day` };
  if (second > 60 || (second === 60 && (hour !== 23 || minute !== 59))) {
    return { problem: `second ${m[6]} does not exist (60 only for a leap second at 23:59)` };
  }
  if (m[8] !== undefined && (Number(m[9]) > 23 || Number(m[10]) > 59)) {
    return { problem: `offset ${m[8]}${m[9]}:${m[10]} is not an offset` };
  }
  const offset = m[8] === undefined ? 0 : (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10]));
  const ms =
    Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59)) +
    Math.round(Number(m[7] ?? 0) * 1000) -
    offset * 60_000;
  return { ms };
}
