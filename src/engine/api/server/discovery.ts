import type { Registry } from '../registry';
import { subresourceInfo } from '../registry';

/** VERSION_INFO is what GET /version answers (kube-apiserver v1.32.4). */
export const VERSION_INFO = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.4',
  gitCommit: '59526cd4867447956156ae3a602fcbac10a2c335',
  gitTreeState: 'clean',
  buildDate: '2025-04-22T16:02:27Z',
  goVersion: 'go1.23.6',
  compiler: 'gc',
  platform: 'linux/amd64',
};

/** apiVersions is GET /api (metav1.APIVersions). */
export function apiVersions(): unknown {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '192.168.1.2:6443' }] };
}

function groupEntry(reg: Registry, group: string): unknown {
  const versions = [...new Set(reg.all().filter((d) => d.group === group).map((d) => d.version))];
  const vs = versions.map((v) => ({ groupVersion: `${group}/${v}`, version: v }));
  return { name: group, versions: vs, preferredVersion: vs[0] };
}

/** apiGroupList is GET /apis (metav1.APIGroupList). */
export function apiGroupList(reg: Registry): unknown {
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: reg.groups().filter((g) => g !== '').map((g) => groupEntry(reg, g)) };
}

/** apiGroup is GET /apis/{group}, or undefined when the group is not served. */
export function apiGroup(reg: Registry, group: string): unknown {
  if (!reg.groups().includes(group) || group === '') return undefined;
  return { kind: 'APIGroup', apiVersion: 'v1', ...(groupEntry(reg, group) as object) };
}

/** apiResourceList is GET /api/v1 or /apis/{g}/{v} (metav1.APIResourceList), or undefined when not served. */
export function apiResourceList(reg: Registry, group: string, version: string): unknown {
  const defs = reg.all().filter((d) => d.group === group && d.version === version)
    .sort((a, b) => (a.plural < b.plural ? -1 : a.plural > b.plural ? 1 : 0));
  if (!defs.length) return undefined;
  const resources: unknown[] = [];
  for (const d of defs) {
    resources.push({
      name: d.plural, singularName: d.singular, namespaced: d.namespaced, kind: d.kind, verbs: d.verbs,
      ...(d.shortNames.length ? { shortNames: d.shortNames } : {}),
      ...(d.categories.length ? { categories: d.categories } : {}),
    });
    for (const sub of [...d.subresources].sort()) {
      const info = subresourceInfo(d, sub);
      resources.push({
        name: `${d.plural}/${sub}`, singularName: '', namespaced: d.namespaced,
        ...(info.group !== undefined ? { group: info.group, version: info.version } : {}),
        kind: info.kind ?? d.kind, verbs: info.verbs,
      });
    }
  }
  const gv = group ? `${group}/${version}` : version;
  return group ? { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: gv, resources } : { kind: 'APIResourceList', groupVersion: gv, resources };
}

/** aggregatedVersion returns 'v2' or 'v2beta1' when Accept asks for aggregated discovery, else undefined. */
export function aggregatedVersion(accept: string | undefined): string | undefined {
  for (const part of (accept ?? '').split(',')) {
    if (!/as=APIGroupDiscoveryList/.test(part) || !/g=apidiscovery\.k8s\.io/.test(part)) continue;
    const v = /v=(v2beta1|v2)\b/.exec(part)?.[1];
    if (v) return v;
  }
  return undefined;
}

/**
 * aggregatedDiscovery is GET /api or /apis with the apidiscovery.k8s.io Accept
 * (APIGroupDiscoveryList): legacy=true lists the core group, else every named group.
 */
export function aggregatedDiscovery(reg: Registry, legacy: boolean, version: string): unknown {
  const groups = reg.groups().filter((g) => (legacy ? g === '' : g !== ''));
  const items = groups.map((group) => {
    const defs = reg.all().filter((d) => d.group === group);
    const versions = [...new Set(defs.map((d) => d.version))].map((v) => ({
      version: v,
      resources: defs.filter((d) => d.version === v)
        .sort((a, b) => (a.plural < b.plural ? -1 : a.plural > b.plural ? 1 : 0))
        .map((d) => ({
          resource: d.plural,
          responseKind: { group: '', version: '', kind: d.kind },
          scope: d.namespaced ? 'Namespaced' : 'Cluster',
          singularResource: d.singular,
          verbs: d.verbs,
          ...(d.shortNames.length ? { shortNames: d.shortNames } : {}),
          ...(d.categories.length ? { categories: d.categories } : {}),
          ...(d.subresources.length ? {
            subresources: [...d.subresources].sort().map((sub) => {
              const info = subresourceInfo(d, sub);
              return { subresource: sub, responseKind: { group: info.group ?? '', version: info.version ?? '', kind: info.kind ?? d.kind }, verbs: info.verbs };
            }),
          } : {}),
        })),
      freshness: 'Current',
    }));
    return { metadata: group ? { name: group, creationTimestamp: null } : { creationTimestamp: null }, versions };
  });
  return { kind: 'APIGroupDiscoveryList', apiVersion: `apidiscovery.k8s.io/${version}`, metadata: {}, items };
}
