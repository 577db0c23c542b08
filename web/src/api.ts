// The one way the web app talks to the server: JSON over fetch, the session cookie sent along,
// the CSRF token on every write, and the server's error shape turned into an ApiError.

export interface FieldIssue {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

interface RequestOptions {
  /** Sign-in and the session probe answer 401 as a normal outcome, not as "your session ended". */
  expectUnauthorized?: boolean;
  signal?: AbortSignal;
  /** Statuses whose body is an answer rather than an error (an import's 422 validation report). */
  answerStatuses?: readonly number[];
}

/** A body sent as is with its own content type (a CSV file), not as JSON. */
interface RawBody {
  raw: string;
  contentType: string;
}

const isRawBody = (body: unknown): body is RawBody => typeof body === 'object' && body !== null && 'raw' in body && 'contentType' in body;

let csrfToken = '';
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** Called when the server says the session is gone, so the app can return to the sign-in page. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

function isErrorBody(value: unknown): value is { error: { code: string; message: string; fields?: FieldIssue[] } } {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

async function request<T>(method: Method, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = isRawBody(body) ? body.contentType : 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : isRawBody(body) ? body.raw : JSON.stringify(body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network_error', cause instanceof Error ? cause.message : 'Network error');
  }

  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (response.ok || options.answerStatuses?.includes(response.status)) return payload as T;

  if (response.status === 401 && !options.expectUnauthorized) onUnauthorized?.();
  if (isErrorBody(payload)) {
    throw new ApiError(response.status, payload.error.code, payload.error.message, payload.error.fields ?? []);
  }
  throw new ApiError(response.status, 'http_error', response.statusText || `HTTP ${response.status}`);
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('POST', path, body, options),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PATCH', path, body, options),
  put: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PUT', path, body, options),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, undefined, options),
  /** Posts text as is (a CSV upload) with its content type. */
  postText: <T>(path: string, text: string, contentType: string, options?: RequestOptions) => request<T>('POST', path, { raw: text, contentType } satisfies RawBody, options),
};

/** The address of an API resource for a plain link (a file download). */
export function apiHref(path: string): string {
  return `/api/v1${path}`;
}

/** Query string from the non-empty values of `params`, with a leading "?" when there are any. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}
