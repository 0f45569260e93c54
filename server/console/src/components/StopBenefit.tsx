// Stopping a benefit (officers): the last day of care and the reason, then a second, explicit confirmation,
// since a stopped benefit cannot be changed or resumed (a new application is needed).
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { api, ApiError, messageOf, type Benefit } from '../api';
import { chineseDate, shanghaiDate } from '../format';
import { ErrorNote } from './Notice';

/** The "终止待遇" button; the form is mounted afresh each time it opens. */
export function StopBenefit({ benefit, onStopped }: { benefit: Benefit; onStopped: (on: string) => void }) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
        终止待遇
      </button>
    );
  }
  return (
    <StopForm
      benefit={benefit}
      onCancel={() => setOpen(false)}
      onStopped={(on) => {
        setOpen(false);
        onStopped(on);
      }}
    />
  );
}

function StopForm({
  benefit: b,
  onCancel,
  onStopped,
}: {
  benefit: Benefit;
  onCancel: () => void;
  onStopped: (on: string) => void;
}) {
  const id = useId();
  const [on, setOn] = useState(shanghaiDate(new Date()));
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const confirmHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (confirming) confirmHeading.current?.focus();
  }, [confirming]);

  function review(event: FormEvent) {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!on) missing.on = '请选择享受待遇的最后一天。';
    if (!reason.trim()) missing.reason = '请写明终止的原因。';
    setErrors(missing);
    if (Object.keys(missing).length) {
      setError('还有内容没有填写，请看下面的提示。');
      return;
    }
    setError(null);
    setConfirming(true);
  }

  async function stop() {
    setBusy(true);
    setError(null);
    try {
      await api.stopBenefit(b.id, { on, reason: reason.trim() });
      onStopped(on);
    } catch (err) {
      setError(messageOf(err));
      if (err instanceof ApiError) setErrors(Object.fromEntries(err.details.map((d) => [d.path, d.message])));
      setConfirming(false);
      setBusy(false);
    }
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

  const fieldError = (name: string) =>
    errors[name] ? (
      <p className="field-error" id={`${id}-${name}-error`}>
        {errors[name]}
      </p>
    ) : null;

  return (
    <form className="inline-form stack" onSubmit={review} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>终止待遇</h3>
      <div className="field">
        <label htmlFor={`${id}-on`}>享受待遇的最后一天</label>
        <input
          id={`${id}-on`}
          type="date"
          min={b.approvalDate}
          value={on}
          aria-invalid={Boolean(errors.on)}
          aria-describedby={errors.on ? `${id}-on-error` : undefined}
          onChange={(e) => setOn(e.target.value)}
        />
        {fieldError('on')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-reason`}>终止原因</label>
        <textarea
          id={`${id}-reason`}
          rows={2}
          maxLength={200}
          value={reason}
          aria-invalid={Boolean(errors.reason)}
          aria-describedby={errors.reason ? `${id}-reason-error` : undefined}
          onChange={(e) => setReason(e.target.value)}
        />
        {fieldError('reason')}
      </div>
      <ErrorNote message={error} />
      <div className="button-row">
        <button type="submit" className="button button-secondary">
          下一步：确认
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          取消
        </button>
      </div>
    </form>
  );
}
