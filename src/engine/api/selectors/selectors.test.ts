import { describe, it, expect } from 'vitest';
import { parseLabelSelector, labelSelectorMatcher, formatLabelSelector, parseFieldSelector } from './index';

describe('label selectors', () => {
  it('parses the full syntax and matches', () => {
    const s = parseLabelSelector('app=web, tier==fe, env!=prod, zone in (a,b), role notin (db), team, !legacy');
    expect(s.matches({ app: 'web', tier: 'fe', env: 'dev', zone: 'a', role: 'x', team: 't' })).toBe(true);
    expect(s.matches({ app: 'web', tier: 'fe', env: 'dev', zone: 'a', role: 'x', team: 't', legacy: '1' })).toBe(false);
    expect(s.matches({ app: 'web', tier: 'fe', zone: 'c', team: 't' })).toBe(false);
    expect(s.toString()).toBe('app=web,env!=prod,!legacy,role notin (db),team,tier==fe,zone in (a,b)');
    expect(parseLabelSelector('').matches(undefined)).toBe(true);
    expect(parseLabelSelector('a notin (x)').matches({})).toBe(true);
  });

  it('reports the parser errors with upstream wording', () => {
    const err = (s: string) => { try { parseLabelSelector(s); return ''; } catch (e) { return (e as Error).message; } };
    expect(err('app in web')).toBe("unable to parse requirement: found 'web' expected: '('");
    expect(err('app=web,')).toBe("found '', expected: identifier after ','");
    expect(err('=web')).toBe("found '=', expected: !, identifier, or 'end of string'");
    expect(err('app web')).toBe("unable to parse requirement: found 'web', expected: in, notin, =, ==, !=, gt, lt");
    expect(err('a in (x y)')).toBe("unable to parse requirement: found 'y', expected: ',' or ')'");
    expect(err('a=b c')).toBe("found 'c', expected: ',' or 'end of string'");
    expect(err('a@=b')).toMatch(/^unable to parse requirement: key: Invalid value: "a@": name part must consist of/);
  });

  it('converts metav1.LabelSelector', () => {
    const m = labelSelectorMatcher({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['fe', 'be'] }, { key: 'old', operator: 'DoesNotExist' }] });
    expect(m.matches({ app: 'web', tier: 'be' })).toBe(true);
    expect(m.matches({ app: 'web', tier: 'x' })).toBe(false);
    expect(labelSelectorMatcher(undefined).matches({})).toBe(false);
    expect(labelSelectorMatcher({}).matches({ a: 'b' })).toBe(true);
    expect(formatLabelSelector({ matchLabels: { app: 'web' } })).toBe('app=web');
    expect(formatLabelSelector({})).toBe('<none>');
  });
});

describe('field selectors', () => {
  it('parses =, == and != and checks fields per resource', () => {
    const f = parseFieldSelector('spec.nodeName==n1,status.phase!=Failed', '', 'pods');
    expect(f.matches({ apiVersion: 'v1', kind: 'Pod', metadata: {}, spec: { nodeName: 'n1' }, status: { phase: 'Running' } })).toBe(true);
    expect(f.matches({ apiVersion: 'v1', kind: 'Pod', metadata: {}, spec: { nodeName: 'n1' }, status: { phase: 'Failed' } })).toBe(false);
    expect(() => parseFieldSelector('metadata.namespace=x', '', 'nodes')).toThrow('field label not supported: metadata.namespace');
    expect(() => parseFieldSelector('involvedObject.uid=1,reason=Started', '', 'events')).not.toThrow();
    expect(() => parseFieldSelector('nonsense', '', 'pods')).toThrow("invalid selector: 'nonsense'; can't understand 'nonsense'");
  });
});
