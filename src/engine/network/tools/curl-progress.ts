// curl's progress meter, as libcurl's lib/progress.c prints it on stderr when the body does not go to a terminal.

/** METER_HEADER is the two title lines curl prints before the first progress line. */
export const METER_HEADER =
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
  '                                 Dload  Upload   Total   Spent    Left  Speed\n';

/** time2str formats seconds as progress.c does: `--:--:--` for 0, `H:MM:SS` right-aligned in 8 columns. */
function time2str(seconds: number): string {
  if (seconds <= 0) return '--:--:--';
  const h = Math.floor(seconds / 3600);
  if (h <= 99) {
    const m = Math.floor((seconds - h * 3600) / 60);
    const s = seconds - h * 3600 - m * 60;
    return `${String(h).padStart(2)}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  }
  const d = Math.floor(seconds / 86400);
  return d <= 999 ? `${String(d).padStart(3)}d ${String(Math.floor((seconds - d * 86400) / 3600)).padStart(2, '0')}h` : `${String(d).padStart(7)}d`;
}

/** max5 formats a byte count or speed in at most 5 columns with k/M/G suffixes (progress.c max5data). */
export function max5(bytes: number): string {
  const K = 1024, M = K * K, G = M * K;
  if (bytes < 100000) return String(bytes).padStart(5);
  if (bytes < 10000 * K) return `${String(Math.floor(bytes / K)).padStart(4)}k`;
  if (bytes < 100 * M) return `${String(Math.floor(bytes / M)).padStart(2)}.${Math.floor((bytes % M) / (M / 10))}M`;
  if (bytes < 10000 * M) return `${String(Math.floor(bytes / M)).padStart(4)}M`;
  if (bytes < 100 * G) return `${String(Math.floor(bytes / G)).padStart(2)}.${Math.floor((bytes % G) / (G / 10))}G`;
  return `${String(Math.floor(bytes / G)).padStart(4)}G`;
}

/** MeterState is one moment of a transfer. */
interface MeterState { ms: number; received: number; sent: number; dlSize?: number; ulSize?: number }

/** line prints one progress line (`\r` first, no newline), as Curl_pgrsUpdate does. */
function line(st: MeterState): string {
  const t = Math.max(st.ms, 1);
  const dlspeed = Math.floor((st.received * 1000) / t);
  const ulspeed = Math.floor((st.sent * 1000) / t);
  const spent = Math.floor(st.ms / 1000);
  const dlKnown = st.dlSize !== undefined, ulKnown = st.ulSize !== undefined;
  const dlPct = dlKnown && st.dlSize! > 0 ? Math.floor((st.received * 100) / st.dlSize!) : 0;
  const ulPct = ulKnown && st.ulSize! > 0 ? Math.floor((st.sent * 100) / st.ulSize!) : 0;
  const dlEst = dlKnown && dlspeed > 0 ? Math.floor(st.dlSize! / dlspeed) : 0;
  const ulEst = ulKnown && ulspeed > 0 ? Math.floor(st.ulSize! / ulspeed) : 0;
  const totalEst = Math.max(dlEst, ulEst);
  const totalExpected = (ulKnown ? st.ulSize! : st.sent) + (dlKnown ? st.dlSize! : st.received);
  const totalCur = st.received + st.sent;
  const totalPct = totalExpected > 0 ? Math.floor((totalCur * 100) / totalExpected) : 0;
  const left = totalEst > 0 ? totalEst - spent : 0;
  return `\r${String(totalPct).padStart(3)} ${max5(totalExpected)}  ${String(dlPct).padStart(3)} ${max5(st.received)}  ` +
    `${String(ulPct).padStart(3)} ${max5(st.sent)}  ${max5(dlspeed)}  ${max5(ulspeed)} ` +
    `${time2str(totalEst)} ${time2str(spent)} ${time2str(left)} ${max5(dlspeed + ulspeed)}`;
}

/** Meter renders curl's progress meter for one transfer in virtual time. */
export interface Meter {
  /** start prints the title lines and the first (all-zero) line. */
  start(): string;
  /** waited gives one line per whole second spent without data (connecting, waiting), with its time. */
  waited(fromMs: number, toMs: number): Array<{ atMs: number; text: string }>;
  /** done prints the final line and its newline after a successful transfer. */
  done(ms: number, received: number, dlSize: number | undefined, sent: number): string;
}

/** createMeter makes the progress meter of one transfer (upSize is the request body size, if any). */
export function createMeter(upSize?: number): Meter {
  return {
    start: () => METER_HEADER + line({ ms: 0, received: 0, sent: 0 }),
    waited(fromMs, toMs) {
      const out: Array<{ atMs: number; text: string }> = [];
      for (let s = Math.floor(fromMs / 1000) + 1; s * 1000 <= toMs; s++) out.push({ atMs: s * 1000, text: line({ ms: s * 1000, received: 0, sent: 0 }) });
      return out;
    },
    done: (ms, received, dlSize, sent) => line({ ms, received, sent, dlSize, ulSize: upSize }) + '\n',
  };
}
