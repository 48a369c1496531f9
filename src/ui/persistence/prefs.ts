import type { Layout } from '../store';

/** Prefs are the UI preferences kept across reloads. */
export interface Prefs { theme: 'dark' | 'light'; presentation: boolean; layout: Layout }

const KEY = 'kube-sandbox:prefs';

/**
 * loadPrefs reads preferences synchronously (localStorage) so the first paint already has the
 * saved layout and theme: no layout shift while IndexedDB loads the cluster.
 */
export function loadPrefs(): Partial<Prefs> {
  try {
    const raw = localStorage.getItem(KEY);
    const v = raw ? (JSON.parse(raw) as Partial<Prefs>) : {};
    const out: Partial<Prefs> = {};
    if (v.theme === 'dark' || v.theme === 'light') out.theme = v.theme;
    if (typeof v.presentation === 'boolean') out.presentation = v.presentation;
    if (v.layout && typeof v.layout.rightWidth === 'number' && typeof v.layout.terminalHeight === 'number') out.layout = v.layout;
    return out;
  } catch {
    return {};
  }
}

/** savePrefs stores preferences. */
export function savePrefs(p: Prefs): void {
  try { localStorage.setItem(KEY, JSON.stringify(p)); } catch { /* storage full or disabled */ }
}
