import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress } from '../../server/http/routes.ts';
import { ConfigError, readConfig } from '../../server/config.ts';

const req = (forwarded?: string) => ({ headers: forwarded ? { 'x-forwarded-for': forwarded } : {}, socket: { remoteAddress: '10.0.0.1' } }) as unknown as IncomingMessage;

describe('client address for the login rate limit', () => {
  it('ignores X-Forwarded-For unless the proxy is trusted, then takes the hop the proxy added', () => {
    expect(clientAddress(req('1.2.3.4'), false)).toBe('10.0.0.1');
    expect(clientAddress(req('6.6.6.6, 1.2.3.4'), true)).toBe('1.2.3.4');
    expect(clientAddress(req(), true)).toBe('10.0.0.1');
  });
});

describe('configuration', () => {
  it('names the variable at fault', () => {
    expect(() => readConfig({ PORT: 'eighty' }, { staticDir: null, appVersion: 't' })).toThrow(ConfigError);
    expect(() => readConfig({ LC_TRUST_PROXY: 'maybe' }, { staticDir: null, appVersion: 't' })).toThrow(/LC_TRUST_PROXY/);
    expect(() => readConfig({ LC_TIME_ZONE: 'Mars/Olympus' }, { staticDir: null, appVersion: 't' })).toThrow(/LC_TIME_ZONE/);
    expect(readConfig({}, { staticDir: null, appVersion: 't' })).toMatchObject({ port: 8080, dataDir: './data', trustProxy: false, emptySchool: false });
  });
});
