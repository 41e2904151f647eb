/** Configuration from the environment, parsed once with zod; a bad value names its variable. */
import { z } from 'zod/mini';
import { TimeZone } from '../shared/schemas.ts';

const flag = z.pipe(z.enum(['0', '1', 'true', 'false', 'yes', 'no']), z.transform((v) => ['1', 'true', 'yes'].includes(v)));

export const ConfigSchema = z.object({
  PORT: z._default(z.coerce.number().check(z.int(), z.minimum(0), z.maximum(65535)), 8080),
  HOST: z._default(z.string().check(z.minLength(1)), '0.0.0.0'),
  DATA_DIR: z._default(z.string().check(z.minLength(1)), './data'),
  /** Where the app is reached, for the links printed at start (defaults to http://localhost:PORT). */
  PUBLIC_URL: z.optional(z.url()),
  /** Start with an empty school and print a setup link instead of filling in the demo school. */
  LC_EMPTY: z._default(flag, false),
  LC_SCHOOL_NAME: z._default(z.string().check(z.minLength(1), z.maxLength(120)), 'Our Primary School'),
  LC_TIME_ZONE: z._default(TimeZone, 'Europe/London'),
  /** Cookies marked Secure: set when served over HTTPS. */
  LC_SECURE_COOKIES: z._default(flag, false),
  /** Behind a TLS proxy: take the client's address from X-Forwarded-For (for the login rate limit). */
  LC_TRUST_PROXY: z._default(flag, false),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  publicUrl: string | null;
  emptySchool: boolean;
  schoolName: string;
  timeZone: string;
  secureCookies: boolean;
  trustProxy: boolean;
  /** The client build served over HTTP; null serves nothing but the API (tests, dev). */
  staticDir: string | null;
  appVersion: string;
}

export class ConfigError extends Error {}

export function readConfig(env: NodeJS.ProcessEnv, defaults: Pick<Config, 'staticDir' | 'appVersion'>): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message} (got ${JSON.stringify(env[String(i.path[0])])})`);
    throw new ConfigError(`Bad configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    publicUrl: e.PUBLIC_URL ?? null,
    emptySchool: e.LC_EMPTY,
    schoolName: e.LC_SCHOOL_NAME,
    timeZone: e.LC_TIME_ZONE,
    secureCookies: e.LC_SECURE_COOKIES,
    trustProxy: e.LC_TRUST_PROXY,
    ...defaults,
  };
}
