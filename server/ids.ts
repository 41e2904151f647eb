/** Random ids and secrets, and the hash under which a secret is stored. */
import { createHash, randomBytes, randomInt } from 'node:crypto';

/** 12 url-safe characters: 72 random bits, plenty for row ids. */
export const newId = (): string => randomBytes(9).toString('base64url');

/** 256 random bits: session ids, device tokens, one-time links. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** Secrets are long and random, so a fast hash is enough (no salt or stretching needed). */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('base64url');

/** Letters and digits that cannot be mistaken for each other on a screen: no 0/O, 1/I/L. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const newPairingCode = (): string =>
  Array.from({ length: 6 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
