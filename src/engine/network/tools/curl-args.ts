// curl's command line: the subset of src/tool_getparam.c options the sandbox's tools and lessons use.

/** CurlArgs are the parsed options of one curl invocation. */
export interface CurlArgs {
  urls: string[];
  silent: boolean;
  showError: boolean;
  verbose: boolean;
  include: boolean;
  head: boolean;
  location: boolean;
  fail: boolean;
  insecure: boolean;
  headers: string[];
  output?: string;
  remoteName: boolean;
  maxTimeMs?: number;
  connectTimeoutMs?: number;
  method?: string;
  data?: string;
  writeOut?: string;
  user?: string;
  userAgent?: string;
  /** noProgress is --no-progress-meter: no meter, but errors still shown. */
  noProgress: boolean;
}

/** CurlArgsError is a command-line problem, reported as curl does with exit code 2 (or 3 for a bad URL). */
export interface CurlArgsError { error: string; code: number }

const LONG_FLAGS: Record<string, keyof CurlArgs> = {
  silent: 'silent', 'show-error': 'showError', verbose: 'verbose', include: 'include', head: 'head',
  location: 'location', fail: 'fail', insecure: 'insecure', 'remote-name': 'remoteName',
};
const LONG_VALUES: Record<string, string> = {
  header: 'H', output: 'o', 'max-time': 'm', 'connect-timeout': 'connect-timeout', request: 'X', data: 'd',
  'data-raw': 'd', 'data-binary': 'd', 'data-ascii': 'd', 'write-out': 'w', user: 'u', 'user-agent': 'A',
  retry: 'ignore', 'retry-delay': 'ignore', 'max-redirs': 'ignore', resolve: 'ignore', cacert: 'ignore', interface: 'ignore',
};
const SHORT_FLAGS: Record<string, keyof CurlArgs | 'ignore'> = {
  s: 'silent', S: 'showError', v: 'verbose', i: 'include', I: 'head', L: 'location', f: 'fail', k: 'insecure',
  O: 'remoteName', '4': 'ignore', '6': 'ignore', N: 'ignore', '#': 'ignore', g: 'ignore',
};
const SHORT_VALUES = new Set(['H', 'o', 'm', 'X', 'd', 'w', 'u', 'A', 'e', 'b', 'c', 'x', 'T', 'r', 'z', 'y', 'Y']);

/** seconds parses a curl time value ("5", "0.5") into milliseconds. */
function seconds(v: string, opt: string): number | CurlArgsError {
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(v)) return { error: `curl: option ${opt}: expected a proper numerical parameter`, code: 2 };
  return Math.round(Number(v) * 1000);
}

/** apply sets one valued option. */
function apply(a: CurlArgs, key: string, v: string, opt: string): CurlArgsError | undefined {
  switch (key) {
    case 'H': a.headers.push(v); break;
    case 'o': a.output = v; break;
    case 'X': a.method = v; break;
    case 'd': a.data = a.data === undefined ? v : `${a.data}&${v}`; break;
    case 'w': a.writeOut = v; break;
    case 'u': a.user = v; break;
    case 'A': a.userAgent = v; break;
    case 'm': case 'connect-timeout': {
      const ms = seconds(v, opt);
      if (typeof ms !== 'number') return ms;
      if (key === 'm') a.maxTimeMs = ms; else a.connectTimeoutMs = ms;
      break;
    }
    default: break;
  }
  return undefined;
}

/** parseCurlArgs parses argv (without argv[0]); unknown options give curl's own error text. */
export function parseCurlArgs(args: string[]): CurlArgs | CurlArgsError {
  const a: CurlArgs = { urls: [], silent: false, showError: false, verbose: false, include: false, head: false, location: false, fail: false, insecure: false, headers: [], remoteName: false, noProgress: false };
  const more = "curl: try 'curl --help' or 'curl --manual' for more information";
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg.startsWith('--') && arg.length > 2) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2);
      const flag = LONG_FLAGS[name];
      if (flag) { (a[flag] as boolean) = true; continue; }
      if (name === 'url') { a.urls.push(args[++i] ?? ''); continue; }
      if (['compressed', 'http1.1', 'ipv4', 'no-progress-meter', 'fail-with-body', 'no-keepalive', 'raw', 'progress-bar'].includes(name)) {
        if (name === 'no-progress-meter') a.noProgress = true;
        continue;
      }
      const key = LONG_VALUES[eq < 0 ? name : name.slice(0, eq - 2)];
      if (!key || eq >= 0) return { error: `curl: option ${arg}: is unknown\n${more}`, code: 2 };
      if (i + 1 >= args.length) return { error: `curl: option ${arg}: requires parameter\n${more}`, code: 2 };
      const err = apply(a, key, args[++i], arg);
      if (err) return { error: `${err.error}\n${more}`, code: err.code };
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const c = arg[j];
        if (SHORT_VALUES.has(c)) {
          const v = j + 1 < arg.length ? arg.slice(j + 1) : args[++i];
          if (v === undefined) return { error: `curl: option -${c}: requires parameter\n${more}`, code: 2 };
          const err = apply(a, c, v, `-${c}`);
          if (err) return { error: `${err.error}\n${more}`, code: err.code };
          break;
        }
        const f = SHORT_FLAGS[c];
        if (!f) return { error: `curl: option -${c}: is unknown\n${more}`, code: 2 };
        if (f !== 'ignore') (a[f] as boolean) = true;
      }
      continue;
    }
    a.urls.push(arg);
  }
  if (!a.urls.length) return { error: `curl: no URL specified\n${more}`, code: 2 };
  return a;
}
