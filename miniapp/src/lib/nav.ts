import Taro from '@tarojs/taro';

export type Params = Record<string, string | number | undefined>;

export function pageUrl(path: string, params: Params = {}): string {
  const q = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  return q ? `${path}?${q}` : path;
}

export function go(path: string, params: Params = {}): void {
  void Taro.navigateTo({ url: pageUrl(path, params) });
}

export function goHome(): void {
  void Taro.reLaunch({ url: '/pages/index/index' });
}

/** The page's query, decoded (Taro hands H5 and WeChat params alike). */
export function useParams(): Record<string, string> {
  const params = Taro.getCurrentInstance().router?.params ?? {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    if (k === '$taroTimestamp' || typeof v !== 'string') continue;
    try {
      out[k] = decodeURIComponent(v);
    } catch {
      out[k] = v;
    }
  }
  return out;
}

/** A link that reopens this answer with the same inputs: the H5 address, or the WeChat page path. */
export function shareLink(path: string, params: Params): string {
  const rel = pageUrl(path, params);
  if (process.env.TARO_ENV === 'h5') return `${window.location.origin}/#${rel}`;
  return rel;
}
