import type { ResourceDef } from '../types';
import { BUILTIN_RESOURCES, GROUP_ORDER } from './resources';

function groupRank(g: string): number {
  const i = GROUP_ORDER.indexOf(g);
  return i < 0 ? GROUP_ORDER.length : i;
}

function nameMatches(d: ResourceDef, lower: string): boolean {
  return d.plural === lower || d.singular === lower || d.kind.toLowerCase() === lower || d.shortNames.includes(lower);
}

/** Registry is the set of served resources, with the lookups discovery, the REST handler and kubectl need. */
export class Registry {
  private readonly defs: ResourceDef[];
  private readonly byPlural = new Map<string, ResourceDef>();
  private readonly byKindKey = new Map<string, ResourceDef>();

  constructor(defs: readonly ResourceDef[] = BUILTIN_RESOURCES) {
    this.defs = [...defs].sort((a, b) => groupRank(a.group) - groupRank(b.group));
    for (const d of this.defs) {
      this.byPlural.set(`${d.group}/${d.plural}`, d);
      this.byKindKey.set(`${d.group}/${d.kind}`, d);
    }
  }

  /** all returns every resource in discovery order (core group first). */
  all(): ResourceDef[] { return [...this.defs]; }

  /** get returns the resource with this group ('' for core) and plural. */
  get(group: string, plural: string): ResourceDef | undefined { return this.byPlural.get(`${group}/${plural}`); }

  /** byKind returns the resource serving kind in group. */
  byKind(group: string, kind: string): ResourceDef | undefined { return this.byKindKey.get(`${group}/${kind}`); }

  /** byApiVersionKind returns the resource for an object's apiVersion ('apps/v1', 'v1') and kind. */
  byApiVersionKind(apiVersion: string, kind: string): ResourceDef | undefined {
    const i = apiVersion.indexOf('/');
    const group = i < 0 ? '' : apiVersion.slice(0, i);
    const version = i < 0 ? apiVersion : apiVersion.slice(i + 1);
    const d = this.byKind(group, kind);
    return d && d.version === version ? d : undefined;
  }

  /** groups returns the served API groups in discovery order ('' is the legacy core group). */
  groups(): string[] { return [...new Set(this.defs.map((d) => d.group))]; }

  /**
   * resolve maps a kubectl resource type argument to resources, as kubectl's RESTMapper does:
   * plural, singular, short name or kind (case-insensitive), optionally qualified as `name.group`
   * or `name.version.group`. Several results mean an ambiguous name; the first is kubectl's pick.
   */
  resolve(typeName: string): ResourceDef[] {
    const lower = typeName.trim().toLowerCase();
    if (!lower) return [];
    const direct = this.defs.filter((d) => nameMatches(d, lower));
    if (direct.length || !lower.includes('.')) return direct;
    const dot = lower.indexOf('.');
    const name = lower.slice(0, dot);
    const rest = lower.slice(dot + 1);
    const out: ResourceDef[] = [];
    for (const d of this.defs) {
      if (!nameMatches(d, name)) continue;
      if (d.group === rest) { out.push(d); continue; }
      const vdot = rest.indexOf('.');
      if (vdot > 0 && rest.slice(0, vdot) === d.version && rest.slice(vdot + 1) === d.group) { out.push(d); continue; }
      if (rest === d.version && d.group === '') { out.push(d); continue; }
    }
    return out;
  }
}
