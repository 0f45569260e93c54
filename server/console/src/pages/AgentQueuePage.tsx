import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf, type User } from '../api';
import { agentApi, type Presence, type QueueItem } from '../agentApi';
import { waitedText } from '../agentLabels';
import { AgentAssist } from '../components/AgentAssist';
import { CallerLookup } from '../components/CallerLookup';
import { ErrorNote } from '../components/Notice';
import { followLink, hrefOf } from '../router';
import './agent.css';

/** How often the queue is read again while the page is open. */
const REFRESH_MS = 5000;

/** The agent's desk: whether I take hand-offs, the queue with waiting times, agent-assist and caller lookup. */
export function AgentQueuePage({ user }: { user: User }) {
  const [presence, setPresence] = useState<Presence | null>(null);
  const [queue, setQueue] = useState<QueueItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  const load = useCallback(async () => {
    try {
      setQueue(await agentApi.queue());
    } catch (err) {
      setError(messageOf(err));
    }
  }, []);

  useEffect(() => {
    heading.current?.focus();
    agentApi
      .presence()
      .then(setPresence)
      .catch((err: unknown) => setError(messageOf(err)));
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  async function toggle() {
    if (!presence) return;
    setBusy(true);
    setError(null);
    try {
      setPresence(await agentApi.setPresence(!presence.available));
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  const waiting = (queue ?? []).filter((q) => q.state === 'pending');
  const open = (queue ?? []).filter((q) => q.state === 'open');

  return (
    <section className="stack">
      <div className="title-row">
        <h1 ref={heading} tabIndex={-1}>
          转人工队列
        </h1>
        <button type="button" className="button button-quiet" onClick={() => void load()}>
          刷新
        </button>
      </div>
      <div className="card stack">
        <p role="status">
          {presence === null
            ? '正在读取接待状态…'
            : presence.available
              ? `${user.name ?? '您'}正在接待转人工：新的转接会排进下面的队列。`
              : `${user.name ?? '您'}现在没有接待转人工：没有坐席接待时，小助手会请用户预约回电。`}
        </p>
        <div className="button-row">
          <button
            type="button"
            className={presence?.available ? 'button button-secondary' : 'button'}
            onClick={() => void toggle()}
            disabled={busy || presence === null}
            aria-pressed={presence?.available ?? false}
          >
            {presence?.available ? '暂停接待' : '开始接待'}
          </button>
        </div>
      </div>
      <ErrorNote message={error} />
      <h2 className="list-heading">
        等待中：{waiting.length} 位{waiting.length > 1 ? '，等待最久的在前' : ''}
      </h2>
      {queue === null ? (
        <p className="muted">正在读取队列…</p>
      ) : waiting.length === 0 ? (
        <p className="muted">现在没有等待的转人工或预约回电。</p>
      ) : (
        <ol className="queue" aria-label="等待中的对话">
          {waiting.map((q) => (
            <QueueRow key={q.id} item={q} />
          ))}
        </ol>
      )}
      {open.length > 0 && (
        <>
          <h2 className="list-heading">接待中：{open.length} 位</h2>
          <ol className="queue" aria-label="接待中的对话">
            {open.map((q) => (
              <QueueRow key={q.id} item={q} />
            ))}
          </ol>
        </>
      )}
      <div className="two-columns">
        <AgentAssist />
        <CallerLookup />
      </div>
    </section>
  );
}

function QueueRow({ item: q }: { item: QueueItem }) {
  return (
    <li className="queue-item">
      <a href={hrefOf({ page: 'agent-conversation', id: q.id })} onClick={followLink} className="queue-link">
        <span className="queue-name">{q.kind === 'callback' ? '预约回电' : '在线转人工'}</span>
        <span className="badge">{q.stateName}</span>
      </a>
      <dl className="facts">
        {q.waitingSince && (
          <div>
            <dt>等待</dt>
            <dd>{waitedText(q.waitingSeconds)}</dd>
          </div>
        )}
        {q.reason && (
          <div>
            <dt>原因</dt>
            <dd>{q.reason}</dd>
          </div>
        )}
        {q.callback && (
          <div>
            <dt>回电</dt>
            <dd>
              {q.callback.window}，<span className="mono">{q.callback.phoneMasked}</span>
            </dd>
          </div>
        )}
        {q.assignee && (
          <div>
            <dt>接待客服</dt>
            <dd>{q.assignee.name ?? '客服'}</dd>
          </div>
        )}
        {q.lastMessage && (
          <div>
            <dt>最近的问题</dt>
            <dd>{q.lastMessage}</dd>
          </div>
        )}
        {q.slots.length > 0 && (
          <div>
            <dt>已知情况</dt>
            <dd>{q.slots.map((s) => `${s.label}：${s.text}`).join('；')}</dd>
          </div>
        )}
      </dl>
    </li>
  );
}
