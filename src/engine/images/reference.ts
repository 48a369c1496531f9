// Models github.com/distribution/reference ParseNormalizedNamed (docker.io/library defaults).

/** ParsedRef is a normalized image reference. */
export interface ParsedRef {
  /** domain is the registry host (docker.io for Docker Hub). */
  domain: string;
  /** path is the repository path inside the registry (`library/nginx`). */
  path: string;
  tag?: string;
  digest?: string;
}

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;

/** parseReference normalizes ref or returns the reference library's error text. */
export function parseReference(ref: string): ParsedRef | { error: string } {
  let rest = ref;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) { digest = rest.slice(at + 1); rest = rest.slice(0, at); if (!DIGEST.test(digest)) return { error: 'invalid reference format' }; }
  let tag: string | undefined;
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > slash) { tag = rest.slice(colon + 1); rest = rest.slice(0, colon); if (!TAG.test(tag)) return { error: 'invalid reference format' }; }
  if (!rest) return { error: 'invalid reference format' };
  const parts = rest.split('/');
  let domain = 'docker.io';
  if (parts.length > 1 && (parts[0].includes('.') || parts[0].includes(':') || parts[0] === 'localhost' || parts[0] !== parts[0].toLowerCase())) {
    domain = parts.shift() as string;
  }
  if (domain === 'index.docker.io') domain = 'docker.io';
  if (domain === 'docker.io' && parts.length === 1) parts.unshift('library');
  const path = parts.join('/');
  if (path !== path.toLowerCase()) return { error: `invalid reference format: repository name (${path}) must be lowercase` };
  if (!parts.every((p) => COMPONENT.test(p))) return { error: 'invalid reference format' };
  return { domain, path, tag, digest };
}

/** formatReference prints a ParsedRef fully qualified, defaulting the tag to latest. */
export function formatReference(r: ParsedRef): string {
  return `${r.domain}/${r.path}${r.digest && !r.tag ? '' : ':' + (r.tag ?? 'latest')}${r.digest ? '@' + r.digest : ''}`;
}
