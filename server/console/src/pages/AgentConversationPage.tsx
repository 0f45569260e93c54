import { useCallback, useEffect, useState } from 'react';
import { yuanText } from '@changhu/rules';
import { messageOf, type User } from '../api';
import { agentApi, type BotResult, type Conversation, type TranscriptMessage } from '../agentApi';
import { INTENT_NAMES, OUTCOMES, waitedText } from '../agentLabels';
import { ErrorNote, StatusNote } from '../components/Notice';
import { SelectField, TextAreaField } from '../components/Form';
import { usePage } from '../page';
import './agent.css';
import { followLink, hrefOf } from '../router';

const REFRESH_MS = 4000;
const FROM: Record<TranscriptMessage['from'], string> = { user: '用户', bot: '小助手', agent: '客服' };
const timeText = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', {
    timeZone: 'Asia/Shanghai',
    hour12: false,
    dateStyle: 'short',
    timeStyle: 'short',
  });

/** One hand-off: its transcript with the bot's reading of each message, what was computed, and the agent's actions. */
export function AgentConversationPage({ id, user }: { id: string; user: User }) {
  const fetch = useCallback(() => agentApi.conversation(id), [id]);
  const { data: conv, setData, error, setError, done, setDone, heading, doneNote } = usePage(fetch);
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState('answered');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const timer = setInterval(() => {
      agentApi
        .conversation(id)
        .then(setData)
        .catch(() => {});
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [id, setData]);

  async function act(run: () => Promise<Conversation>, said: string) {
    setBusy(true);
    setError(null);
    try {
      setData(await run());
      setDone(said);
      return true;
    } catch (err) {
      setError(messageOf(err));
      return false;
    } finally {
      setBusy(false);
    }
  }

  if (!conv) {
    return (
      <section>
        <ErrorNote message={error} />
        {!error && <p className="muted">正在读取对话…</p>}
      </section>
    );
  }
  const mine = conv.state === 'open' && conv.assignee?.id === user.id;

  return (
    <section className="stack">
      <p>
        <a href={hrefOf({ page: 'agent' })} onClick={followLink} className="back">
          回到转人工队列
        </a>
      </p>
      <div className="title-row">
        <h1 ref={heading} tabIndex={-1}>
          {conv.kind === 'callback' ? '预约回电' : '在线转人工'}
        </h1>
        <span className="badge badge-large">{conv.stateName}</span>
      </div>
      <dl className="facts card">
        {conv.reason && (
          <div>
            <dt>原因</dt>
            <dd>{conv.reason}</dd>
          </div>
        )}
        {conv.waitingSince && conv.state === 'pending' && (
          <div>
            <dt>等待</dt>
            <dd>{waitedText(conv.waitingSeconds)}</dd>
          </div>
        )}
        {conv.callback && (
          <div>
            <dt>回电</dt>
            <dd>
              {conv.callback.window}，
              {conv.callbackPhone ? (
                <a href={`tel:${conv.callbackPhone}`} className="mono">
                  {conv.callbackPhone}
                </a>
              ) : (
                <span className="mono">{conv.callback.phoneMasked}</span>
              )}
            </dd>
          </div>
        )}
        {conv.assignee && (
          <div>
            <dt>接待客服</dt>
            <dd>{conv.assignee.name ?? '客服'}</dd>
          </div>
        )}
        <div>
          <dt>用户</dt>
          <dd>{conv.signedIn ? '已登录' : '未登录'}</dd>
        </div>
        {conv.outcomeName && (
          <div>
            <dt>处理结果</dt>
            <dd>{conv.outcomeName}</dd>
          </div>
        )}
      </dl>
      <ErrorNote message={error} />
      {done && <StatusNote ref={doneNote}>{done}</StatusNote>}

      <div className="button-row">
        {conv.state === 'pending' && (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void act(() => agentApi.take(id), '已接手，用户会看到您的回复。')}
          >
            接手
          </button>
        )}
        {mine && (
          <button
            type="button"
            className="button button-quiet"
            disabled={busy}
            onClick={() => void act(() => agentApi.release(id), '已交回小助手。')}
          >
            交回小助手
          </button>
        )}
      </div>

      <section className="card stack" aria-labelledby="slots-title">
        <h2 id="slots-title">已知情况</h2>
        {conv.slots.length === 0 ? (
          <p className="muted">用户还没有说具体情况。</p>
        ) : (
          <dl className="facts" aria-label="已知情况">
            {conv.slots.map((s) => (
              <div key={s.slot}>
                <dt>{s.label}</dt>
                <dd>{s.text}</dd>
              </div>
            ))}
          </dl>
        )}
        {conv.results.length > 0 && (
          <>
            <h3>小助手算出的结果</h3>
            <ul className="stack">
              {conv.results.map((r) => (
                <li key={r.form}>
                  <ResultLine result={r} />
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className="stack" aria-labelledby="transcript-title">
        <h2 id="transcript-title">对话记录</h2>
        <ol className="transcript" aria-label="对话记录">
          {conv.messages.map((m) => (
            <li key={m.id} className={`transcript-message transcript-${m.from}`}>
              <p className="muted">
                {m.from === 'agent' && m.authorName ? `客服 ${m.authorName}` : FROM[m.from]} · {timeText(m.at)}
              </p>
              <p className="transcript-text">{m.text}</p>
              {m.from === 'user' && m.intent && (
                <p className="hint">
                  意图：{INTENT_NAMES[m.intent] ?? m.intent}（置信度 {(m.score ?? 0).toFixed(2)}）
                  {m.slots && m.slots.length > 0 && `；已知：${m.slots.map((s) => `${s.label} ${s.text}`).join('，')}`}
                </p>
              )}
              {m.citations.length > 0 && <p className="hint">依据：{m.citations.map((c) => c.name).join('；')}</p>}
            </li>
          ))}
        </ol>
      </section>

      {mine && (
        <form
          className="card stack"
          onSubmit={(e) => {
            e.preventDefault();
            if (!text.trim()) {
              setError('请输入回复的内容。');
              return;
            }
            void act(() => agentApi.reply(id, text.trim()), '已发送，用户会在对话里看到。').then((ok) => {
              if (ok) setText('');
            });
          }}
          noValidate
        >
          <TextAreaField id="agent-reply" label="回复用户" value={text} onValue={setText} rows={3} />
          <div className="button-row">
            <button type="submit" className="button" disabled={busy}>
              发送
            </button>
          </div>
        </form>
      )}

      {(conv.state === 'pending' || mine) && (
        <form
          className="card stack"
          onSubmit={(e) => {
            e.preventDefault();
            void act(() => agentApi.close(id, outcome, note.trim() || undefined), '已结束本次服务。');
          }}
          noValidate
        >
          <h2>结束服务</h2>
          <SelectField
            id="close-outcome"
            label="处理结果"
            value={outcome}
            onValue={setOutcome}
            options={OUTCOMES.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          />
          <TextAreaField id="close-note" label="备注（可不填）" value={note} onValue={setNote} rows={2} />
          <div className="button-row">
            <button type="submit" className="button button-secondary" disabled={busy}>
              结束服务
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

/** A computed answer in one line: the estimate's figures as the rules gave them, else what it was about. */
function ResultLine({ result }: { result: BotResult }) {
  const out = (result.output ?? {}) as Record<string, unknown>;
  const fen = (k: string) => (typeof out[k] === 'number' ? yuanText(out[k] as number) : null);
  const parts = [
    fen('fundPaysFen') && `基金支付 ${fen('fundPaysFen')}`,
    fen('personPaysFen') && `个人负担 ${fen('personPaysFen')}`,
    fen('indicativeFundPaysFen') && `基金约支付 ${fen('indicativeFundPaysFen')}（参考）`,
    typeof out.deadline === 'string' && `截止 ${out.deadline}`,
    typeof out.verdict === 'string' &&
      `结论 ${out.verdict === 'eligible' ? '可以享受' : out.verdict === 'not-eligible' ? '不能享受' : out.verdict === 'apply-for-assessment' ? '需先申请评估' : '需当地确认'}`,
  ].filter(Boolean);
  return (
    <p>
      <strong>{result.title}</strong>
      {parts.length ? `：${parts.join('，')}` : ''}（{timeText(result.at)}）
    </p>
  );
}
