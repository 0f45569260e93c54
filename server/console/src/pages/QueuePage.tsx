import { useCallback, useEffect, useRef, useState } from 'react';
import { api, messageOf, type ApplicationSummary, type User } from '../api';
import { ErrorNote } from '../components/Notice';
import { chineseDate, dayText, daysSince } from '../format';
import { QUEUE_STATES, REGION_NAMES, STATE_NAMES } from '../labels';
import { followLink, hrefOf } from '../router';

type QueueState = (typeof QUEUE_STATES)[number];
const DEFAULT_STATE: QueueState = 'submitted';
/** Decided applications no longer wait for anyone. */
const DECIDED = ['approved', 'rejected'];

const waitingText = (days: number) => (days === 0 ? '今天提交' : `已等 ${days} 天`);

function isQueueState(s: string | null): s is QueueState {
  return (QUEUE_STATES as readonly string[]).includes(s ?? '');
}

export function QueuePage({ state, user }: { state: string | null; user: User }) {
  const current: QueueState = isQueueState(state) ? state : DEFAULT_STATE;
  const [all, setAll] = useState<ApplicationSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setAll(await api.applications());
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => heading.current?.focus(), []);

  // The server lists oldest first (by submission); keep that order inside each state.
  const inState = (all ?? []).filter((a) => a.state === current);
  const count = (s: string) => (all ?? []).filter((a) => a.state === s).length;

  return (
    <section>
      <div className="title-row">
        <h1 ref={heading} tabIndex={-1}>
          {user.role === 'officer' ? '待办队列' : '申请查询'}
        </h1>
        <button type="button" className="button button-quiet" onClick={() => void load()} disabled={loading}>
          {loading ? '正在刷新…' : '刷新'}
        </button>
      </div>
      <nav aria-label="按办理状态查看">
        <ul className="tabs">
          {QUEUE_STATES.map((s) => (
            <li key={s}>
              <a
                href={hrefOf({ page: 'queue', state: s })}
                onClick={followLink}
                className="tab"
                aria-current={s === current ? 'page' : undefined}
              >
                {STATE_NAMES[s]}
                {all && <span className="count">{count(s)}</span>}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <ErrorNote message={error} />
      {all === null && !error && <p className="muted">正在读取申请…</p>}
      {all && (
        <>
          <h2 className="list-heading">
            {STATE_NAMES[current]}：{inState.length} 份{inState.length > 1 ? '，最早提交的在前' : ''}
          </h2>
          {inState.length === 0 ? (
            <p className="muted">这个状态下暂时没有申请。</p>
          ) : (
            <ol className="queue" aria-label={`${STATE_NAMES[current]}的申请`}>
              {inState.map((a) => (
                <QueueItem key={a.id} application={a} />
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}

function QueueItem({ application: a }: { application: ApplicationSummary }) {
  const regionName = REGION_NAMES[a.person.region as keyof typeof REGION_NAMES] ?? a.person.region;
  return (
    <li className="queue-item">
      <a href={hrefOf({ page: 'application', id: a.id })} onClick={followLink} className="queue-link">
        <span className="queue-name">{a.person.name}</span>
        <span className="badge">{a.stateName}</span>
      </a>
      <dl className="facts">
        <div>
          <dt>身份证号</dt>
          <dd className="mono">{a.person.idNumberMasked}</dd>
        </div>
        <div>
          <dt>统筹区</dt>
          <dd>{regionName}</dd>
        </div>
        <div>
          <dt>护理方式</dt>
          <dd>{a.careModeName ?? '未选择'}</dd>
        </div>
        {a.submittedAt && (
          <div>
            <dt>提交时间</dt>
            <dd>
              {dayText(a.submittedAt)}
              {!DECIDED.includes(a.state) && `（${waitingText(daysSince(a.submittedAt))}）`}
            </dd>
          </div>
        )}
        {a.scheduledFor && (
          <div>
            <dt>上门评估</dt>
            <dd>{chineseDate(a.scheduledFor)}</dd>
          </div>
        )}
        {a.gradeName && (
          <div>
            <dt>评估等级</dt>
            <dd>{a.gradeName}</dd>
          </div>
        )}
        {a.objectionDeadline && (
          <div>
            <dt>复评截止</dt>
            <dd>{chineseDate(a.objectionDeadline)}</dd>
          </div>
        )}
      </dl>
    </li>
  );
}
