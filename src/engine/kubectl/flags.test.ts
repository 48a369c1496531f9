import { describe, it, expect } from 'vitest';
import { commandFlags, FlagError, Flags, parseFlags } from './flags';

const parse = (argv: string[], path = 'get') => new Flags(parseFlags(argv, commandFlags(path)));

describe('flag parser (pflag semantics)', () => {
  it('reads kubectl get flags from its help text', () => {
    const specs = commandFlags('get');
    expect(specs.find((s) => s.name === 'output')).toMatchObject({ short: 'o', kind: 'string', def: '' });
    expect(specs.find((s) => s.name === 'all-namespaces')).toMatchObject({ short: 'A', kind: 'bool' });
    expect(specs.find((s) => s.name === 'namespace')).toMatchObject({ short: 'n' });
  });

  it('accepts --f=v, --f v, -n v, -nv, -ojson, bool clusters and flags among args', () => {
    const f = parse(['pods', '-n', 'kube-system', '--output=wide', 'web', '-A', '--show-labels']);
    expect(f.args).toEqual(['pods', 'web']);
    expect(f.str('namespace')).toBe('kube-system');
    expect(f.str('output')).toBe('wide');
    expect(f.bool('all-namespaces')).toBe(true);
    expect(parse(['-ojson']).str('output')).toBe('json');
    expect(parse(['-nfoo']).str('namespace')).toBe('foo');
    expect(parse(['-o=yaml']).str('output')).toBe('yaml');
    expect(parse(['--selector', 'app=web']).str('selector')).toBe('app=web');
    expect(parse(['-l', 'a=b', '-L', 'x', '-L', 'y']).list('label-columns')).toEqual(['x', 'y']);
  });

  it('stops at -- and records its position', () => {
    const p = parseFlags(['web', '--image=busybox', '--', 'sleep', '-x'], commandFlags('run'));
    expect(p.args).toEqual(['web', 'sleep', '-x']);
    expect(p.dashAt).toBe(1);
  });

  it('uses pflag error texts', () => {
    expect(() => parse(['--foo'])).toThrow(new FlagError('unknown flag: --foo'));
    expect(() => parse(['-x'])).toThrow(new FlagError("unknown shorthand flag: 'x' in -x"));
    expect(() => parse(['-Ax'])).toThrow(new FlagError("unknown shorthand flag: 'x' in -Ax"));
    expect(() => parse(['-o'])).toThrow(new FlagError("flag needs an argument: 'o' in -o"));
    expect(() => parseFlags(['x', '--image'], commandFlags('run'))).toThrow(new FlagError('flag needs an argument: --image'));
    expect(() => parse(['--watch=maybe'])).toThrow(/invalid argument "maybe" for "--watch" flag: strconv.ParseBool/);
    expect(() => parseFlags(['--tail=abc'], commandFlags('logs'))).toThrow(/invalid argument "abc" for "--tail" flag: strconv.ParseInt: parsing "abc": invalid syntax/);
  });

  it('gives --cascade and --dry-run their no-value defaults', () => {
    const f = new Flags(parseFlags(['pod', 'x', '--cascade'], commandFlags('delete')));
    expect(f.str('cascade')).toBe('background');
    expect(f.str('grace-period')).toBe('-1');
    expect(f.bool('wait')).toBe(true);
  });
});
