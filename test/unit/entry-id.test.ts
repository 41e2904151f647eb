import { describe, expect, it } from 'vitest';
import { newEntryId } from '../../shared/entry-id.ts';
import { Uuid } from '../../shared/schemas.ts';

describe('newEntryId', () => {
  it('makes schema-valid v4 UUIDs, with or without crypto.randomUUID', () => {
    const original = crypto.randomUUID;
    try {
      Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
      const ids = Array.from({ length: 200 }, newEntryId);
      for (const id of ids) expect(Uuid.safeParse(id).success, id).toBe(true);
      expect(new Set(ids).size).toBe(200);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true });
    }
    expect(Uuid.safeParse(newEntryId()).success).toBe(true);
  });
});
