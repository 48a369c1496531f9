import { describe, it, expect } from 'vitest';
import { LineEditor, splitKeys } from './line-editor';
import { colorize, commonPrefix, formatCandidates } from './colorize';

function typed(keys: string[]): LineEditor {
  const ed = new LineEditor();
  for (const k of keys) ed.key(k);
  return ed;
}

describe('LineEditor', () => {
  it('inserts, moves and deletes like readline', () => {
    const ed = typed(['kubectl get pod', '\x1b[D', '\x1b[D', '\x1b[D', 'x', '\x7f', '\x01', '\x1b[3~']);
    expect(ed.buffer).toBe('ubectl get pod');
    expect(ed.cursor).toBe(0);
    ed.key('\x05');
    expect(ed.cursor).toBe(ed.buffer.length);
  });

  it('Ctrl-D deletes the character under the cursor, and on an empty line is end of input', () => {
    const ed = typed(['abc', '\x01', '\x04']);
    expect(ed.buffer).toBe('bc');
    expect(ed.key('\x05')).toEqual({ type: 'redraw' });
    expect(ed.key('\x04')).toEqual({ type: 'none' });
    ed.key('\x15');
    expect(ed.key('\x04')).toEqual({ type: 'eof' });
  });

  it('kills to start, to end and the previous word', () => {
    const ed = typed(['echo one two', '\x17']);
    expect(ed.buffer).toBe('echo one ');
    ed.key('\x01'); ed.key('\x1b[C'); ed.key('\x1b[C'); ed.key('\x0b');
    expect(ed.buffer).toBe('ec');
    ed.key('\x15');
    expect(ed.buffer).toBe('');
  });

  it('browses history and restores the draft', () => {
    const ed = new LineEditor();
    ed.history = ['ls', 'kubectl get pods'];
    ed.key('dra');
    ed.key('\x1b[A');
    expect(ed.buffer).toBe('kubectl get pods');
    ed.key('\x1b[A');
    expect(ed.buffer).toBe('ls');
    ed.key('\x1b[A');
    expect(ed.buffer).toBe('ls');
    ed.key('\x1b[B'); ed.key('\x1b[B');
    expect(ed.buffer).toBe('dra');
  });

  it('submits the line and remembers it as bash does', () => {
    const ed = typed(['echo hi']);
    expect(ed.key('\r')).toEqual({ type: 'submit', line: 'echo hi' });
    expect(ed.buffer).toBe('');
    ed.remember('echo hi'); ed.remember('echo hi'); ed.remember(' secret'); ed.remember('  ');
    expect(ed.history).toEqual(['echo hi']);
  });

  it('splits batched key data into sequences', () => {
    expect(splitKeys('ab\x1b[Dc\r')).toEqual(['ab', '\x1b[D', 'c', '\r']);
    expect(splitKeys('\x03\x1b[3~')).toEqual(['\x03', '\x1b[3~']);
  });
});

describe('terminal colours and completion lists', () => {
  it('colours stderr and dims hint lines only at a line start', () => {
    const st = { atLineStart: true };
    expect(colorize('oops\n', 'stderr', st)).toBe('\x1b[38;5;203moops\x1b[0m\n');
    expect(colorize('hint: try -A\nok hint: no\n', 'stdout', st)).toBe('\x1b[2mhint: try -A\x1b[0m\nok hint: no\n');
    expect(colorize('a', 'stdout', st)).toBe('a');
    expect(colorize('hint: x\n', 'stdout', st)).toBe('hint: x\n');
  });

  it('lists candidates in columns by name and finds their common prefix', () => {
    expect(formatCandidates(['no', 'nodes'], 80)).toBe('no     nodes\n');
    expect(formatCandidates(['/etc/hosts', '/etc/kubernetes/'], 80)).toBe('hosts        kubernetes/\n');
    expect(formatCandidates(['aaaa', 'bbbb', 'cccc'], 13)).toBe('aaaa  cccc\nbbbb\n');
    expect(commonPrefix(['persistentvolumes', 'persistentvolumeclaims'])).toBe('persistentvolume');
  });
});
