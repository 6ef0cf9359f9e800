const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH_RE = `(${MONTHS.join("|")}|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)`;
const utc = (y, m = 0, d = 1) => new Date(Date.UTC(y, m, d));
const DAY = 864e5;
function monthIndex(word) {
  return MONTHS.findIndex((m) => m.startsWith(word.slice(0, 3)));
}
function startOf(unit, now) {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  switch (unit) {
    case "year":
      return utc(y);
    case "quarter":
      return utc(y, m - m % 3);
    case "month":
      return utc(y, m);
    case "week": {
      const dow = (now.getUTCDay() + 6) % 7;
      return new Date(utc(y, m, now.getUTCDate()).getTime() - dow * DAY);
    }
    default:
      return utc(y, m, now.getUTCDate());
  }
}
function shift(d, unit, n) {
  switch (unit) {
    case "year":
      return utc(d.getUTCFullYear() + n, d.getUTCMonth(), d.getUTCDate());
    case "quarter":
      return utc(d.getUTCFullYear(), d.getUTCMonth() + 3 * n, d.getUTCDate());
    case "month":
      return utc(d.getUTCFullYear(), d.getUTCMonth() + n, d.getUTCDate());
    case "week":
      return new Date(d.getTime() + 7 * n * DAY);
    default:
      return new Date(d.getTime() + n * DAY);
  }
}
function shiftInstant(d, unit, n) {
  const x = new Date(d.getTime());
  if (unit === "year") x.setUTCFullYear(x.getUTCFullYear() + n);
  else if (unit === "quarter") x.setUTCMonth(x.getUTCMonth() + 3 * n);
  else if (unit === "month") x.setUTCMonth(x.getUTCMonth() + n);
  else if (unit === "week") x.setTime(x.getTime() + 7 * n * DAY);
  else if (unit === "hour") x.setTime(x.getTime() + n * 36e5);
  else x.setTime(x.getTime() + n * DAY);
  return x;
}
const period = (start, unit) => ({ start, end: shift(start, unit, 1), endInclusive: false });
const RULES = [
  {
    // "in the last 30 days", "over the past 2 weeks", "last 6 months"
    re: /\b(?:(?:in|during|over|within)\s+)?(?:the\s+)?(?:last|past|previous)\s+(\d+)\s+(hour|day|week|month|quarter|year)s?\b/,
    make: (m, now) => ({ start: shiftInstant(now, m[2], -Number(m[1])), end: now, endInclusive: true })
  },
  {
    // "in the past week", "over the past year": the rolling period up to now, like "the past 7 days".
    re: /\b(?:(?:in|during|over|within)\s+)?(?:the\s+)?past\s+(day|week|month|quarter|year)\b/,
    make: (m, now) => ({ start: shiftInstant(now, m[1], -1), end: now, endInclusive: true })
  },
  {
    // "in the next 30 days", "over the coming 2 weeks": from now on.
    re: /\b(?:(?:in|during|over|within)\s+)?(?:the\s+)?(?:next|coming|upcoming)\s+(\d+)\s+(hour|day|week|month|quarter|year)s?\b/,
    make: (m, now) => ({ start: now, end: shiftInstant(now, m[2], Number(m[1])), endInclusive: true })
  },
  {
    // "next week", "next month": the following calendar period.
    re: /\b(?:(?:in|during|for)\s+)?(?:the\s+)?next\s+(week|month|quarter|year)\b/,
    make: (m, now) => period(shift(startOf(m[1], now), m[1], 1), m[1])
  },
  {
    // "in the 1990s": a decade.
    re: /\b(?:(?:in|during|from)\s+)?(?:the\s+)?((?:1[89]|20)\d0)'?s\b/,
    make: (m) => ({ start: utc(Number(m[1])), end: utc(Number(m[1]) + 10), endInclusive: false })
  },
  {
    // "last month", "this year", "previous quarter", "current week"
    re: /\b(?:(?:in|during)\s+)?(?:the\s+)?(last|previous|this|current)\s+(week|month|quarter|year)\b/,
    make: (m, now) => {
      const cur = startOf(m[2], now);
      return period(m[1] === "this" || m[1] === "current" ? cur : shift(cur, m[2], -1), m[2]);
    }
  },
  {
    // "between March 2025 and May 2025" (both months included)
    re: new RegExp(`\\b(?:between|from)\\s+${MONTH_RE}\\s+(\\d{4})\\s+(?:and|to|until|through)\\s+${MONTH_RE}\\s+(\\d{4})\\b`),
    make: (m) => {
      const a = monthIndex(m[1]);
      const b = monthIndex(m[3]);
      if (a < 0 || b < 0) return null;
      return { start: utc(Number(m[2]), a), end: utc(Number(m[4]), b + 1), endInclusive: false };
    }
  },
  {
    // "between 2024 and 2025" (both years included)
    re: /\b(?:between|from)\s+((?:19|20)\d{2})\s+(?:and|to|until|through)\s+((?:19|20)\d{2})\b/,
    make: (m) => Number(m[2]) >= Number(m[1]) ? { start: utc(Number(m[1])), end: utc(Number(m[2]) + 1), endInclusive: false } : null
  },
  {
    // "between January and March 2026" (the year applies to both months)
    re: new RegExp(`\\b(?:between|from)\\s+${MONTH_RE}\\s+(?:and|to|until|through)\\s+${MONTH_RE}\\s+(\\d{4})\\b`),
    make: (m) => {
      const a = monthIndex(m[1]);
      const b = monthIndex(m[2]);
      if (a < 0 || b < 0 || b < a) return null;
      return { start: utc(Number(m[3]), a), end: utc(Number(m[3]), b + 1), endInclusive: false };
    }
  },
  {
    // "in the first quarter of 2026", "second quarter 2025"
    re: /\b(?:(since|after|before|until|in|during|from|for)\s+)?(?:the\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+(?:of\s+)?((?:19|20)\d{2})\b/,
    make: (m) => bounded(m[1] ?? "in", utc(Number(m[3]), ["first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th"].indexOf(m[2]) % 4 * 3), "quarter")
  },
  {
    // "in Q1 2026", "q3 2025"
    re: /\b(?:(since|after|before|until|in|during|from)\s+)?q([1-4])\s+((?:19|20)\d{2})\b/,
    make: (m) => bounded(m[1] ?? "in", utc(Number(m[3]), (Number(m[2]) - 1) * 3), "quarter")
  },
  { re: /\btoday\b/, make: (_m, now) => period(startOf("day", now), "day") },
  { re: /\byesterday\b/, make: (_m, now) => period(shift(startOf("day", now), "day", -1), "day") },
  {
    // "since March 2025", "before jan 2024", "in may 2026", "for May 2026", "May 2026"
    re: new RegExp(`\\b(?:(since|after|before|until|through|in|during|from|for)\\s+)?${MONTH_RE}\\s+(\\d{4})\\b`),
    make: (m) => {
      const mi = monthIndex(m[2]);
      if (mi < 0) return null;
      return bounded(m[1] ?? "in", utc(Number(m[3]), mi), "month");
    }
  },
  {
    // "in March" without a year: the latest March that has begun (this year's, else last year's)
    re: new RegExp(`\\b(since|after|before|until|in|during)\\s+${MONTH_RE}\\b(?!\\s+\\d)`),
    make: (m, now) => {
      const mi = monthIndex(m[2]);
      if (mi < 0) return null;
      const y = mi <= now.getUTCMonth() ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
      return bounded(m[1], utc(y, mi), "month");
    }
  },
  {
    // "in 2024", "since 2025", "before 2025", "for 2025"
    re: /\b(since|after|before|until|through|in|during|from|for)\s+((?:19|20)\d{2})\b/,
    make: (m) => bounded(m[1], utc(Number(m[2])), "year")
  }
];
function bounded(prep, start, unit) {
  const next = shift(start, unit, 1);
  switch (prep) {
    case "since":
      return { start, end: null, endInclusive: false };
    case "after":
      return { start: next, end: null, endInclusive: false };
    case "before":
      return { start: null, end: start, endInclusive: false };
    case "until":
    case "through":
      return { start: null, end: next, endInclusive: false };
    default:
      return period(start, unit);
  }
}
function extractTimeRange(text, now) {
  const lower = text.toLowerCase();
  for (const rule of RULES) {
    const m = rule.re.exec(lower);
    if (!m) continue;
    const r = rule.make(m, now);
    if (!r) continue;
    const rest = text.slice(0, m.index) + " " + text.slice(m.index + m[0].length);
    const ambiguous = RULES.some((o) => o.re.test(rest.toLowerCase()));
    return { range: { ...r, phrase: m[0].trim() }, rest, ambiguous };
  }
  return { range: null, rest: text, ambiguous: false };
}
function describeRange(r) {
  const d = (x) => x.getUTCHours() || x.getUTCMinutes() ? x.toISOString().slice(0, 16).replace("T", " ") + " UTC" : x.toISOString().slice(0, 10);
  if (r.start && r.end) return `from ${d(r.start)} ${r.endInclusive ? "through" : "up to (not including)"} ${d(r.end)}`;
  if (r.start) return `on or after ${d(r.start)}`;
  if (r.end) return `before ${d(r.end)}`;
  return "any time";
}
export {
  MONTHS,
  describeRange,
  extractTimeRange
};
