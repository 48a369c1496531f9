const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const p2 = (n: number) => String(n).padStart(2, '0');

/** strftime formats ms (UTC) with GNU date's common specifiers. */
export function strftime(fmt: string, ms: number): string {
  const d = new Date(ms);
  const Y = d.getUTCFullYear(), m = d.getUTCMonth(), day = d.getUTCDate(), H = d.getUTCHours(), M = d.getUTCMinutes(), S = d.getUTCSeconds(), w = d.getUTCDay();
  const yday = Math.floor((Date.UTC(Y, m, day) - Date.UTC(Y, 0, 1)) / 86400000) + 1;
  return fmt.replace(/%([-_0^]?)([a-zA-Z%+:]|:z)/g, (all, flag: string, c: string) => {
    let v: string;
    switch (c) {
      case 'Y': v = String(Y); break;
      case 'y': v = p2(Y % 100); break;
      case 'C': v = p2(Math.floor(Y / 100)); break;
      case 'm': v = p2(m + 1); break;
      case 'd': v = p2(day); break;
      case 'e': v = String(day).padStart(2, ' '); break;
      case 'H': v = p2(H); break;
      case 'k': v = String(H).padStart(2, ' '); break;
      case 'I': v = p2(H % 12 || 12); break;
      case 'l': v = String(H % 12 || 12).padStart(2, ' '); break;
      case 'M': v = p2(M); break;
      case 'S': v = p2(S); break;
      case 'N': v = String((ms % 1000) * 1e6).padStart(9, '0'); break;
      case 'p': v = H < 12 ? 'AM' : 'PM'; break;
      case 'P': v = H < 12 ? 'am' : 'pm'; break;
      case 's': v = String(Math.floor(ms / 1000)); break;
      case 'a': v = DAYS[w].slice(0, 3); break;
      case 'A': v = DAYS[w]; break;
      case 'b': case 'h': v = MONTHS[m].slice(0, 3); break;
      case 'B': v = MONTHS[m]; break;
      case 'j': v = String(yday).padStart(3, '0'); break;
      case 'u': v = String(w || 7); break;
      case 'w': v = String(w); break;
      case 'Z': v = 'UTC'; break;
      case 'z': v = '+0000'; break;
      case ':z': v = '+00:00'; break;
      case 'T': v = `${p2(H)}:${p2(M)}:${p2(S)}`; break;
      case 'R': v = `${p2(H)}:${p2(M)}`; break;
      case 'D': v = `${p2(m + 1)}/${p2(day)}/${p2(Y % 100)}`; break;
      case 'F': v = `${Y}-${p2(m + 1)}-${p2(day)}`; break;
      case 'c': v = `${DAYS[w].slice(0, 3)} ${MONTHS[m].slice(0, 3)} ${String(day).padStart(2, ' ')} ${p2(H)}:${p2(M)}:${p2(S)} ${Y}`; break;
      case 'x': v = `${p2(m + 1)}/${p2(day)}/${p2(Y % 100)}`; break;
      case 'X': v = `${p2(H)}:${p2(M)}:${p2(S)}`; break;
      case 'n': v = '\n'; break;
      case 't': v = '\t'; break;
      case '%': v = '%'; break;
      default: return all;
    }
    if (flag === '-') v = v.replace(/^[0 ]+(?=.)/, '');
    else if (flag === '_') v = v.replace(/^0/, ' ');
    else if (flag === '^') v = v.toUpperCase();
    return v;
  });
}

/** DEFAULT_DATE_FORMAT is GNU date's output in the C locale: `Mon Mar 10 09:00:00 UTC 2025`. */
export const DEFAULT_DATE_FORMAT = '%a %b %e %H:%M:%S %Z %Y';

/** formatDate implements `date [-u] [-d DATE] [+FORMAT] [-I] [-R]` over virtual time. */
export function formatDate(args: string[], now: number): { out: string; error?: string } {
  let ms = now;
  let fmt = DEFAULT_DATE_FORMAT;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-u' || a === '--utc' || a === '--universal') continue;
    if (a === '-d' || a === '--date' || a.startsWith('--date=') || (a.startsWith('-d') && a.length > 2)) {
      const v = a === '-d' || a === '--date' ? args[++i] ?? '' : a.startsWith('--date=') ? a.slice(7) : a.slice(2);
      const parsed = parseDateArg(v, now);
      if (parsed === undefined) return { out: '', error: `date: invalid date ‘${v}’\n` };
      ms = parsed;
    } else if (a === '-I' || a.startsWith('--iso-8601')) {
      const kind = a.split('=')[1] ?? 'date';
      fmt = kind === 'seconds' ? '%Y-%m-%dT%H:%M:%S%:z' : kind === 'minutes' ? '%Y-%m-%dT%H:%M%:z' : kind === 'hours' ? '%Y-%m-%dT%H%:z' : '%Y-%m-%d';
    } else if (a === '-Iseconds') fmt = '%Y-%m-%dT%H:%M:%S%:z';
    else if (a === '-R' || a === '--rfc-email') fmt = '%a, %d %b %Y %H:%M:%S %z';
    else if (a.startsWith('--rfc-3339=')) fmt = a.endsWith('seconds') ? '%Y-%m-%d %H:%M:%S%:z' : '%Y-%m-%d';
    else if (a.startsWith('+')) fmt = a.slice(1);
    else return { out: '', error: `date: invalid date ‘${a}’\n` };
  }
  return { out: strftime(fmt, ms) + '\n' };
}

function parseDateArg(v: string, now: number): number | undefined {
  const t = v.trim();
  if (t === '' || t === 'now') return now;
  if (t.startsWith('@')) { const n = Number(t.slice(1)); return Number.isFinite(n) ? n * 1000 : undefined; }
  const rel = /^([-+]?\d+)\s*(second|sec|minute|min|hour|day|week)s?(\s+ago)?$/.exec(t);
  if (rel) {
    const unit = { second: 1, sec: 1, minute: 60, min: 60, hour: 3600, day: 86400, week: 604800 }[rel[2]] as number;
    return now + Number(rel[1]) * unit * 1000 * (rel[3] ? -1 : 1);
  }
  if (t === 'yesterday') return now - 86400000;
  if (t === 'tomorrow') return now + 86400000;
  const iso = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?(Z|[+-]\d{2}:?\d{2})?$/.test(t) ? Date.parse(t.replace(' ', 'T') + (/[Z+-]\d*:?\d*$/.test(t.slice(10)) ? '' : t.length > 10 ? 'Z' : 'T00:00:00Z')) : NaN;
  return Number.isNaN(iso) ? undefined : iso;
}
