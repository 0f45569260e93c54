// The one way to the server. H5 is served by the server itself, so it asks its own origin; WeChat has no
// origin and asks API_BASE_URL, which must be on the mini-program's request-domain list (README).
import Taro from '@tarojs/taro';

const BASE = process.env.TARO_ENV === 'h5' ? '' : API_BASE_URL;

export type Problem = 'offline' | 'server' | 'input';

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
const SERVER = '服务暂时出了点问题，不是您操作的错。请稍等一会儿再试一次。';

type Query = Record<string, string | number | undefined>;

function withQuery(path: string, query?: Query): string {
  const parts = Object.entries(query ?? {})
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length ? `${path}?${parts.join('&')}` : path;
}

export async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown, query?: Query): Promise<T> {
  let res: Awaited<ReturnType<typeof Taro.request>>;
  try {
    res = await Taro.request({
      url: BASE + '/api/v1' + withQuery(path, query),
      method,
      data: body === undefined ? undefined : JSON.stringify(body),
      header: { 'content-type': 'application/json', accept: 'application/json' },
      dataType: 'json',
      timeout: 15000,
    });
  } catch {
    throw new ApiError('offline', OFFLINE);
  }
  const data = res.data as { error?: { message?: string; details?: { path: string; message: string }[] } };
  if (res.statusCode >= 200 && res.statusCode < 300) return res.data as T;
  if (res.statusCode >= 400 && res.statusCode < 500 && data?.error?.message) {
    throw new ApiError('input', data.error.message, data.error.details ?? []);
  }
  throw new ApiError('server', SERVER);
}

export const get = <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query);
export const post = <T>(path: string, body: unknown) => request<T>('POST', path, body);
