import type { ImageCatalog, ImageResolution, ImageSpec } from './types';
import { parseReference, formatReference } from './reference';
import { hex64 } from './digest';
import { nginxImage } from './nginx';
import { ALPINE, BATCH_JOB, BUSYBOX, DEBIAN, HELLO_WORLD, SSD_MONITOR, UBUNTU } from './shells';
import { kubiaImage } from './kubia';
import { CURL, HTTPD, MYSQL, PAUSE, POSTGRES, REDIS, genericWebApp } from './servers';
import { SYSTEM_IMAGES } from './system';
import { isOfficialName, officialImage } from './official';
import { STRESS } from './stress';
import { AGNHOST, SERVE_HOSTNAME } from './agnhost';
import { ingressNginxLookup } from './ingress-nginx';

/** REGISTRIES are the registry hosts that resolve; any other host fails DNS. */
export const REGISTRIES = ['docker.io', 'registry.k8s.io', 'quay.io', 'ghcr.io', 'gcr.io', 'k8s.gcr.io', 'mcr.microsoft.com', 'public.ecr.aws'];

/** DENIED_USER_REPOS are `<user>/<repo>` names that do not exist on Docker Hub (for lessons about typos). */
export const DENIED_USER_REPOS = ['luksa/kubiaa', 'luksa/kubia-typo', 'example/doesnotexist', 'nonexistent/image', 'foo/bar'];

const GENERIC_TAG = /^v?\d+(\.\d+){0,3}([-.][a-z0-9]+)*$/;
const VARIANT_TAG = /^(v?\d[\w.-]*|(\d+[\w.]*-)?(alpine|slim|bookworm|bullseye|buster|jammy|noble|focal|lts|jdk|jre|stable|edge|latest|mainline)[\w.-]*)$/;

const FIXED = new Map<string, ImageSpec>();
for (const img of [STRESS, BUSYBOX, ALPINE, UBUNTU, DEBIAN, HELLO_WORLD, BATCH_JOB, SSD_MONITOR, REDIS, HTTPD, POSTGRES, MYSQL, CURL, PAUSE, AGNHOST, SERVE_HOSTNAME, ...SYSTEM_IMAGES]) FIXED.set(img.repository, img);

interface Found { image: ImageSpec; strictTags: boolean; tagOk?: (tag: string) => boolean }

/** lookup finds the image module for a repository (`docker.io/library/nginx`) and tag. */
function lookup(domain: string, path: string, tag: string): Found | undefined {
  const repo = `${domain}/${path}`;
  if (repo === 'docker.io/library/nginx') return { image: nginxImage(tag), strictTags: true };
  if (domain === 'k8s.gcr.io') return lookup('registry.k8s.io', path, tag);
  const ingressNginx = ingressNginxLookup(repo, tag); if (ingressNginx) return ingressNginx;
  const fixed = FIXED.get(repo);
  if (fixed) return { image: fixed, strictTags: true };
  if (domain !== 'docker.io') return undefined;
  const [owner, name] = path.split('/');
  if (owner === 'library') {
    if (!isOfficialName(name)) return undefined;
    const o = officialImage(name);
    return o ? { image: o, strictTags: false, tagOk: (t) => VARIANT_TAG.test(t) } : undefined;
  }
  if (path.split('/').length !== 2 || DENIED_USER_REPOS.includes(path)) return undefined;
  if (path === 'luksa/kubia') {
    const variant = tag === 'v2' ? 'v2' : tag === 'v3' ? 'v3' : 'v1';
    return { image: kubiaImage(repo, variant), strictTags: true };
  }
  if (path === 'luksa/kubia-unhealthy') return { image: kubiaImage(repo, 'unhealthy'), strictTags: true };
  if (name === 'kubia') return { image: kubiaImage(repo, 'v1'), strictTags: false, tagOk: (t) => GENERIC_TAG.test(t) };
  return { image: genericWebApp(repo, 20_000_000 + (parseInt(hex64(repo).slice(0, 6), 16) % 180_000_000)), strictTags: false, tagOk: (t) => GENERIC_TAG.test(t) };
}

/**
 * createImageCatalog returns the simulated registries. The rule for which images exist:
 * - registries other than REGISTRIES do not resolve (`dial tcp: lookup <host> ...: no such host`);
 * - dedicated modules (nginx, busybox, alpine, ubuntu, debian, redis, httpd, postgres, mysql, curlimages/curl,
 *   luksa/kubia[-unhealthy], luksa/batch-job, registry.k8s.io component images) have exact tag lists (+ `latest`
 *   unless noLatest); an unknown tag is ManifestUnknown (`...: not found`);
 * - other official library images come from a fixed list of real Docker Hub official images (a misspelt name such as
 *   `nginxx` is NotFound: `pull access denied, repository does not exist ...`); they accept `latest`, version tags and
 *   common variant tags (`3.12-slim`, `alpine`);
 * - any `<user>/<repo>` on docker.io exists (except DENIED_USER_REPOS) with `latest` and version tags (`v1`, `1.0.2`),
 *   behaving as a generic web app on its containerPorts; `<user>/kubia` behaves as luksa/kubia;
 * - other paths on the allowed non-Docker registries are NotFound.
 */
export function createImageCatalog(): ImageCatalog {
  // Resolutions are pure functions of the reference: each is built once (an image module builds its
  // spec, tag lists and program closures per call) and shared, frozen, by every pull of that reference.
  const resolved = new Map<string, ImageResolution>();
  return {
    resolve(ref: string): ImageResolution {
      let r = resolved.get(ref);
      if (!r) {
        if (resolved.size >= 512) resolved.clear();
        r = Object.freeze(resolveRef(ref));
        resolved.set(ref, r);
      }
      return r;
    },
  };
}

function resolveRef(ref: string): ImageResolution {
  const parsed = parseReference(ref);
  if ('error' in parsed) return { ok: false, reason: 'InvalidName', message: `couldn't parse image reference "${ref}": ${parsed.error}` };
  const full = formatReference(parsed);
  const tag = parsed.tag ?? 'latest';
  const pullErr = (tail: string) => `failed to pull and unpack image "${full}": failed to resolve reference "${full}": ${tail}`;
  if (!REGISTRIES.includes(parsed.domain)) {
    const host = parsed.domain.split(':')[0];
    return { ok: false, reason: 'NoSuchHost', message: pullErr(`failed to do request: Head "https://${parsed.domain}/v2/${parsed.path}/manifests/${parsed.digest ?? tag}": dial tcp: lookup ${host} on 192.168.1.1:53: no such host`) };
  }
  const found = lookup(parsed.domain, parsed.path, tag);
  if (!found) {
    const msg = parsed.domain === 'docker.io'
      ? 'pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed'
      : `${full}: not found`;
    return { ok: false, reason: 'NotFound', message: pullErr(msg) };
  }
  const img = found.image;
  const tagExists = parsed.digest && !parsed.tag ? true
    : tag === 'latest' ? !img.noLatest
    : found.tagOk ? found.tagOk(tag) : img.tags.includes(tag) || !found.strictTags;
  if (!tagExists) return { ok: false, reason: 'ManifestUnknown', message: pullErr(`${full}: not found`) };
  const digest = parsed.digest ?? `sha256:${hex64(`${img.repository}:${tag}`)}`;
  return { ok: true, image: img, ref: full, digest, sizeBytes: img.sizeBytes };
}
