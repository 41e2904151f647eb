import { describe, expect, it } from 'vitest';
import { fail, ok } from '../../shared/result.ts';

describe('result', () => {
  it('wraps data and errors', () => {
    expect(ok(1)).toEqual({ ok: true, data: 1 });
    expect(fail('invalid', 'bad', [{ path: ['a'], message: 'x' }])).toEqual({
      ok: false,
      error: { code: 'invalid', message: 'bad', issues: [{ path: ['a'], message: 'x' }] },
    });
  });
});
