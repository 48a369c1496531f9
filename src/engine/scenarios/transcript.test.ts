import { describe, it, expect } from 'vitest';
import { parseTranscript, matchOutput } from './transcript';

describe('transcript format', () => {
  it('splits commands, continuation lines and expected output', () => {
    const steps = parseTranscript('comment\n$ cat <<EOF\n> hi\n> EOF\nhi\n$ true\n');
    expect(steps).toEqual([{ input: 'cat <<EOF\nhi\nEOF', expected: ['hi'] }, { input: 'true', expected: [] }]);
  });

  it('matches placeholders with collapsed spacing and rejects other values', () => {
    expect(matchOutput(['web   1/1   Running   0   <age>'], ['web   1/1     Running   0          20s'])).toBe(true);
    expect(matchOutput(['web   1/1   Running   0   <age>'], ['web   0/1     Running   0          20s'])).toBe(false);
    expect(matchOutput(['pod <ip> ok'], ['pod 10.244.1.2 ok'])).toBe(true);
    expect(matchOutput(['exact'], ['exact '])).toBe(false);
  });

  it('lets ... stand for any number of lines', () => {
    expect(matchOutput(['a', '...', 'z'], ['a', 'b', 'c', 'z'])).toBe(true);
    expect(matchOutput(['a', '...', 'z'], ['a', 'z'])).toBe(true);
    expect(matchOutput(['a', '...', 'z'], ['a', 'b'])).toBe(false);
  });
});
