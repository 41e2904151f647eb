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
