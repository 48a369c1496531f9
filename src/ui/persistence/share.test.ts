import { describe, it, expect } from 'vitest';
import { decodeScenario, encodeScenario, isSavedSandbox, scenarioFrom } from './share';

describe('shareable scenarios', () => {
  it('round-trips files and commands through the URL hash, unicode included', () => {
    const s = { files: { 'pod.yaml': 'kind: Pod # ✓\n' }, commands: ['kubectl apply -f pod.yaml', 'kubectl get pods'] };
    const hash = encodeScenario(s);
    expect(hash).toMatch(/^#scenario=[A-Za-z0-9_-]+$/);
    expect(decodeScenario(hash)).toEqual(s);
    expect(decodeScenario('#scenario=%%%')).toBeUndefined();
    expect(decodeScenario('')).toBeUndefined();
  });

  it('turns a saved log into a scenario and recognises exports', () => {
    const saved = {
      format: 'kube-sandbox' as const, version: 1 as const, seed: 42, now: 1, speed: 1, paused: false,
      log: [
        { t: 0, kind: 'write' as const, path: '/root/a.yaml', content: 'x' },
        { t: 0, kind: 'input' as const, input: 'kubectl get pods\n' },
        { t: 1, kind: 'tick' as const },
      ],
    };
    expect(scenarioFrom(saved)).toEqual({ files: { '/root/a.yaml': 'x' }, commands: ['kubectl get pods'] });
    expect(isSavedSandbox(saved)).toBe(true);
    expect(isSavedSandbox({ format: 'other' })).toBe(false);
  });
});
