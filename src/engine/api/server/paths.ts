/** ParsedPath is a request path split the way kube-apiserver's routes read it. */
export type ParsedPath =
  | { type: 'version' }
  | { type: 'health' }
  | { type: 'api' }
  | { type: 'apis' }
  | { type: 'group'; group: string }
  | { type: 'groupVersion'; group: string; version: string }
  | { type: 'resource'; group: string; version: string; namespace?: string; plural: string; name?: string; sub?: string }
  | { type: 'unknown' };

/** HEALTH are kube-apiserver's health endpoints. */
const HEALTH = new Set(['healthz', 'livez', 'readyz']);

/** parsePath splits an API path; `namespace` is set for /namespaces/{ns}/{resource}... routes. */
export function parsePath(rawPath: string): ParsedPath {
  const q = rawPath.indexOf('?');
  const path = q < 0 ? rawPath : rawPath.slice(0, q);
  const segs: string[] = [];
  for (const s of path.split('/')) if (s !== '') segs.push(decodeSeg(s));
  if (segs.length === 1 && segs[0] === 'version') return { type: 'version' };
  if (segs.length === 1 && HEALTH.has(segs[0])) return { type: 'health' };
  let group: string, version: string, rest: string[];
  if (segs[0] === 'api') {
    if (segs.length === 1) return { type: 'api' };
    group = ''; version = segs[1]; rest = segs.slice(2);
  } else if (segs[0] === 'apis') {
    if (segs.length === 1) return { type: 'apis' };
    if (segs.length === 2) return { type: 'group', group: segs[1] };
    group = segs[1]; version = segs[2]; rest = segs.slice(3);
  } else {
    return { type: 'unknown' };
  }
  if (rest.length === 0) return { type: 'groupVersion', group, version };
  // /namespaces/{ns}/{resource}[/{name}[/{sub}]] unless it is the namespace's own subresource.
  if (rest[0] === 'namespaces' && rest.length >= 3 && !(rest.length === 3 && (rest[2] === 'status' || rest[2] === 'finalize'))) {
    if (rest.length > 5) return { type: 'unknown' };
    return { type: 'resource', group, version, namespace: rest[1], plural: rest[2], name: rest[3], sub: rest[4] };
  }
  if (rest.length > 3) return { type: 'unknown' };
  return { type: 'resource', group, version, plural: rest[0], name: rest[1], sub: rest[2] };
}

function decodeSeg(s: string): string {
  if (!s.includes('%')) return s;
  try { return decodeURIComponent(s); } catch { return s; }
}
