import { describe, it, expect } from 'vitest';
import { checkBodyFields, checkPatchedFields, fieldValidationOf, goFormat, unknownFields } from './field-validation';
import { ApiError } from '../types';
import type { KObject } from '../../types';

const pod = (extra: Record<string, unknown> = {}, container: Record<string, unknown> = {}): KObject => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', labels: { app: 'web' } },
  spec: { containers: [{ name: 'web', image: 'nginx', ...container }], ...extra },
} as KObject);
const POD = { group: '', version: 'v1', kind: 'Pod' };

function thrown(fn: () => unknown): ApiError {
  try { fn(); } catch (e) { if (e instanceof ApiError) return e; throw e; }
  throw new Error('did not throw');
}

describe('field validation', () => {
  it('finds unknown fields with their full paths, in document order; maps and known fields pass', () => {
    expect(unknownFields('', 'v1', 'Pod', pod())).toEqual([]);
    expect(unknownFields('', 'v1', 'Pod', pod({ foo: 1 }, { bar: true, resources: { limits: { cpu: '1' } } }))).toEqual(['spec.containers[0].bar', 'spec.foo']);
    expect(unknownFields('apps', 'v1', 'Deployment', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { replicas: 1, replica: 2 } })).toEqual(['spec.replica']);
  });

  it('defaults to Warn and rejects unsupported directives', () => {
    expect(fieldValidationOf({})).toBe('Warn');
    expect(fieldValidationOf({ fieldValidation: 'Strict' })).toBe('Strict');
    expect(thrown(() => fieldValidationOf({ fieldValidation: 'Loud' })).status.code).toBe(400);
  });

  it('Strict rejects a body with the decoder message, Warn warns per field, Ignore drops them silently', () => {
    const bad = () => pod({ foo: 1, bar: 2 });
    const e = thrown(() => checkBodyFields('Strict', POD, bad()));
    expect(e.status).toMatchObject({ code: 400, reason: 'BadRequest',
      message: 'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.foo", unknown field "spec.bar"' });
    const warned = bad();
    expect(checkBodyFields('Warn', POD, warned)).toEqual(['unknown field "spec.foo"', 'unknown field "spec.bar"']);
    expect(warned.spec).not.toHaveProperty('foo');
    const ignored = bad();
    expect(checkBodyFields('Ignore', POD, ignored)).toEqual([]);
    expect(ignored.spec).not.toHaveProperty('bar');
    const internal = bad();
    expect(checkBodyFields('Internal', POD, internal)).toEqual([]);
    expect(internal.spec).toHaveProperty('bar');
    expect(checkBodyFields('Strict', POD, pod())).toEqual([]);
  });

  it('Strict on a strategic merge patch is the Invalid error showing the patch as a Go map', () => {
    const e = thrown(() => checkPatchedFields('Strict', POD, pod({ foo: 'x' }), { spec: { foo: 'x', b: [1, true] } }, true));
    expect(e.status.code).toBe(422);
    expect(e.status.message).toBe(' "" is invalid: patch: Invalid value: "map[spec:map[b:[1 true] foo:x]]": strict decoding error: unknown field "spec.foo"');
    expect(goFormat({ b: null, a: 'x' })).toBe('map[a:x b:<nil>]');
  });
});
