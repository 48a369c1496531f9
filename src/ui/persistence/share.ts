import type { SavedSandbox, Scenario } from '../../engine/protocol';

/** HASH_KEY is the URL hash parameter carrying a shared scenario. */
const HASH_KEY = 'scenario=';

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): string {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

/** encodeScenario makes the URL hash (`#scenario=…`) for a scenario. */
export function encodeScenario(s: Scenario): string {
  return '#' + HASH_KEY + toBase64Url(JSON.stringify(s));
}

/** decodeScenario reads a scenario from a URL hash; undefined when absent or malformed. */
export function decodeScenario(hash: string): Scenario | undefined {
  const i = hash.indexOf(HASH_KEY);
  if (i < 0) return undefined;
  try {
    const v = JSON.parse(fromBase64Url(hash.slice(i + HASH_KEY.length))) as unknown;
    if (!v || typeof v !== 'object') return undefined;
    const o = v as Record<string, unknown>;
    const files = o.files && typeof o.files === 'object' ? Object.fromEntries(Object.entries(o.files as Record<string, unknown>).filter(([, c]) => typeof c === 'string')) as Record<string, string> : undefined;
    const commands = Array.isArray(o.commands) ? o.commands.filter((c): c is string => typeof c === 'string') : undefined;
    return { files, commands };
  } catch {
    return undefined;
  }
}

/**
 * scenarioFrom turns a saved session into a shareable scenario: the files written from the editor
 * and the commands typed (the cluster then rebuilds itself from them, not from the time stamps).
 */
export function scenarioFrom(saved: SavedSandbox): Scenario {
  const files: Record<string, string> = {};
  const commands: string[] = [];
  for (const e of saved.log) {
    if (e.kind === 'write') files[e.path] = e.content;
    else if (e.kind === 'input') commands.push(e.input.replace(/\n$/, ''));
    else if (e.kind === 'apply') commands.push(`kubectl apply -f - <<'EOF'\n${e.yaml.replace(/\n$/, '')}\nEOF`);
  }
  return { files, commands };
}

/** isSavedSandbox checks an imported JSON file's shape. */
export function isSavedSandbox(v: unknown): v is SavedSandbox {
  if (!v || typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  return o.format === 'kube-sandbox' && o.version === 1 && typeof o.seed === 'number' && Array.isArray(o.log) && typeof o.now === 'number';
}
