import { bearerToken } from './session';

/** RFC 9457 problem details as the API sends them, with per-field errors for 400s. */
export interface Problem {
  status: number;
  title?: string;
  detail?: string;
  errors?: Record<string, string[]>;
}

export class ApiError extends Error {
  constructor(public readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `请求失败（${problem.status}）`);
  }

  get status() {
    return this.problem.status;
  }
}

export interface ApiResponse<T> {
  status: number;
  data: T;
}

type Listener = (error: ApiError) => void;
const unauthorizedListeners = new Set<Listener>();
/** Lets the shell show "please sign in again" without any page losing what was typed. */
export const onUnauthorized = (listener: Listener) => {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
};

export interface RequestOptions {
  idempotencyKey?: string;
  signal?: AbortSignal;
}

export async function request<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = bearerToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError({ status: 0, title: '网络错误', detail: '无法连接服务器，请检查网络后重试。页面上填写的内容仍然保留。' });
  }

  const text = await response.text();
  let json: unknown = undefined;
  if (text.length > 0) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }

  if (!response.ok) {
    const problem: Problem = json && typeof json === 'object'
      ? { status: response.status, ...(json as object) }
      : { status: response.status, detail: `服务器返回错误（HTTP ${response.status}），请稍后重试。页面上填写的内容仍然保留。` };
    problem.status = response.status;
    const error = new ApiError(problem);
    if (response.status === 401) unauthorizedListeners.forEach(l => l(error));
    throw error;
  }

  return { status: response.status, data: json as T };
}

export const get = <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, undefined, { signal }).then(r => r.data);
export const post = <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('POST', path, body, options);
export const put = <T>(path: string, body: unknown) => request<T>('PUT', path, body);

/** Downloads a file with the same credentials as the API (a plain link would lack the local bearer token). */
export async function download(path: string, fileName: string): Promise<void> {
  const headers: Record<string, string> = {};
  const token = bearerToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(path, { headers, credentials: 'same-origin' });
  if (!response.ok) {
    let detail = `下载失败（HTTP ${response.status}）。`;
    try {
      detail = ((await response.json()) as Problem).detail ?? detail;
    } catch { /* not JSON */ }
    throw new ApiError({ status: response.status, detail });
  }

  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The message to show a person for any failure. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return '登录已过期或尚未登录，请重新登录后再试。页面上填写的内容仍然保留。';
    return error.problem.detail ?? error.message;
  }

  return '操作未完成：发生了意外错误，请刷新页面后重试。';
}
