/** Staff sign-in over HTTP: the session cookie is HttpOnly, so scripts only ever see the answer. */
import type { Result } from '../../shared/result.ts';
import type { School, StaffMember } from '../../shared/schemas.ts';

export interface StaffSession {
  staff: StaffMember;
  school: School;
}

export interface LinkInfo {
  purpose: 'setup' | 'login' | 'invite';
  schoolName: string;
  staffName: string | null;
}

async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Result<T>> {
  try {
    const res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
    return (await res.json()) as Result<T>;
  } catch {
    return { ok: false, error: { code: 'unavailable', message: 'The server cannot be reached.' } };
  }
}

export const currentStaff = () => request<StaffSession>('GET', '/api/me');
export const logIn = (email: string, password: string) => request<StaffSession>('POST', '/api/login', { email, password });
export const logOut = () => request<null>('POST', '/api/logout', {});
export const changePassword = (current: string, next: string) => request<null>('POST', '/api/password', { current, next });
export const peekLink = (token: string) => request<LinkInfo>('POST', '/api/links/peek', { token });
export const redeemLink = (token: string, account: { name?: string; email?: string; password?: string }) =>
  request<StaffSession>('POST', '/api/links/redeem', { token, ...account });
