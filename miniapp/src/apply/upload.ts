// Photographing or choosing a material, making it smaller, and sending it with progress. WeChat compresses
// with Taro.compressImage; H5 draws the photo on a canvas and saves it as a JPEG. The server checks the type
// by the file's first bytes and the size (MAX_UPLOAD_BYTES), and answers in Chinese when it refuses.
import Taro from '@tarojs/taro';
import { ApiError, apiUrl } from '../lib/api';
import { getSession, setSession } from '../lib/session';
import { MAX_UPLOAD_BYTES, type Material } from './shared';

export interface Picked {
  path: string;
  size: number;
  name: string;
  /** H5: the file itself (the page's address rules do not let a request read a blob: address back). */
  blob?: Blob;
}

/** Camera or album; null when the person cancels, 'unreadable' when what was chosen is not a picture. */
export async function pickPhoto(): Promise<Picked | null | 'unreadable'> {
  try {
    const r = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['camera', 'album'] });
    const f = r.tempFiles[0] as { path: string; size: number; originalFileObj?: File } | undefined;
    // H5 leaves out a file it cannot open as a picture.
    if (!f) return 'unreadable';
    return {
      path: f.path,
      size: f.size,
      name: f.originalFileObj?.name ?? 'photo.jpg',
      ...(f.originalFileObj ? { blob: f.originalFileObj } : {}),
    };
  } catch {
    return null;
  }
}

/** The longest side a photo keeps: still readable for an ID card or a page of a medical record. */
const MAX_SIDE = 1600;

function compressInBrowser(path: string): Promise<{ path: string; size: number; blob: Blob } | null> {
  return new Promise((resolve) => {
    const img = new Image();
    img.onload = () => {
      const scale = Math.min(1, MAX_SIDE / Math.max(img.naturalWidth, img.naturalHeight));
      const canvas = document.createElement('canvas');
      canvas.width = Math.max(1, Math.round(img.naturalWidth * scale));
      canvas.height = Math.max(1, Math.round(img.naturalHeight * scale));
      const g = canvas.getContext('2d');
      if (!g) return resolve(null);
      // JPEG has no transparency: a white page behind it, not black.
      g.fillStyle = '#fff';
      g.fillRect(0, 0, canvas.width, canvas.height);
      g.drawImage(img, 0, 0, canvas.width, canvas.height);
      canvas.toBlob(
        (blob) => resolve(blob ? { path: URL.createObjectURL(blob), size: blob.size, blob } : null),
        'image/jpeg',
        0.8,
      );
    };
    img.onerror = () => resolve(null);
    img.src = path;
  });
}

/** A smaller copy of the photo; the original when it cannot be made smaller. */
export async function compress(file: Picked): Promise<Picked> {
  if (process.env.TARO_ENV === 'h5') {
    const small = await compressInBrowser(file.path);
    if (small && small.size < file.size) return { ...small, name: 'photo.jpg' };
    return file;
  }
  try {
    const r = await Taro.compressImage({ src: file.path, quality: 80 });
    const info = await Taro.getFileInfo({ filePath: r.tempFilePath });
    return { path: r.tempFilePath, size: 'size' in info ? info.size : file.size, name: 'photo.jpg' };
  } catch {
    return file;
  }
}

type Sent = { statusCode: number; data: unknown };

/** H5: the file sent from memory with XMLHttpRequest, which reports the upload's progress. */
function sendFromBrowser(
  url: string,
  header: Record<string, string>,
  kind: string,
  file: Picked & { blob: Blob },
  onProgress: (percent: number) => void,
): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    for (const [k, v] of Object.entries(header)) xhr.setRequestHeader(k, v);
    xhr.timeout = 60000;
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => resolve({ statusCode: xhr.status, data: xhr.responseText });
    xhr.onerror = xhr.ontimeout = xhr.onabort = () => reject(new Error('upload failed'));
    // The field first: the server reads it before the file.
    const form = new FormData();
    form.append('kind', kind);
    form.append('file', file.blob, file.name);
    xhr.send(form);
  });
}

export const UNREADABLE = '这个文件打不开，好像不是照片。请重新拍一张，或换一张照片。';

export const TOO_BIG = `照片太大了（超过${MAX_UPLOAD_BYTES / 1024 / 1024}MB），请重新拍一张，或选一张小一些的照片。`;

/** Sends one file; onProgress gets 0–100. Failures are ApiErrors in the server's words. */
export async function uploadMaterial(
  applicationId: string,
  kind: string,
  file: Picked,
  onProgress: (percent: number) => void,
): Promise<Material> {
  if (file.size > MAX_UPLOAD_BYTES) throw new ApiError('input', TOO_BIG);
  const session = getSession();
  let res: Sent;
  const url = apiUrl(`/applications/${encodeURIComponent(applicationId)}/materials`);
  const header: Record<string, string> = session ? { authorization: `Bearer ${session.token}` } : {};
  try {
    if (file.blob) {
      res = await sendFromBrowser(url, header, kind, { ...file, blob: file.blob }, onProgress);
    } else {
      res = await sendWithTaro(url, header, kind, file, onProgress);
    }
  } catch {
    throw new ApiError('offline', '照片没有传上去，可能是网络断了。请检查网络后点“再传一次”。');
  }
  return answer(res);
}

async function sendWithTaro(
  url: string,
  header: Record<string, string>,
  kind: string,
  file: Picked,
  onProgress: (percent: number) => void,
): Promise<Sent> {
  const task = Taro.uploadFile({
    url,
    filePath: file.path,
    name: 'file',
    fileName: file.name,
    formData: { kind },
    header,
    timeout: 60000,
  } as Parameters<typeof Taro.uploadFile>[0]);
  (task as unknown as { onProgressUpdate?: (cb: (p: { progress: number }) => void) => void }).onProgressUpdate?.((p) =>
    onProgress(p.progress),
  );
  return await task;
}

function answer(res: Sent): Material {
  let body: { error?: { message?: string; details?: { path: string; message: string }[] } } & Partial<Material> = {};
  try {
    body = typeof res.data === 'string' ? JSON.parse(res.data) : (res.data as typeof body);
  } catch {
    body = {};
  }
  if (res.statusCode >= 200 && res.statusCode < 300) return body as Material;
  if (res.statusCode === 401) {
    setSession(null);
    throw new ApiError('signin', '登录已经过期，请重新登录。您填写的内容还在。');
  }
  if (res.statusCode >= 400 && res.statusCode < 500 && body.error?.message) {
    throw new ApiError('input', body.error.message, body.error.details ?? []);
  }
  throw new ApiError('server', '服务暂时出了点问题，照片没有传上去。请稍等一会儿再传一次。');
}
