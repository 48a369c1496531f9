import { describe, it, expect } from 'vitest';
import { ApiError } from '../api/types';
import type { Status } from '../types';
import { fail, formatError, withSource } from './errors';

const status = (s: Partial<Status>): Status => ({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 422, ...s });

describe('formatError (cmdutil.CheckErr)', () => {
  it('prints Invalid errors from their causes, without the error: prefix', () => {
    const one = new ApiError(status({ reason: 'Invalid', message: 'x', details: { kind: 'Pod', name: 'web', causes: [{ field: 'spec.containers[0].image', message: 'Required value' }] } }));
    expect(formatError(one)).toBe('The Pod "web" is invalid: spec.containers[0].image: Required value\n');
    const two = new ApiError(status({ reason: 'Invalid', details: { kind: 'Pod', name: 'web', causes: [{ field: 'a', message: 'A' }, { field: 'b', message: 'B' }] } }));
    expect(formatError(two)).toBe('The Pod "web" is invalid: \n* a: A\n* b: B\n');
  });

  it('prints other reasons as Error from server (Reason)', () => {
    const nf = new ApiError(status({ reason: 'NotFound', code: 404, message: 'pods "nope" not found' }));
    expect(formatError(nf)).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(formatError(withSource(new ApiError(status({ reason: 'AlreadyExists', code: 409, message: 'pods "web" already exists' })), 'creating', 'pod.yaml')))
      .toBe('Error from server (AlreadyExists): error when creating "pod.yaml": pods "web" already exists\n');
    expect(formatError(new ApiError(status({ message: 'boom', code: 500 })))).toBe('Error from server: boom\n');
  });

  it('adds error: to client errors and prints hints on their own lines', () => {
    expect(formatError(new Error('nope'))).toBe('error: nope\n');
    expect(formatError(fail('bad', ['try this']))).toBe('error: bad\nhint: try this\n');
  });
});
