// An officer records a visit (service record) for a benefit: who came, on which day from when to when, which
// items for how long, whether identity was checked first (jilin-2022 §(九)); items outside the plan are paid
// by the person, with the consent of the person or guardian recorded (jilin-2022 §(十)4). The server decides
// which provider served that day, whether the day was covered and which items are outside the plan.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { api, ApiError, messageOf, type Benefit, type ProviderItem } from '../api';
import { parseYuan, shanghaiDate, yuanText } from '../format';
import { IDENTITY_METHOD_NAMES, IDENTITY_METHODS, SELF_PAID_CONSENT_METHODS, SELF_PAID_CONSENT_NAMES } from '../labels';
import { ErrorNote } from './Notice';

interface ItemRow {
  key: number;
  name: string;
  minutes: string;
  price: string;
}

let nextKey = 1;
const emptyRow = (): ItemRow => ({ key: nextKey++, name: '', minutes: '', price: '' });

/** The "录入服务记录" button; the form is mounted afresh each time it opens. */
export function VisitForm({ benefit, onRecorded }: { benefit: Benefit; onRecorded: (date: string) => void }) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button type="button" className="button button-quiet" onClick={() => setOpen(true)}>
        录入服务记录
      </button>
    );
  }
  return (
    <VisitFields
      benefit={benefit}
      onCancel={() => setOpen(false)}
      onRecorded={(date) => {
        setOpen(false);
        onRecorded(date);
      }}
    />
  );
}

