// Models github.com/robfig/cron/v3 ParseStandard as the CronJob validator calls it: the returned text is
// the library's error, shown as `spec.schedule: Invalid value: "x": <text>`. parseCronSchedule is the one cron
// parser of the engine: the cronjob controller computes activations from its result.

const BOUNDS: [number, number, Record<string, number>?][] = [
  [0, 59], [0, 23], [1, 31],
  [1, 12, { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 }],
  [0, 6, { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 }],
];

function mustParseInt(expr: string): number | string {
  if (!/^[+-]?\d+$/.test(expr)) return `failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: invalid syntax`;
  const n = Number(expr);
  if (n < 0) return `negative number (${n}) not allowed: ${expr}`;
  return n;
}

function parseIntOrName(expr: string, names?: Record<string, number>): number | string {
  if (names && expr.toLowerCase() in names) return names[expr.toLowerCase()];
  return mustParseInt(expr);
}

/** CronField is one parsed field: the allowed values, and whether it was `*` or `?` (robfig's starBit). */
export interface CronField { values: Set<number>; star: boolean }

function getRange(expr: string, [min, max, names]: [number, number, Record<string, number>?], into: CronField): string | undefined {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0].split('-');
  const singleDigit = lowAndHigh.length === 1;
  let start: number;
  let end: number;
  let star = false;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') { start = min; end = max; star = true; } else {
    const s = parseIntOrName(lowAndHigh[0], names);
    if (typeof s === 'string') return s;
    start = s;
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) {
      const e = parseIntOrName(lowAndHigh[1], names);
      if (typeof e === 'string') return e;
      end = e;
    } else return `too many hyphens: ${expr}`;
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    const st = mustParseInt(rangeAndStep[1]);
    if (typeof st === 'string') return st;
    step = st;
    if (singleDigit) end = max;
    if (step > 1) star = false;
  } else if (rangeAndStep.length > 2) return `too many slashes: ${expr}`;
  if (start < min) return `beginning of range (${start}) below minimum (${min}): ${expr}`;
  if (end > max) return `end of range (${end}) above maximum (${max}): ${expr}`;
  if (start > end) return `beginning of range (${start}) beyond end of range (${end}): ${expr}`;
  if (step === 0) return `step of range should be a positive number: ${expr}`;
  for (let v = start; v <= end; v += step) into.values.add(v);
  if (star) into.star = true;
  return undefined;
}

function parseDuration(s: string): boolean {
  return /^([0-9]*(\.[0-9]*)?(ns|us|µs|ms|s|m|h))+$/.test(s) && s !== '';
}

/** CronSchedule is a parsed standard cron spec (robfig/cron SpecSchedule), with its TZ= prefix if any. */
export interface CronSchedule { minute: CronField; hour: CronField; dom: CronField; month: CronField; dow: CronField; timeZone?: string; everyMs?: number }

const field = (values: number[], star = false): CronField => ({ values: new Set(values), star });
const span = (min: number, max: number) => Array.from({ length: max - min + 1 }, (_, i) => min + i);

const DESCRIPTOR_SCHEDULES: Record<string, () => Omit<CronSchedule, 'timeZone'>> = {
  '@yearly': () => ({ minute: field([0]), hour: field([0]), dom: field([1]), month: field([1]), dow: field(span(0, 6), true) }),
  '@monthly': () => ({ minute: field([0]), hour: field([0]), dom: field([1]), month: field(span(1, 12), true), dow: field(span(0, 6), true) }),
  '@weekly': () => ({ minute: field([0]), hour: field([0]), dom: field(span(1, 31), true), month: field(span(1, 12), true), dow: field([0]) }),
  '@daily': () => ({ minute: field([0]), hour: field([0]), dom: field(span(1, 31), true), month: field(span(1, 12), true), dow: field(span(0, 6), true) }),
  '@hourly': () => ({ minute: field([0]), hour: field(span(0, 23), true), dom: field(span(1, 31), true), month: field(span(1, 12), true), dow: field(span(0, 6), true) }),
};
DESCRIPTOR_SCHEDULES['@annually'] = DESCRIPTOR_SCHEDULES['@yearly'];
DESCRIPTOR_SCHEDULES['@midnight'] = DESCRIPTOR_SCHEDULES['@daily'];

function parseGoDurationMs(s: string): number {
  const unit: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let total = 0;
  for (const m of s.matchAll(/([0-9]*(?:\.[0-9]*)?)(ns|us|µs|ms|s|m|h)/g)) total += Number(m[1] || 0) * unit[m[2]];
  return total;
}

/**
 * parseCronSchedule parses spec as robfig/cron ParseStandard does (5 fields, lists, ranges, steps,
 * month/day names, descriptors, `@every`, a leading TZ=/CRON_TZ=); it returns the library's error text on failure.
 */
export function parseCronSchedule(spec: string): CronSchedule | string {
  if (spec.length === 0) return 'empty spec string';
  let s = spec;
  let timeZone: string | undefined;
  if (s.startsWith('TZ=') || s.startsWith('CRON_TZ=')) {
    const i = s.indexOf(' ');
    timeZone = (i < 0 ? s : s.slice(0, i)).split('=')[1];
    s = i < 0 ? '' : s.slice(i).trim();
  }
  if (s.startsWith('@')) {
    const d = DESCRIPTOR_SCHEDULES[s];
    if (d) return { ...d(), timeZone };
    if (s.startsWith('@every ')) {
      const dur = s.slice('@every '.length);
      if (!parseDuration(dur)) return `failed to parse duration ${s}: time: invalid duration ${JSON.stringify(dur)}`;
      const all = DESCRIPTOR_SCHEDULES['@hourly']();
      return { ...all, everyMs: Math.max(1000, parseGoDurationMs(dur)), timeZone };
    }
    return `unrecognized descriptor: ${s}`;
  }
  const fields = s.trim().split(/\s+/).filter(Boolean);
  if (fields.length !== 5) return `expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`;
  const parsed: CronField[] = [];
  for (let i = 0; i < 5; i++) {
    const f: CronField = { values: new Set(), star: false };
    for (const part of fields[i].split(',')) {
      const err = getRange(part, BOUNDS[i], f);
      if (err) return err;
    }
    parsed.push(f);
  }
  const [minute, hour, dom, month, dow] = parsed;
  return { minute, hour, dom, month, dow, timeZone };
}

/** parseCronError returns robfig/cron's ParseStandard error for spec, or undefined when it parses. */
export function parseCronError(spec: string): string | undefined {
  const r = parseCronSchedule(spec);
  return typeof r === 'string' ? r : undefined;
}
