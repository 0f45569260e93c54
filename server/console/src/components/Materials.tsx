import { useEffect, useRef, useState } from 'react';
import { api, ApiError, messageOf, type Material } from '../api';
import { dayText, fileSizeText } from '../format';
import { MATERIAL_KIND_NAMES } from '../labels';
import { ErrorNote } from './Notice';

const isImage = (m: Material) => m.contentType.startsWith('image/');
const kindName = (kind: string) => MATERIAL_KIND_NAMES[kind] ?? kind;

/**
 * Materials are served only to allowed roles and only with the bearer token, so the console fetches
 * each file and shows it from a local object URL (revoked when the page closes).
 */
export function Materials({ applicationId, materials }: { applicationId: string; materials: Material[] }) {
  const [urls, setUrls] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  // The list is fetched again after every move; fetch the files again only when it really changed.
  const latest = useRef(materials);
  latest.current = materials;
  const imageIds = materials
    .filter(isImage)
    .map((m) => m.id)
    .join(',');

  useEffect(() => {
    let cancelled = false;
    const created: string[] = [];
    setUrls({});
    setError(null);
    (async () => {
      for (const m of latest.current.filter(isImage)) {
        try {
          const url = URL.createObjectURL(await api.materialContent(applicationId, m.id));
          created.push(url);
          if (!cancelled) setUrls((u) => ({ ...u, [m.id]: url }));
        } catch (err) {
          if (!cancelled) setError(refusal(err));
          return;
        }
      }
    })();
    return () => {
      cancelled = true;
      created.forEach((u) => URL.revokeObjectURL(u));
    };
  }, [applicationId, imageIds]);

  async function openFile(m: Material) {
    setError(null);
    // Open the tab first (inside the click) so pop-up blockers allow it, then fill it.
    const tab = window.open('', '_blank');
    try {
      const url = urls[m.id] ?? URL.createObjectURL(await api.materialContent(applicationId, m.id));
      if (tab) tab.location.href = url;
      else window.location.href = url;
    } catch (err) {
      tab?.close();
      setError(refusal(err));
    }
  }

  if (!materials.length) return <p className="muted">申请人还没有上传材料；没有材料时受理需要写明原因。</p>;
  return (
    <>
      <ErrorNote message={error} />
      <ul className="materials">
        {materials.map((m) => (
          <li key={m.id} className="material">
            {urls[m.id] ? (
              <img src={urls[m.id]} alt={`${kindName(m.kind)}：${m.fileName}`} className="thumb" />
            ) : (
              <span className="thumb thumb-file" aria-hidden="true">
                {isImage(m) ? '图片' : 'PDF'}
              </span>
            )}
            <div className="material-text">
              <p>
                <strong>{kindName(m.kind)}</strong>
              </p>
              <p className="muted break">
                {m.fileName} · {fileSizeText(m.sizeBytes)} · {dayText(m.createdAt)}上传
              </p>
              <button type="button" className="button button-quiet" onClick={() => void openFile(m)}>
                查看原件<span className="visually-hidden">：{kindName(m.kind)}</span>
              </button>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

function refusal(err: unknown): string {
  if (err instanceof ApiError && err.status === 403) return '您的账号只能看到材料清单，不能打开原件。';
  return messageOf(err);
}
