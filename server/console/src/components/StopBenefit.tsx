// Stopping a benefit (officers): the last day of care and the reason, then a second, explicit confirmation,
// since a stopped benefit cannot be changed or resumed (a new application is needed).
import { useId, useState } from 'react';
import { api, type Benefit } from '../api';
import { chineseDate, shanghaiDate } from '../format';
import { ActionForm, InputField, Opens, type Opened, ReasonField, useAction, useFocusWhen } from './Form';
import { ErrorNote } from './Notice';

/** The "终止待遇" button; the form is mounted afresh each time it opens. */
export function StopBenefit({ benefit, onStopped }: { benefit: Benefit; onStopped: (on: string) => void }) {
  return (
    <Opens
      label="终止待遇"
      className="button button-secondary"
      onDone={onStopped}
      form={(opened) => <StopForm benefit={benefit} {...opened} />}
    />
  );
}

function StopForm({
  benefit: b,
  onCancel,
  onDone,
}: {
  benefit: Benefit;
} & Opened<string>) {
  const id = useId();
  const [on, setOn] = useState(shanghaiDate(new Date()));
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const { errors, error, busy, check, send } = useAction();
  const confirmHeading = useFocusWhen<HTMLHeadingElement>(confirming);

  function review() {
    const missing: Record<string, string> = {};
    if (!on) missing.on = '请选择享受待遇的最后一天。';
    if (!reason.trim()) missing.reason = '请写明终止的原因。';
    if (check(missing, '还有内容没有填写，请看下面的提示。')) setConfirming(true);
  }

  async function stop() {
    if (await send(() => api.stopBenefit(b.id, { on, reason: reason.trim() }))) onDone(on);
    else setConfirming(false);
  }

  if (confirming) {
    return (
      <div className="inline-form stack confirm" role="group" aria-labelledby={`${id}-confirm-title`}>
        <h3 id={`${id}-confirm-title`} ref={confirmHeading} tabIndex={-1}>
          确认终止{b.person.name}的长护待遇？
        </h3>
        <p data-field="stop-summary">
          待遇享受至{chineseDate(on)}，原因：{reason.trim()}
        </p>
        <p>
          {
            '终止后不能再变更、暂停或恢复；如需再次享受待遇，须重新申请。已结算的月份如包含终止日之后的日子，系统会重新结算。参保人和家属会收到通知。'
          }
        </p>
        <ErrorNote message={error} />
        <div className="button-row">
          <button type="button" className="button button-danger" onClick={() => void stop()} disabled={busy}>
            {busy ? '正在终止…' : '确认终止待遇'}
          </button>
          <button type="button" className="button button-quiet" onClick={() => setConfirming(false)} disabled={busy}>
            返回修改
          </button>
        </div>
      </div>
    );
  }

  return (
    <ActionForm
      title="终止待遇"
      error={error}
      busy={busy}
      submit="下一步：确认"
      submitClass="button button-secondary"
      onSubmit={review}
      onCancel={onCancel}
    >
      <InputField
        id={`${id}-on`}
        label="享受待遇的最后一天"
        type="date"
        min={b.approvalDate}
        value={on}
        onValue={setOn}
        error={errors.on}
      />
      <ReasonField id={`${id}-reason`} label="终止原因" value={reason} onValue={setReason} error={errors.reason} />
    </ActionForm>
  );
}
