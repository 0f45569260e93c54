import { useId, useState, type FormEvent } from 'react';
import { api, ApiError, messageOf, type ApplicationSummary, type MoveRequest, type Named } from '../api';
import { shanghaiDate } from '../format';
import { MOVES, type MoveId } from '../labels';
import { ErrorNote } from './Notice';

/** What each move does, in the officer's words; shown above its confirm button. */
const HELP: Partial<Record<MoveId, string>> = {
  accept: '确认材料齐全，受理这份申请，然后安排上门评估。',
  return: '写明需要补充哪些材料，申请人会在消息里看到，补齐后可以重新提交。',
  schedule: '选择上门评估的日期，申请人会收到通知。',
  assess: '按上门评估的结论选择失能等级。',
  publicize: '公示评估结论。公示期间申请人有异议可以申请复评。',
  approve: '核准后会通知申请人，系统同时算出复评截止日期和待遇开始的月份。',
  reject: '写明不予核准的理由，申请人会收到通知。',
  reassess: '按复评的结论选择失能等级。',
};

const REASON_LABELS: Partial<Record<MoveId, string>> = {
  return: '需要补充的材料',
  reject: '不予核准的理由',
};

interface Props {
  application: ApplicationSummary;
  grades: Named[];
  onMoved: (updated: ApplicationSummary, move: MoveId) => void;
}

export function MoveActions({ application, grades, onMoved }: Props) {
  const moves = application.allowedMoves.filter((m): m is MoveId => m in MOVES);
  const [open, setOpen] = useState<MoveId | null>(null);

  if (!moves.length) {
    return <p className="muted">这份申请现在没有需要您办理的事项。</p>;
  }
  return (
    <div className="stack">
      <div className="move-buttons" role="group" aria-label="可办理的操作">
        {moves.map((m) => (
          <button
            key={m}
            type="button"
            className={`button ${m === 'reject' || m === 'return' ? 'button-secondary' : ''}`}
            aria-expanded={open === m}
            onClick={() => setOpen(open === m ? null : m)}
          >
            {MOVES[m].label}
          </button>
        ))}
      </div>
      {open && (
        <MoveForm
          key={open}
          move={open}
          application={application}
          grades={grades}
          onCancel={() => setOpen(null)}
          onMoved={(updated) => {
            setOpen(null);
            onMoved(updated, open);
          }}
        />
      )}
    </div>
  );
}

function MoveForm({
  move,
  application,
  grades,
  onCancel,
  onMoved,
}: {
  move: MoveId;
  application: ApplicationSummary;
  grades: Named[];
  onCancel: () => void;
  onMoved: (updated: ApplicationSummary) => void;
}) {
  const requires: readonly string[] = MOVES[move].requires;
  const id = useId();
  const [reason, setReason] = useState('');
  const [grade, setGrade] = useState('');
  const [scheduledFor, setScheduledFor] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const today = shanghaiDate(new Date());

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (requires.includes('reason') && !reason.trim()) missing.reason = '请填写这一项。';
    if (requires.includes('grade') && !grade) missing.grade = '请选择失能等级。';
    if (requires.includes('scheduledFor') && !scheduledFor) missing.scheduledFor = '请选择上门评估的日期。';
    setFieldErrors(missing);
    if (Object.keys(missing).length) {
      setError('还有内容没有填写，请看下面的提示。');
      return;
    }
    const body: MoveRequest = { move };
    if (requires.includes('reason')) body.reason = reason.trim();
    if (requires.includes('grade')) body.grade = grade;
    if (requires.includes('scheduledFor')) body.scheduledFor = scheduledFor;
    setBusy(true);
    setError(null);
    try {
      onMoved(await api.move(application.id, body));
    } catch (err) {
      setError(messageOf(err));
      if (err instanceof ApiError) {
        setFieldErrors(
          Object.fromEntries(err.details.filter((d) => requires.includes(d.path)).map((d) => [d.path, d.message])),
        );
      }
      setBusy(false);
    }
  }

  const fieldError = (name: string) =>
    fieldErrors[name] ? (
      <p className="field-error" id={`${id}-${name}-error`}>
        {fieldErrors[name]}
      </p>
    ) : null;
  const describedBy = (name: string) => (fieldErrors[name] ? `${id}-${name}-error` : undefined);

  return (
    <form className="move-form stack" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{MOVES[move].label}</h3>
      {HELP[move] && <p className="muted">{HELP[move]}</p>}
      {requires.includes('scheduledFor') && (
        <div className="field">
          <label htmlFor={`${id}-date`}>上门评估日期</label>
          <input
            id={`${id}-date`}
            type="date"
            min={today}
            value={scheduledFor}
            aria-invalid={Boolean(fieldErrors.scheduledFor)}
            aria-describedby={describedBy('scheduledFor')}
            onChange={(e) => setScheduledFor(e.target.value)}
          />
          {fieldError('scheduledFor')}
        </div>
      )}
      {requires.includes('grade') && (
        <div className="field">
          <label htmlFor={`${id}-grade`}>{move === 'reassess' ? '复评的失能等级' : '失能等级'}</label>
          <select
            id={`${id}-grade`}
            value={grade}
            aria-invalid={Boolean(fieldErrors.grade)}
            aria-describedby={describedBy('grade')}
            onChange={(e) => setGrade(e.target.value)}
          >
            <option value="">请选择</option>
            {grades.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
          {fieldError('grade')}
        </div>
      )}
      {requires.includes('reason') && (
        <div className="field">
          <label htmlFor={`${id}-reason`}>{REASON_LABELS[move] ?? '原因'}</label>
          <textarea
            id={`${id}-reason`}
            rows={3}
            maxLength={200}
            value={reason}
            aria-invalid={Boolean(fieldErrors.reason)}
            aria-describedby={describedBy('reason')}
            onChange={(e) => setReason(e.target.value)}
          />
          <p className="hint">{reason.length}/200 字</p>
          {fieldError('reason')}
        </div>
      )}
      <ErrorNote message={error} />
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          {busy ? '正在办理…' : `确认${MOVES[move].label}`}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel} disabled={busy}>
          取消
        </button>
      </div>
    </form>
  );
}
