import type { HttpRequest, HttpResponse } from './types';
import { httpDate } from './log-time';

const TYPES: Record<string, string> = { html: 'text/html', htm: 'text/html', txt: 'text/plain', css: 'text/css', js: 'application/javascript', json: 'application/json', png: 'image/png', jpg: 'image/jpeg' };

/** HttpdOptions are busybox httpd's flags that matter here. */
export interface HttpdOptions { port: number; home: string; foreground: boolean }

/** parseHttpdArgs reads `httpd [-f] [-p [IP:]PORT] [-h HOME]` (defaults: port 80, /www). */
export function parseHttpdArgs(args: string[]): HttpdOptions {
  const o: HttpdOptions = { port: 80, home: '/www', foreground: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-p') o.port = parseInt((args[++i] ?? '').split(':').pop() ?? '', 10) || 80;
    else if (a.startsWith('-p')) o.port = parseInt(a.slice(2).split(':').pop() ?? '', 10) || 80;
    else if (a === '-h') o.home = args[++i] ?? o.home;
    else if (a.startsWith('-h')) o.home = a.slice(2);
    else if (/^-[a-zA-Z]*f/.test(a)) o.foreground = true;
  }
  o.home = o.home.replace(/\/+$/, '');
  return o;
}

/** busyboxHttpd answers requests from files under home, as busybox httpd does (no directory listings, no CGI). */
export function busyboxHttpd(fs: Map<string, string>, home: string, now: () => number): (req: HttpRequest) => HttpResponse {
  return (req): HttpResponse => {
    let path = req.path.split('?')[0] || '/';
    try { path = decodeURIComponent(path); } catch { /* keep it raw */ }
    const file = fs.get(`${home}${path.endsWith('/') ? path + 'index.html' : path}`);
    if (file === undefined || (req.method !== 'GET' && req.method !== 'HEAD')) {
      const [code, text, msg] = file === undefined ? [404, 'Not Found', 'The requested URL was not found'] : [501, 'Not Implemented', 'The requested method is not recognized'];
      const body = `<HTML><HEAD><TITLE>${code} ${text}</TITLE></HEAD>\n<BODY><H1>${code} ${text}</H1>\n${msg}\n</BODY></HTML>\n`;
      return { status: code, headers: { 'Content-type': 'text/html', Date: httpDate(now()), Connection: 'close' }, body };
    }
    const ext = (path.endsWith('/') ? 'html' : path.split('.').pop() ?? '').toLowerCase();
    return {
      status: 200,
      headers: { 'Content-type': TYPES[ext] ?? 'application/octet-stream', Date: httpDate(now()), Connection: 'close', 'Accept-Ranges': 'bytes', 'Content-Length': String(file.length) },
      body: req.method === 'HEAD' ? '' : file,
    };
  };
}
