// The one way to the server. H5 is served by the server itself, so it asks its own origin; WeChat has no
// origin and asks API_BASE_URL, which must be on the mini-program's request-domain list (README).
import Taro from '@tarojs/taro';
import { getSession, setSession } from './session';

const BASE = process.env.TARO_ENV === 'h5' ? '' : API_BASE_URL;

/** signin: the session is missing or has ended (401); the page offers to sign in again. */
export type Problem = 'offline' | 'server' | 'input' | 'signin';

/** A failure in words a person can act on; never a status code or an English message. */
export class ApiError extends Error {
  constructor(
    readonly problem: Problem,
    message: string,
    readonly details: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

const OFFLINE = '网络好像断了。请检查手机的网络（无线网或手机流量），然后再试一次。';
const SIGN_IN = '登录已经过期，请重新登录。您填写的内容还在。';
const SERVER = '服务暂时出了点问题，不是您操作的错。请稍等一会儿再试一次。';

type Query = Record<string, string | number | undefined>;

function withQuery(path: string, query?: Query): string {
  const parts = Object.entries(query ?? {})
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length ? `${path}?${parts.join('&')}` : path;
}

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Headers of every call: JSON, and the session's token when signed in. */
export function apiHeaders(extra: Record<string, string> = {}): Record<string, string> {
  const session = getSession();
  return {
    'content-type': 'application/json',
    accept: 'application/json',
    ...(session ? { authorization: `Bearer ${session.token}` } : {}),
    ...extra,
  };
}

export const apiUrl = (path: string, query?: Query) => BASE + '/api/v1' + withQuery(path, query);

export async function request<T>(
  method: Method,
  path: string,
  body?: unknown,
  query?: Query,
  headers: Record<string, string> = {},
): Promise<T> {
  let res: Awaited<ReturnType<typeof Taro.request>>;
  try {
    res = await Taro.request({
      url: apiUrl(path, query),
      method,
      data: body === undefined ? undefined : JSON.stringify(body),
      header: apiHeaders(headers),
      dataType: 'json',
      timeout: 15000,
    });
  } catch {
    throw new ApiError('offline', OFFLINE);
  }
  const data = res.data as { error?: { message?: string; details?: { path: string; message: string }[] } };
  if (res.statusCode >= 200 && res.statusCode < 300) return res.data as T;
  if (res.statusCode === 401 && getSession()) {
    setSession(null);
    throw new ApiError('signin', SIGN_IN);
  }
  if (res.statusCode >= 400 && res.statusCode < 500 && data?.error?.message) {
    throw new ApiError('input', data.error.message, data.error.details ?? []);
  }
  throw new ApiError('server', SERVER);
}

export const get = <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query);
export const post = <T>(path: string, body: unknown, headers?: Record<string, string>) =>
  request<T>('POST', path, body, undefined, headers);
export const patch = <T>(path: string, body: unknown) => request<T>('PATCH', path, body);
export const put = <T>(path: string, body: unknown) => request<T>('PUT', path, body);
export const del = <T>(path: string, body?: unknown) => request<T>('DELETE', path, body);
