// The simulated internet beyond the LAN router: a few well-known hosts with fixed public addresses and
// canned pages, and the public resolvers. Everything else does not exist (NXDOMAIN) or drops packets.
import type { HttpRequest, HttpResponse } from '../images';

/** InternetHost is one public web server. */
export interface InternetHost {
  names: string[];
  ip: string;
  /** answer serves one request (port 80 or 443). */
  answer(req: HttpRequest, scheme: 'http' | 'https'): HttpResponse;
}

const GOOGLE_301 = (to: string) => '<HTML><HEAD><meta http-equiv="content-type" content="text/html;charset=utf-8">\n'
  + '<TITLE>301 Moved</TITLE></HEAD><BODY>\n<H1>301 Moved</H1>\nThe document has moved\n'
  + `<A HREF="${to}">here</A>.\r\n</BODY></HTML>\r\n`;

const GOOGLE_HOME = '<!doctype html><html itemscope="" itemtype="http://schema.org/WebPage" lang="en"><head>'
  + '<meta content="Search the world\'s information, including webpages, images, videos and more. Google has many special features to help you find exactly what you\'re looking for." name="description">'
  + '<meta content="noodp, " name="robots"><title>Google</title></head><body><center><br clear="all" id="lgpd">'
  + '<div id="lga"><img alt="Google" height="92" src="/images/branding/googlelogo/1x/googlelogo_white_background_color_272x92dp.png" width="272" id="hplogo"></div>'
  + '<form action="/search" name="f"><input name="q" title="Google Search" value="" size="57"><input name="btnG" type="submit" value="Google Search"></form>'
  + '</center></body></html>';

/** EXAMPLE_COM is the page example.com serves (IANA's reserved-domain page). */
export const EXAMPLE_COM = `<!doctype html>
<html>
<head>
    <title>Example Domain</title>

    <meta charset="utf-8" />
    <meta http-equiv="Content-type" content="text/html; charset=utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <style type="text/css">
    body {
        background-color: #f0f0f2;
        margin: 0;
        padding: 0;
        font-family: -apple-system, system-ui, BlinkMacSystemFont, "Segoe UI", "Open Sans", "Helvetica Neue", Helvetica, Arial, sans-serif;
        
    }
    div {
        width: 600px;
        margin: 5em auto;
        padding: 2em;
        background-color: #fdfdff;
        border-radius: 0.5em;
        box-shadow: 2px 3px 7px 2px rgba(0,0,0,0.02);
    }
    a:link, a:visited {
        color: #38488f;
        text-decoration: none;
    }
    @media (max-width: 700px) {
        div {
            margin: 0 auto;
            width: auto;
        }
    }
    </style>    
</head>

<body>
<div>
    <h1>Example Domain</h1>
    <p>This domain is for use in illustrative examples in documents. You may use this
    domain in literature without prior coordination or asking for permission.</p>
    <p><a href="https://www.iana.org/domains/example">More information...</a></p>
</div>
</body>
</html>
`;

const KUBERNETES_IO = `<!doctype html><html lang="en" class="no-js"><head><meta charset="utf-8">
<title>Kubernetes</title>
<meta name="description" content="Production-Grade Container Orchestration">
</head><body><h1>Production-Grade Container Orchestration</h1>
<p>Kubernetes, also known as K8s, is an open source system for automating deployment, scaling, and management of containerized applications.</p>
</body></html>
`;

const html = (status: number, body: string, extra: Record<string, string> = {}): HttpResponse => ({
  status, body, headers: { 'content-type': 'text/html; charset=UTF-8', 'content-length': String(body.length), ...extra },
});

/** INTERNET lists the public hosts that exist. */
export const INTERNET: InternetHost[] = [
  {
    names: ['google.com'], ip: '142.250.74.46',
    answer: (_req, s) => html(301, GOOGLE_301(`${s}://www.google.com/`), { location: `${s}://www.google.com/`, server: 'gws' }),
  },
  {
    names: ['www.google.com'], ip: '142.250.74.36',
    answer: (req) => (req.path === '/' || req.path.startsWith('/?')
      ? html(200, GOOGLE_HOME, { server: 'gws', 'content-type': 'text/html; charset=ISO-8859-1' })
      : html(404, '<!DOCTYPE html>\n<html lang=en>\n  <meta charset=utf-8>\n  <title>Error 404 (Not Found)!!1</title>\n  <p><b>404.</b> <ins>That’s an error.</ins>\n  <p>The requested URL <code>' + req.path + '</code> was not found on this server.  <ins>That’s all we know.</ins>\n')),
  },
  {
    names: ['example.com', 'www.example.com'], ip: '23.192.228.80',
    answer: () => html(200, EXAMPLE_COM, { 'content-type': 'text/html' }),
  },
  {
    names: ['kubernetes.io'], ip: '147.75.40.148',
    answer: (req, s) => (s === 'http'
      ? html(301, 'Redirecting to https://kubernetes.io/\n', { location: `https://kubernetes.io${req.path}`, server: 'Netlify', 'content-type': 'text/plain; charset=utf-8' })
      : html(200, KUBERNETES_IO, { server: 'Netlify' })),
  },
];

/** PUBLIC_RESOLVERS are public DNS servers reachable from anywhere (answer internet names only). */
export const PUBLIC_RESOLVERS = new Set(['8.8.8.8', '8.8.4.4', '1.1.1.1', '1.0.0.1', '9.9.9.9']);

/** internetByName finds a host by DNS name (case-insensitive, no trailing dot). */
export function internetByName(name: string): InternetHost | undefined {
  const n = name.toLowerCase().replace(/\.$/, '');
  return INTERNET.find((h) => h.names.includes(n));
}

/** internetByIP finds a host by address. */
export function internetByIP(ip: string): InternetHost | undefined {
  return INTERNET.find((h) => h.ip === ip);
}

/** isPublic tells whether ip is a public address (neither private, loopback, link-local nor CGNAT). */
export function isPublic(ip: string): boolean {
  const [a, b] = ip.split('.').map(Number);
  if (a === 10 || a === 127 || a === 0 || a >= 224) return false;
  if (a === 172 && b >= 16 && b < 32) return false;
  if (a === 192 && b === 168) return false;
  if (a === 169 && b === 254) return false;
  if (a === 100 && b >= 64 && b < 128) return false;
  return true;
}
