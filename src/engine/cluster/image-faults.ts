import type { ImageCatalog, ImageResolution } from '../images';
import { formatReference, parseReference } from '../images';

/** ImageFaults is an image catalog wrapper with injectable registry faults (`sandbox image slow|fail|reset`). */
export interface ImageFaults {
  /** catalog resolves through the faults: a failing image resolves to a registry error. */
  catalog: ImageCatalog;
  /** pullDelay returns the forced pull duration (ms) of a slow image ref, if any. */
  pullDelay(ref: string): number | undefined;
  /** slow makes pulls of image (any tag when untagged) take ms; false if the reference is invalid. */
  slow(image: string, ms: number): boolean;
  /** fail makes pulls of image (any tag when untagged) fail; false if the reference is invalid. */
  fail(image: string): boolean;
  /** reset removes every fault. */
  reset(): void;
}

/** keyOf normalizes a user's image reference to `domain/path` or `domain/path:tag`. */
function keyOf(image: string): string | undefined {
  const p = parseReference(image);
  if ('error' in p) return undefined;
  return `${p.domain}/${p.path}${/[:@]/.test(image.split('/').pop() ?? '') ? `:${p.tag ?? p.digest ?? 'latest'}` : ''}`;
}

/** createImageFaults wraps base with fault injection; with no faults it answers exactly as base. */
export function createImageFaults(base: ImageCatalog): ImageFaults {
  const failing = new Set<string>();
  const slow = new Map<string, number>();
  const match = <T>(ref: string, get: (key: string) => T | undefined): T | undefined => {
    const p = parseReference(ref);
    if ('error' in p) return undefined;
    return get(`${p.domain}/${p.path}:${p.tag ?? p.digest ?? 'latest'}`) ?? get(`${p.domain}/${p.path}`);
  };
  return {
    catalog: {
      resolve(ref: string): ImageResolution {
        const res = base.resolve(ref);
        if (!failing.size || !res.ok || !match(ref, (k) => (failing.has(k) ? true : undefined))) return res;
        const p = parseReference(ref);
        const full = 'error' in p ? ref : formatReference(p);
        const host = 'error' in p || p.domain === 'docker.io' ? 'registry-1.docker.io' : p.domain;
        const path = 'error' in p ? ref : p.path;
        const tag = 'error' in p ? 'latest' : p.tag ?? 'latest';
        return { ok: false, reason: 'NotFound', message: `failed to pull and unpack image "${full}": failed to resolve reference "${full}": unexpected status from HEAD request to https://${host}/v2/${path}/manifests/${tag}: 503 Service Unavailable` };
      },
    },
    pullDelay: (ref) => (slow.size ? match(ref, (k) => slow.get(k)) : undefined),
    slow(image, ms) { const k = keyOf(image); if (!k) return false; slow.set(k, ms); return true; },
    fail(image) { const k = keyOf(image); if (!k) return false; failing.add(k); return true; },
    reset() { failing.clear(); slow.clear(); },
  };
}
