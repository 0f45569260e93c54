// "This looks wrong" reports from the mini-program: what the person entered, what the server answered and
// their own words (phones and id numbers already masked), newest first, for an officer to check.
import { useEffect, useRef, useState } from 'react';
import { ApiError, session, type User } from '../api';
import { ErrorNote } from '../components/Notice';

interface Feedback {
  id: string;
  topicName: string;
  page: string;
  regionName: string | null;
  inputs: unknown;
  answer: unknown;
  message: string;
  createdAt: string;
}

async function loadFeedback(): Promise<Feedback[]> {
  let res: Response;
  try {
    res = await fetch('/api/v1/feedback', { headers: { Authorization: `Bearer ${session.token ?? ''}` } });
  } catch {
    throw new ApiError(0, 'network', '连接不上服务器，请检查网络后再试。');
  }
  const body = (await res.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
  if (!res.ok)
    throw new ApiError(res.status, body.error?.code ?? 'unknown', body.error?.message ?? '没能读取反馈，请稍后再试。');
  return body as unknown as Feedback[];
}

const timeText = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' });

export function FeedbackPage(_: { user: User }) {
  const [items, setItems] = useState<Feedback[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    loadFeedback()
      .then(setItems)
      .catch((err: unknown) => setError(err instanceof Error ? err.message : '没能读取反馈，请稍后再试。'));
  }, []);
  return (
    <section>
      <h1 ref={heading} tabIndex={-1}>
        用户反馈
      </h1>
      <p className="muted">居民在小程序的结果页点了“结果好像不对”时提交的内容，新的在前。请核对后按需修正政策数据。</p>
      <ErrorNote message={error} />
      {items === null && !error && <p className="muted">正在读取反馈…</p>}
      {items && items.length === 0 && <p className="muted">还没有反馈。</p>}
      {items && items.length > 0 && (
        <ol className="queue" aria-label="用户反馈">
          {items.map((f) => (
            <li key={f.id} className="queue-item">
              <p>
                <span className="badge">{f.topicName}</span> {f.regionName ?? ''} · {timeText(f.createdAt)}
              </p>
              <p className="feedback-message">“{f.message}”</p>
              <p>
                <a href={`/#${f.page}`} target="_blank" rel="noreferrer">
                  打开用户看到的结果
                </a>
              </p>
              <details>
                <summary>填写的内容和当时的结果</summary>
                <pre className="mono">{JSON.stringify({ 填写: f.inputs, 结果: f.answer }, null, 2)}</pre>
              </details>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
