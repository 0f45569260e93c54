// A change of care mode or designated provider, booked for the next month: the server takes it from the 1st
// of the next month (or the start month, if the benefit has not started yet). The modes are those the region
// offers in that month (GET /regions/:region/care-modes, from the rules module). The plan items belong to the
// benefit, not to a month, so a change of items applies at once; they are sent only when the officer changed
// them, never dropped because another provider does not post them.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { api, ApiError, messageOf, type Benefit, type Provider, type RegionModes } from '../api';
import { monthText, nextMonthOf, shanghaiDate } from '../format';
import { ErrorNote } from './Notice';

/** The month a change booked today takes effect, as the server computes it (it has the last word). */
export function changeMonthOf(b: Benefit, today = shanghaiDate(new Date())): string {
  const next = nextMonthOf(today.slice(0, 7));
  return next < b.startMonth ? b.startMonth : next;
}

/** The plan in force in a month: the latest one that starts in or before it (a booked change included). */
function planIn(b: Benefit, month: string) {
  const sorted = [...b.plans].sort((x, y) => x.fromMonth.localeCompare(y.fromMonth));
  return sorted.filter((p) => p.fromMonth <= month).pop() ?? b.current;
}

const sameItems = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** The "变更护理方式或机构" button; the form is mounted afresh each time it opens. */
export function PlanChange({ benefit, onChanged }: { benefit: Benefit; onChanged: (message: string) => void }) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button type="button" className="button button-quiet" onClick={() => setOpen(true)}>
        变更护理方式或机构
      </button>
    );
  }
  return (
    <PlanChangeForm
      benefit={benefit}
      onCancel={() => setOpen(false)}
      onChanged={(message) => {
        setOpen(false);
        onChanged(message);
      }}
    />
  );
}

function PlanChangeForm({
  benefit: b,
  onCancel,
  onChanged,
}: {
  benefit: Benefit;
  onCancel: () => void;
  onChanged: (message: string) => void;
}) {
  const id = useId();
  const month = changeMonthOf(b);
  const before = planIn(b, month);
  const [providers, setProviders] = useState<Provider[] | null>(null);
  const [regionModes, setRegionModes] = useState<RegionModes | null>(null);
  const [mode, setMode] = useState(before.careMode);
  const [providerId, setProviderId] = useState(before.providerId);
  const [planItems, setPlanItems] = useState<string[]>(b.planItems);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    Promise.all([api.providers({ region: b.region }), api.regionCareModes(b.region, month)])
      .then(([list, modes]) => {
        setProviders(list);
        setRegionModes(modes);
      })
      .catch((err: unknown) => setError(messageOf(err)));
  }, [b.region, month]);

  const modes = regionModes?.offered ?? [];
  const offering = (providers ?? []).filter((p) => p.careModes.includes(mode));
  const chosen = offering.find((p) => p.id === providerId) ?? null;
  // The plan's items and those the chosen provider posts, to tick or untick.
  const itemChoices = [...new Set([...b.planItems, ...(chosen?.items.map((i) => i.name) ?? [])])];
  const mark = before.scheduled ? '（已安排）' : '（现在的）';

  function chooseProvider(next: string) {
    setProviderId(next);
    setErrors({});
    setError(null);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!mode) missing.careMode = '请选择护理方式。';
    if (!chosen) missing.providerId = '请选择定点机构。';
    setErrors(missing);
    if (Object.keys(missing).length) {
      setError('还有内容没有选择，请看下面的提示。');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const updated = await api.changePlan(b.id, {
        careMode: mode,
        providerId,
        ...(sameItems(planItems, b.planItems) ? {} : { planItems }),
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      const booked = updated.plans.find((p) => p.scheduled) ?? updated.current;
      onChanged(
        `已安排变更：${monthText(booked.fromMonth)}1日起${booked.careModeName}，${booked.providerName}。家属会收到通知。`,
      );
    } catch (err) {
      setError(messageOf(err));
      if (err instanceof ApiError) setErrors(Object.fromEntries(err.details.map((d) => [d.path, d.message])));
      setBusy(false);
    }
  }

  const fieldError = (name: string) =>
    errors[name] ? (
      <p className="field-error" id={`${id}-${name}-error`}>
        {errors[name]}
      </p>
    ) : null;

  return (
    <form className="inline-form stack" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>变更护理方式或机构</h3>
      <p className="muted">
        {`同一时间只能享受一种护理方式。变更从${monthText(month)}1日起生效，这个月仍按现在的方式和机构；在生效前再次变更，会替换这次安排。`}
      </p>
      {(providers === null || regionModes === null) && !error && (
        <p className="muted">正在读取本统筹区的护理方式和定点机构…</p>
      )}
      {providers && regionModes && (
        <>
          <div className="field">
            <label htmlFor={`${id}-mode`}>护理方式（{monthText(month)}起）</label>
            <select
              id={`${id}-mode`}
              value={mode}
              aria-invalid={Boolean(errors.careMode)}
              aria-describedby={errors.careMode ? `${id}-careMode-error` : undefined}
              onChange={(e) => {
                setMode(e.target.value);
                chooseProvider('');
              }}
            >
              {!modes.some((m) => m.id === mode) && <option value="">请选择</option>}
              {modes.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                  {m.id === before.careMode ? mark : ''}
                </option>
              ))}
            </select>
            {regionModes.notOffered.length > 0 && (
              <p className="hint">
                {regionModes.regionName}在{monthText(month)}不提供{regionModes.notOffered.map((m) => m.name).join('、')}
                。
              </p>
            )}
            {fieldError('careMode')}
          </div>
          <div className="field">
            <label htmlFor={`${id}-provider`}>定点机构</label>
            <select
              id={`${id}-provider`}
              value={providerId}
              aria-invalid={Boolean(errors.providerId)}
              aria-describedby={errors.providerId ? `${id}-providerId-error` : undefined}
              onChange={(e) => chooseProvider(e.target.value)}
            >
              <option value="">请选择</option>
              {offering.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}（{p.districtName ?? p.regionName}）{p.id === before.providerId ? mark : ''}
                </option>
              ))}
            </select>
            {mode && offering.length === 0 && <p className="hint">本统筹区还没有登记提供这种护理方式的定点机构。</p>}
            {chosen && (
              <p className="hint" data-field="chosen-provider">
                {chosen.address}；电话 {chosen.phone}；空余名额 {chosen.freePlaces} / {chosen.capacity}
              </p>
            )}
            {fieldError('providerId')}
          </div>
          {itemChoices.length > 0 && (
            <fieldset className="choices" aria-describedby={`${id}-items-hint`}>
              <legend>服务计划中的项目</legend>
              <p className="hint" id={`${id}-items-hint`}>
                项目的调整从现在起生效，不随护理方式的变更月份；计划外的项目由个人自费。
              </p>
              {itemChoices.map((name) => (
                <label key={name} className="choice">
                  <input
                    type="checkbox"
                    checked={planItems.includes(name)}
                    onChange={(e) =>
                      setPlanItems(e.target.checked ? [...planItems, name] : planItems.filter((n) => n !== name))
                    }
                  />
                  {name}
                </label>
              ))}
            </fieldset>
          )}
          <div className="field">
            <label htmlFor={`${id}-reason`}>变更原因（可不填）</label>
            <input id={`${id}-reason`} maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
        </>
      )}
      <ErrorNote message={error} />
      <div className="button-row">
        <button type="submit" className="button" disabled={busy || !providers || !regionModes}>
          {busy ? '正在安排…' : '确认变更'}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel} disabled={busy}>
          取消
        </button>
      </div>
    </form>
  );
}
