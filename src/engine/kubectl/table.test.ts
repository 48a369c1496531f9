import { describe, it, expect } from 'vitest';
import { formatTable, TabWriter } from './table';

describe('formatTable (liggitt/tabwriter, minwidth 6, padding 3)', () => {
  it('pads every column but the last by 3, with a minimum width of 6', () => {
    expect(formatTable([['NAME', 'IP', 'AGE'], ['web', '-', '5s']])).toBe('NAME   IP    AGE\nweb    -     5s\n');
  });
  it('leaves an empty last cell unpadded but keeps earlier padding', () => {
    expect(formatTable([['A', 'NAMESPACE'], ['*', '']])).toBe('A     NAMESPACE\n*     \n');
  });
  it('remembers widths across flushes (watch output stays aligned)', () => {
    const tw = new TabWriter();
    tw.write('NAME\tSTATUS\tAGE\nweb-123456\tRunning\t1s\n');
    expect(tw.flush()).toBe('NAME         STATUS    AGE\nweb-123456   Running   1s\n');
    tw.write('x\tPending\t2s\n');
    expect(tw.flush()).toBe('x            Pending   2s\n');
  });
});
