/** Configuration from the environment, parsed once with zod; a bad value names its variable. */
import { z } from 'zod';
import { TimeZone } from '../shared/schemas.ts';

const flag = z.enum(['0', '1', 'true', 'false', 'yes', 'no']).transform((v) => ['1', 'true', 'yes'].includes(v));

export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  /** Where the app is reached, for the links printed at start (defaults to http://localhost:PORT). */
  PUBLIC_URL: z.url().optional(),
  /** Start with an empty school and print a setup link instead of filling in the demo school. */
  LC_EMPTY: flag.default(false),
  LC_SCHOOL_NAME: z.string().min(1).max(120).default('Our Primary School'),
  LC_TIME_ZONE: TimeZone.default('Europe/London'),
  /** Cookies marked Secure: set when served over HTTPS. */
  LC_SECURE_COOKIES: flag.default(false),
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
    ...defaults,
  };
}
