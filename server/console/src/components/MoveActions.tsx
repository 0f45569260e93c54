import { useId, useState } from 'react';
import { api, type ApplicationSummary, type MoveAction, type MoveRequest, type Named } from '../api';
import { chineseDate, shanghaiDate } from '../format';
import { ActionForm, InputField, ReasonField, SelectField, useAction } from './Form';

// The moves, their words and what each needs come from the application (`actions`); the console adds help
// and the safeguards an officer needs on a busy day (a reason to accept without materials, no grade before
// the visit day, the publicity's last day).

/** What each move does, in the officer's words; shown above its confirm button. */
const HELP: Partial<Record<string, string>> = {
  accept: '确认材料齐全，受理这份申请，然后安排上门评估。',
  return: '写明需要补充哪些材料，申请人会在消息里看到，补齐后可以重新提交。',
  schedule: '选择上门评估的日期，申请人会收到通知。',
  assess: '按上门评估的结论选择失能等级。',
  publicize:
    '公示评估结论，并定下公示期的最后一天（公示期多长由当地确定）。公示期间申请人有异议可以申请复评，公示结束后才能核准或不予核准。',
  approve: '核准后会通知申请人，系统同时算出复评截止日期和待遇开始的月份。',
  reject: '写明不予核准的理由，申请人会收到通知。',
  reassess: '按复评的结论选择失能等级。',
};

const REASON_LABELS: Partial<Record<string, string>> = {
  return: '需要补充的材料',
  reject: '不予核准的理由',
  accept: '没有材料仍受理的原因',
};

/**
 * The buttons of a step that waits for a day (the server leaves it out of `actions` and says why in
 * `waitingFor`): shown, disabled, so the officer sees what comes next and when.
 */
function waitingLabels(application: ApplicationSummary): string[] {
  if (!application.waitingFor) return [];
  if (application.state === 'publicized') return ['核准', '不予核准'];
  if (application.state === 'assessment-scheduled') return ['录入评估等级'];
  return [];
}

interface Props {
  application: ApplicationSummary;
  grades: Named[];
  onMoved: (updated: ApplicationSummary, action: MoveAction) => void;
}

/** What a move needs in this console: the server's fields, and a reason to accept with no materials. */
export function requiresOf(action: MoveAction, application: ApplicationSummary): string[] {
  const requires = [...action.requires];
  if (action.move === 'accept' && application.materialCount === 0 && !requires.includes('reason')) {
    requires.push('reason');
  }
  if (action.move === 'publicize' && !requires.includes('publicityEndsOn')) requires.push('publicityEndsOn');
  return requires;
}

export function MoveActions({ application, grades, onMoved }: Props) {
  const actions = application.actions;
  const [open, setOpen] = useState<string | null>(null);
  const waitingId = useId();
  const waiting = waitingLabels(application).filter((label) => !actions.some((a) => a.label === label));
  const opened = actions.find((a) => a.move === open);

  if (!actions.length && !waiting.length) {
    return <p className="muted">这份申请现在没有需要您办理的事项。</p>;
  }
  return (
    <div className="stack">
      {application.waitingFor && (
        <p className="notice notice-warn" id={waitingId} data-testid="waiting-for">
          {application.waitingFor}
        </p>
      )}
      <div className="move-buttons" role="group" aria-label="可办理的操作">
        {actions.map((a) => (
          <button
            key={a.move}
            type="button"
            className={`button ${a.move === 'reject' || a.move === 'return' ? 'button-secondary' : ''}`}
            aria-expanded={open === a.move}
            onClick={() => setOpen(open === a.move ? null : a.move)}
          >
            {a.label}
          </button>
        ))}
        {waiting.map((label) => (
          <button key={label} type="button" className="button" disabled aria-describedby={waitingId}>
            {label}（{application.state === 'publicized' ? '公示结束后' : '上门评估之后'}）
          </button>
        ))}
      </div>
      {opened && (
        <MoveForm
          key={opened.move}
          action={opened}
          application={application}
          grades={grades}
          onCancel={() => setOpen(null)}
          onMoved={(updated) => {
            setOpen(null);
            onMoved(updated, opened);
          }}
        />
      )}
    </div>
  );
}

