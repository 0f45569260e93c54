import { useId, useState } from 'react';
import { api, type ApplicationSummary, type MoveRequest, type Named } from '../api';
import { shanghaiDate } from '../format';
import { MOVES, type MoveId } from '../labels';
import { ActionForm, InputField, ReasonField, SelectField, useAction } from './Form';

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
  const { errors, error, busy, check, send } = useAction();
  const today = shanghaiDate(new Date());

  async function submit() {
    const missing: Record<string, string> = {};
    if (requires.includes('reason') && !reason.trim()) missing.reason = '请填写这一项。';
    if (requires.includes('grade') && !grade) missing.grade = '请选择失能等级。';
    if (requires.includes('scheduledFor') && !scheduledFor) missing.scheduledFor = '请选择上门评估的日期。';
    if (!check(missing, '还有内容没有填写，请看下面的提示。')) return;
    const body: MoveRequest = { move };
    if (requires.includes('reason')) body.reason = reason.trim();
    if (requires.includes('grade')) body.grade = grade;
    if (requires.includes('scheduledFor')) body.scheduledFor = scheduledFor;
    await send(async () => onMoved(await api.move(application.id, body)), requires);
  }

  return (
    <ActionForm
      title={MOVES[move].label}
      intro={HELP[move]}
      className="move-form stack"
      error={error}
      busy={busy}
      submit={`确认${MOVES[move].label}`}
      busyText="正在办理…"
      onSubmit={() => void submit()}
      onCancel={onCancel}
    >
      {requires.includes('scheduledFor') && (
        <InputField
          id={`${id}-date`}
          label="上门评估日期"
          type="date"
          min={today}
          value={scheduledFor}
          onValue={setScheduledFor}
          error={errors.scheduledFor}
        />
      )}
      {requires.includes('grade') && (
        <SelectField
          id={`${id}-grade`}
          label={move === 'reassess' ? '复评的失能等级' : '失能等级'}
          value={grade}
          onValue={setGrade}
          error={errors.grade}
          options={
            <>
              <option value="">请选择</option>
              {grades.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </>
          }
        />
      )}
      {requires.includes('reason') && (
        <ReasonField
          id={`${id}-reason`}
          label={REASON_LABELS[move] ?? '原因'}
          rows={3}
          value={reason}
          onValue={setReason}
          error={errors.reason}
          extra={<p className="hint">{reason.length}/200 字</p>}
        />
      )}
    </ActionForm>
  );
}
