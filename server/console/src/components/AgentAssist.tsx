import { useState } from 'react';
import { messageOf } from '../api';
import { agentApi, type AssistAnswer, type AssistContext } from '../agentApi';
import { INTENT_NAMES } from '../agentLabels';
import { ErrorNote } from './Notice';
import { TextAreaField } from './Form';

/**
 * Agent-assist: the agent types what the caller asks and gets the bot's answer with the words of its clauses
 * to read out. A follow-up ("那机构护理呢") goes on from what the caller already said (the context).
 */
export function AgentAssist() {
  const [text, setText] = useState('');
  const [answer, setAnswer] = useState<AssistAnswer | null>(null);
  const [context, setContext] = useState<AssistContext | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function ask() {
    if (!text.trim()) {
      setError('请输入来电人的问题。');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const a = await agentApi.assist(text.trim(), context);
      setAnswer(a);
      setContext(a.context);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card stack" aria-labelledby="assist-title">
      <h2 id="assist-title">坐席辅助</h2>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void ask();
        }}
        noValidate
      >
        <TextAreaField
          id="assist-question"
          label="来电人的问题"
          hint="例如：温州居家上门护理，重度失能Ⅲ级，一个月3500元能报多少？接着问时会沿用前面说过的情况。"
          value={text}
          onValue={setText}
          rows={3}
        />
        <ErrorNote message={error} />
        <div className="button-row">
          <button type="submit" className="button" disabled={busy}>
            {busy ? '正在查找…' : '查找回答'}
          </button>
          <button
            type="button"
            className="button button-quiet"
            onClick={() => {
              setContext(undefined);
              setAnswer(null);
              setText('');
            }}
          >
            换一位来电人
          </button>
        </div>
      </form>
      {answer && (
        <div className="stack" aria-live="polite">
          <p className="muted">
            识别为：{INTENT_NAMES[answer.intent] ?? answer.intent}（置信度 {answer.score.toFixed(2)}）
          </p>
          <p className="assist-answer">{answer.reply.text}</p>
          {answer.clauses.length > 0 && (
            <div className="stack">
              <h3>可以读给来电人的条款原文</h3>
              {answer.clauses.map((c) => (
                <blockquote key={`${c.doc} ${c.clause}`} className="clause">
                  <p className="clause-title">{c.name}</p>
                  <p className="clause-text">{c.text}</p>
                </blockquote>
              ))}
            </div>
          )}
        </div>
      )}
    </section>
  );
}