function VisitFields({
  benefit: b,
  onCancel,
  onRecorded,
}: {
  benefit: Benefit;
  onCancel: () => void;
  onRecorded: (date: string) => void;
}) {
  const id = useId();
  const today = shanghaiDate(new Date());
  const [workerName, setWorkerName] = useState('');
  const [date, setDate] = useState(today);
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [rows, setRows] = useState<ItemRow[]>(() => [emptyRow()]);
  const [identity, setIdentity] = useState('');
  const [givenBy, setGivenBy] = useState('');
  const [consentMethod, setConsentMethod] = useState('');
  const [posted, setPosted] = useState<ProviderItem[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // The items and prices the provider posts, to suggest names and show the price of an item paid by the person.
  useEffect(() => {
    api
      .provider(b.current.providerId)
      .then((p) => setPosted(p.items))
      .catch(() => setPosted([]));
  }, [b.current.providerId]);

  const outsidePlan = (name: string) => name.trim() !== '' && !b.planItems.includes(name.trim());
  const selfPaid = rows.filter((r) => outsidePlan(r.name));
  const suggestions = [...new Set([...b.planItems, ...posted.map((i) => i.name)])];
  const setRow = (key: number, change: Partial<ItemRow>) =>
    setRows(rows.map((r) => (r.key === key ? { ...r, ...change } : r)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!workerName.trim()) missing.workerName = '请填写上门服务人员的姓名。';
    if (!date) missing.date = '请选择服务日期。';
    if (!start) missing.startAt = '请填写开始时间。';
    if (!end) missing.endAt = '请填写结束时间。';
    rows.forEach((r, i) => {
      if (!r.name.trim()) missing[`items.${i}.name`] = '请填写服务项目。';
      const minutes = Number(r.minutes);
      if (!Number.isInteger(minutes) || minutes < 1) missing[`items.${i}.minutes`] = '请填写整数分钟，例如 30。';
      if (outsidePlan(r.name) && r.price.trim() && parseYuan(r.price) === null) {
        missing[`items.${i}.priceFen`] = '请填写金额，例如 80 或 80.50。';
      }
    });
    if (!identity) missing.identityChecked = '请选择服务前是否核实了服务对象身份。';
    if (selfPaid.length && !givenBy.trim()) missing['selfPaidConsent.givenBy'] = '请填写同意自费的人。';
    if (selfPaid.length && !consentMethod) missing['selfPaidConsent.method'] = '请选择同意的方式。';
    setErrors(missing);
    if (Object.keys(missing).length) {
      setError('还有内容没有填写，请看下面的提示。');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.recordVisit(b.id, {
        workerName: workerName.trim(),
        // Times as the officer reads them, in Beijing time.
        startAt: `${date}T${start}:00+08:00`,
        endAt: `${date}T${end}:00+08:00`,
        items: rows.map((r) => {
          const priceFen = outsidePlan(r.name) && r.price.trim() ? parseYuan(r.price) : null;
          return { name: r.name.trim(), minutes: Number(r.minutes), ...(priceFen !== null ? { priceFen } : {}) };
        }),
        identityChecked: identity !== 'none',
        ...(identity !== 'none' ? { identityMethod: identity } : {}),
        ...(selfPaid.length ? { selfPaidConsent: { givenBy: givenBy.trim(), method: consentMethod } } : {}),
      });
      onRecorded(date);
    } catch (err) {
      setError(messageOf(err));
      if (err instanceof ApiError) setErrors(Object.fromEntries(err.details.map((d) => [d.path, d.message])));
      setBusy(false);
    }
  }

  const describedBy = (name: string) => (errors[name] ? `${id}-${name.replace(/\./g, '-')}-error` : undefined);
  const fieldError = (name: string, extraClass = '') =>
    errors[name] ? (
      <p className={`field-error ${extraClass}`.trim()} id={`${id}-${name.replace(/\./g, '-')}-error`}>
        {errors[name]}
      </p>
    ) : null;

  return (
    <form className="inline-form stack" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>录入服务记录</h3>
      <p className="muted">
        服务结束后录入，时间按北京时间填写。住院、入住机构暂停期间或待遇终止后的日子不能记为待遇内的服务。
      </p>
      <div className="field">
        <label htmlFor={`${id}-worker`}>上门服务人员姓名</label>
        <input
          id={`${id}-worker`}
          maxLength={40}
          value={workerName}
          aria-invalid={Boolean(errors.workerName)}
          aria-describedby={describedBy('workerName')}
          onChange={(e) => setWorkerName(e.target.value)}
        />
        {fieldError('workerName')}
      </div>
      <div className="field-pair">
        <div className="field">
          <label htmlFor={`${id}-date`}>服务日期</label>
          <input
            id={`${id}-date`}
            type="date"
            min={`${b.startMonth}-01`}
            max={today}
            value={date}
            aria-invalid={Boolean(errors.date)}
            aria-describedby={describedBy('date')}
            onChange={(e) => setDate(e.target.value)}
          />
          {fieldError('date')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-start`}>开始时间</label>
          <input
            id={`${id}-start`}
            type="time"
            value={start}
            aria-invalid={Boolean(errors.startAt)}
            aria-describedby={describedBy('startAt')}
            onChange={(e) => setStart(e.target.value)}
          />
          {fieldError('startAt')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-end`}>结束时间</label>
          <input
            id={`${id}-end`}
            type="time"
            value={end}
            aria-invalid={Boolean(errors.endAt)}
            aria-describedby={describedBy('endAt')}
            onChange={(e) => setEnd(e.target.value)}
          />
          {fieldError('endAt')}
        </div>
      </div>

      <fieldset className="items-editor" aria-describedby={describedBy('items')}>
        <legend>服务项目和时长</legend>
        <p className="hint">
          服务计划内的项目：{b.planItems.length ? b.planItems.join('、') : '未填写'}。计划外的项目由个人自费。
        </p>
        <datalist id={`${id}-suggestions`}>
          {suggestions.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        {rows.map((row, i) => {
          const item = posted.find((p) => p.name === row.name.trim());
          return (
            <div key={row.key} className="item-row" role="group" aria-label={`服务项目 ${i + 1}`}>
              <div className="field">
                <label htmlFor={`${id}-item-${row.key}-name`}>项目 {i + 1} 名称</label>
                <input
                  id={`${id}-item-${row.key}-name`}
                  list={`${id}-suggestions`}
                  maxLength={40}
                  value={row.name}
                  aria-invalid={Boolean(errors[`items.${i}.name`])}
                  aria-describedby={describedBy(`items.${i}.name`)}
                  onChange={(e) => setRow(row.key, { name: e.target.value })}
                />
                {fieldError(`items.${i}.name`)}
              </div>
              <div className="field">
                <label htmlFor={`${id}-item-${row.key}-minutes`}>项目 {i + 1} 时长（分钟）</label>
                <input
                  id={`${id}-item-${row.key}-minutes`}
                  inputMode="numeric"
                  value={row.minutes}
                  aria-invalid={Boolean(errors[`items.${i}.minutes`])}
                  aria-describedby={describedBy(`items.${i}.minutes`)}
                  onChange={(e) => setRow(row.key, { minutes: e.target.value })}
                />
                {fieldError(`items.${i}.minutes`)}
              </div>
              {outsidePlan(row.name) && (
                <div className="field">
                  <label htmlFor={`${id}-item-${row.key}-price`}>项目 {i + 1} 自费收费（元，可不填）</label>
                  <input
                    id={`${id}-item-${row.key}-price`}
                    inputMode="decimal"
                    value={row.price}
                    aria-invalid={Boolean(errors[`items.${i}.priceFen`])}
                    aria-describedby={describedBy(`items.${i}.priceFen`)}
                    onChange={(e) => setRow(row.key, { price: e.target.value })}
                  />
                  {item && (
                    <p className="hint">
                      机构公示：{yuanText(item.priceFen)}/{item.unit}
                    </p>
                  )}
                  {fieldError(`items.${i}.priceFen`)}
                </div>
              )}
              {outsidePlan(row.name) && (
                <p className="item-error">
                  <span className="badge badge-warn">计划外，个人自费</span>
                </p>
              )}
              {rows.length > 1 && (
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => setRows(rows.filter((r) => r.key !== row.key))}
                >
                  删除项目 {i + 1}
                </button>
              )}
            </div>
          );
        })}
        <button type="button" className="button button-quiet" onClick={() => setRows([...rows, emptyRow()])}>
          添加服务项目
        </button>
        {fieldError('items')}
      </fieldset>

      <div className="field">
        <label htmlFor={`${id}-identity`}>服务前核实服务对象身份</label>
        <select
          id={`${id}-identity`}
          value={identity}
          aria-invalid={Boolean(errors.identityChecked || errors.identityMethod)}
          aria-describedby={describedBy('identityChecked') ?? describedBy('identityMethod')}
          onChange={(e) => setIdentity(e.target.value)}
        >
          <option value="">请选择</option>
          {IDENTITY_METHODS.map((m) => (
            <option key={m} value={m}>
              已核实：{IDENTITY_METHOD_NAMES[m]}
            </option>
          ))}
          <option value="none">没有核实身份</option>
        </select>
        {fieldError('identityChecked')}
        {fieldError('identityMethod')}
      </div>

      {selfPaid.length > 0 && (
        <fieldset className="choices" aria-describedby={describedBy('selfPaidConsent')}>
          <legend>计划外项目的自费同意</legend>
          <p className="hint">
            “{selfPaid.map((r) => r.name.trim()).join('、')}”不在服务计划内，须由服务对象本人或监护人同意后个人自费。
          </p>
          <div className="field">
            <label htmlFor={`${id}-given-by`}>同意自费的人</label>
            <input
              id={`${id}-given-by`}
              maxLength={40}
              value={givenBy}
              aria-invalid={Boolean(errors['selfPaidConsent.givenBy'])}
              aria-describedby={describedBy('selfPaidConsent.givenBy')}
              onChange={(e) => setGivenBy(e.target.value)}
            />
            {fieldError('selfPaidConsent.givenBy')}
          </div>
          <div className="field">
            <label htmlFor={`${id}-consent-method`}>同意的方式</label>
            <select
              id={`${id}-consent-method`}
              value={consentMethod}
              aria-invalid={Boolean(errors['selfPaidConsent.method'])}
              aria-describedby={describedBy('selfPaidConsent.method')}
              onChange={(e) => setConsentMethod(e.target.value)}
            >
              <option value="">请选择</option>
              {SELF_PAID_CONSENT_METHODS.map((m) => (
                <option key={m} value={m}>
                  {SELF_PAID_CONSENT_NAMES[m]}
                </option>
              ))}
            </select>
            {fieldError('selfPaidConsent.method')}
          </div>
          {fieldError('selfPaidConsent')}
        </fieldset>
      )}

      <ErrorNote message={error} />
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          {busy ? '正在录入…' : '确认录入服务记录'}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel} disabled={busy}>
          取消
        </button>
      </div>
    </form>
  );
}
