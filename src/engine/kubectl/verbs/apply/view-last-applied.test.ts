import { describe, it, expect } from 'vitest';
import { indentJson } from './view-last-applied';

describe('indentJson (Go json.Indent with two spaces)', () => {
  it('keeps escapes and numbers as written, empty containers compact, and the trailing newline', () => {
    const src = '{"cmd":"a \\u0026\\u0026 b \\"q\\"","n":1.50,"none":[],"empty":{},"list":[1,{"k":null}]}\n';
    expect(indentJson(src)).toBe([
      '{',
      '  "cmd": "a \\u0026\\u0026 b \\"q\\"",',
      '  "n": 1.50,',
      '  "none": [],',
      '  "empty": {},',
      '  "list": [',
      '    1,',
      '    {',
      '      "k": null',
      '    }',
      '  ]',
      '}',
      '',
    ].join('\n'));
  });
});
