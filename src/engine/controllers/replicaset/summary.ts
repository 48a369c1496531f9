import type { Pod } from 'kubernetes-types/core/v1';
import type { LabelSelectorMatcher } from '../../api';
import { matchesLabels } from './kinds';
import { isPodActive } from './pods';
import { isPodReady } from '../runtime';

/** PodCounts are what calculateStatus counts over the claimed pods (available = ready without minReadySeconds). */
export interface PodCounts { replicas: number; fullyLabeled: number; ready: number; available: number }

/**
 * OwnerSummary keeps, for one controller uid, the counts a sync needs over its active pods in its namespace,
 * as seen through one selector and template: `claimed` pods the selector matches (and how many of them the
 * template labels match and are Ready) and `stray` pods it no longer matches (those need a release).
 */
export interface OwnerSummary {
  ns: string;
  selectorKey: string;
  templateKey: string;
  selector: LabelSelectorMatcher;
  template: LabelSelectorMatcher;
  claimed: number;
  stray: number;
  fully: number;
  ready: number;
}

/** contribute adds (sign 1) or removes (sign -1) one pod's share of a summary. */
export function contribute(s: OwnerSummary, pod: Pod, sign: 1 | -1): void {
  if (pod.metadata?.namespace !== s.ns || !isPodActive(pod)) return;
  const labels = pod.metadata?.labels;
  if (!matchesLabels(s.selector, labels)) { s.stray += sign; return; }
  s.claimed += sign;
  if (matchesLabels(s.template, labels)) s.fully += sign;
  if (isPodReady(pod)) s.ready += sign;
}

/**
 * createSummaries keeps one OwnerSummary per controller uid up to date with every change of the pod
 * index (onPod is the index's change hook), so a sync without minReadySeconds reads its counts in O(1)
 * instead of walking every owned pod; get rebuilds a summary whose namespace, selector or template changed.
 */
export function createSummaries(ownedValues: (uid: string) => Iterable<Pod>) {
  const byUid = new Map<string, OwnerSummary>();
  return {
    onPod(uid: string, pod: Pod, sign: 1 | -1): void {
      const s = byUid.get(uid);
      if (s) contribute(s, pod, sign);
    },
    get(uid: string, ns: string, selector: LabelSelectorMatcher, template: LabelSelectorMatcher): OwnerSummary {
      // toString alone cannot tell "everything" from "nothing" (both render as ''), so the key says which.
      const selectorKey = `${selector.empty ? '*' : '='}${selector.toString()}`;
      const templateKey = template.toString();
      const cur = byUid.get(uid);
      if (cur && cur.ns === ns && cur.selectorKey === selectorKey && cur.templateKey === templateKey) return cur;
      const s: OwnerSummary = { ns, selectorKey, templateKey, selector, template, claimed: 0, stray: 0, fully: 0, ready: 0 };
      for (const p of ownedValues(uid)) contribute(s, p, 1);
      byUid.set(uid, s);
      return s;
    },
    forget(uid: string): void { byUid.delete(uid); },
  };
}