function MoveForm({
  action,
  application,
  grades,
  onCancel,
  onMoved,
}: {
  action: MoveAction;
  application: ApplicationSummary;
  grades: Named[];
  onCancel: () => void;
  onMoved: (updated: ApplicationSummary) => void;
}) {
  const move = action.move;
  const requires = requiresOf(action, application);
  const id = useId();
  const [reason, setReason] = useState('');
  const [grade, setGrade] = useState('');
  const [scheduledFor, setScheduledFor] = useState('');
  const [publicityEndsOn, setPublicityEndsOn] = useState('');
  const { errors, error, busy, check, send } = useAction();
  const today = shanghaiDate(new Date());
  const withoutMaterials = move === 'accept' && application.materialCount === 0;
  // The grade is what the visit found: not before the visit day (the server refuses it too).
  const visitAhead = move === 'assess' && application.scheduledFor !== null && application.scheduledFor > today;

  async function submit() {
    if (visitAhead) return;
    const missing: Record<string, string> = {};
    if (requires.includes('reason') && !reason.trim()) {
      missing.reason = withoutMaterials ? '这份申请还没有材料，请写明仍要受理的原因。' : '请填写这一项。';
    }
    if (requires.includes('grade') && !grade) missing.grade = '请选择失能等级。';
    if (requires.includes('scheduledFor') && !scheduledFor) missing.scheduledFor = '请选择上门评估的日期。';
    if (requires.includes('publicityEndsOn')) {
      if (!publicityEndsOn) missing.publicityEndsOn = '请选择公示期的最后一天。';
      else if (publicityEndsOn < today)
        missing.publicityEndsOn = `公示期的最后一天不能早于今天（${chineseDate(today)}）。`;
    }
    if (!check(missing, '还有内容没有填写，请看下面的提示。')) return;
    const body: MoveRequest = { move };
    if (requires.includes('reason')) body.reason = reason.trim();
    if (requires.includes('grade')) body.grade = grade;
    if (requires.includes('scheduledFor')) body.scheduledFor = scheduledFor;
    if (requires.includes('publicityEndsOn')) body.publicityEndsOn = publicityEndsOn;
    await send(async () => onMoved(await api.move(application.id, body)), requires);
  }

  if (visitAhead) {
    return (
      <section className="move-form stack" aria-label={action.label}>
        <p className="notice notice-warn" data-testid="visit-ahead">
          上门评估安排在{chineseDate(application.scheduledFor!)}，评估之后才能录入评估等级。
        </p>
        <div className="button-row">
          <button type="button" className="button" disabled>
            确认{action.label}
          </button>
          <button type="button" className="button button-quiet" onClick={onCancel}>
            取消
          </button>
        </div>
      </section>
    );
  }

  return (
    <ActionForm
      title={action.label}
      intro={
        withoutMaterials
          ? '这份申请还没有上传任何材料。确认材料已在窗口等处核对过，再写明原因后受理；原因会记入办理记录。'
          : HELP[move]
      }
      className="move-form stack"
      error={error}
      busy={busy}
      submit={`确认${action.label}`}
      busyText="正在办理…"
      onSubmit={() => void submit()}
      onCancel={onCancel}
    >
      {requires.includes('publicityEndsOn') && (
        <InputField
          id={`${id}-publicity`}
          label="公示期的最后一天"
          type="date"
          min={today}
          value={publicityEndsOn}
          onValue={setPublicityEndsOn}
          error={errors.publicityEndsOn}
          hint={errors.publicityEndsOn ? undefined : '公示期多长由当地确定；这一天（含）之后才能核准或不予核准。'}
        />
      )}
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
