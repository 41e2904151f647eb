/** The envelope of every ack and every JSON HTTP answer. Errors are values at the wire. */
export type ErrorCode =
  | 'invalid'
  | 'unauthorised'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'internal'
  /** Client side only: the server could not be reached, or did not answer in time. */
  | 'unavailable';

export interface IssueAt {
  path: (string | number)[];
  message: string;
}

export interface ResultError {
  code: ErrorCode;
  message: string;
  issues?: IssueAt[];
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: ResultError };

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });

/** Enough for a form to mark every field; a flood of extra keys does not make a flood of issues. */
const MAX_ISSUES = 20;

/** A zod error's issues as paths; an unknown key is named in its path, as any other field at fault. */
export const issuesOf = (error: { issues: readonly { path: readonly PropertyKey[]; message: string; code?: string; keys?: string[] }[] }): IssueAt[] =>
  error.issues.flatMap((i) => {
    const path = i.path.map((p) => (typeof p === 'number' ? p : String(p)));
    return i.code === 'unrecognized_keys' && i.keys
      ? i.keys.map((k) => ({ path: [...path, k], message: 'unknown field' }))
      : [{ path, message: i.message }];
  }).slice(0, MAX_ISSUES);

export const fail = (code: ErrorCode, message: string, issues?: IssueAt[]): { ok: false; error: ResultError } =>
  issues ? { ok: false, error: { code, message, issues } } : { ok: false, error: { code, message } };

/** Thrown inside a process; turned into a Result at the edge. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: IssueAt[],
  ) {
    super(message);
  }
}
