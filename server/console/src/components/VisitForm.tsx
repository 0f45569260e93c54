// An officer records a visit (service record) for a benefit: who came, on which day from when to when, which
// items for how long, whether identity was checked first (jilin-2022 §(九)); items outside the plan are paid
// by the person, with the consent of the person or guardian recorded (jilin-2022 §(十)4). The server decides
// which provider served that day, whether the day was covered and which items are outside the plan.
import { useEffect, useId, useState } from 'react';
import { api, type Benefit, type ProviderItem } from '../api';
import { parseYuan, shanghaiDate, yuanInput, yuanText } from '../format';
import { IDENTITY_METHOD_NAMES, IDENTITY_METHODS, SELF_PAID_CONSENT_METHODS, SELF_PAID_CONSENT_NAMES } from '../labels';
import { ActionForm, InputField, Opens, type Opened, SelectField, useAction } from './Form';

interface ItemRow {
  key: number;
  name: string;
  minutes: string;
  price: string;
  /** The price was filled in from the provider's posted price (and not typed), so a new name may replace it. */
  pricePosted: boolean;
}

let nextKey = 1;
const emptyRow = (): ItemRow => ({ key: nextKey++, name: '', minutes: '', price: '', pricePosted: false });

/** The "录入服务记录" button; the form is mounted afresh each time it opens. */
export function VisitForm({ benefit, onRecorded }: { benefit: Benefit; onRecorded: (date: string) => void }) {
  return (
    <Opens label="录入服务记录" onDone={onRecorded} form={(opened) => <VisitFields benefit={benefit} {...opened} />} />
  );
}

function VisitFields({
  benefit: b,
  onCancel,
  onDone,
}: {
  benefit: Benefit;
} & Opened<string>) {
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
  const { errors, error, busy, check, send } = useAction();

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

  async function submit() {
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
    if (!check(missing, '还有内容没有填写，请看下面的提示。')) return;
    const sent = await send(() =>
      api.recordVisit(b.id, {
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
      }),
    );
    if (sent) onDone(date);
  }

  // The notes on a group as a whole (the items, the consent), which have no single control.
  const groupErrorId = (name: string) => (errors[name] ? `${id}-${name}-error` : undefined);
  const groupError = (name: string) =>
    errors[name] ? (
      <p className="field-error" id={`${id}-${name}-error`}>
        {errors[name]}
      </p>
    ) : null;

  return (
    <ActionForm
      title="录入服务记录"
      intro="服务结束后录入，时间按北京时间填写。住院、入住机构暂停期间或待遇终止后的日子不能记为待遇内的服务。"
      error={error}
      busy={busy}
      submit="确认录入服务记录"
      busyText="正在录入…"
      onSubmit={() => void submit()}
      onCancel={onCancel}
    >
      <InputField
        id={`${id}-worker`}
        label="上门服务人员姓名"
        maxLength={40}
        value={workerName}
        onValue={setWorkerName}
        error={errors.workerName}
      />
      <div className="field-pair">
        <InputField
          id={`${id}-date`}
          label="服务日期"
          type="date"
          min={`${b.startMonth}-01`}
          max={today}
          value={date}
          onValue={setDate}
          error={errors.date}
        />
        <InputField
          id={`${id}-start`}
          label="开始时间"
          type="time"
          value={start}
          onValue={setStart}
          error={errors.startAt}
        />
        <InputField id={`${id}-end`} label="结束时间" type="time" value={end} onValue={setEnd} error={errors.endAt} />
      </div>

      <fieldset className="items-editor" aria-describedby={groupErrorId('items')}>
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
              <InputField
                id={`${id}-item-${row.key}-name`}
                label={`项目 ${i + 1} 名称`}
                list={`${id}-suggestions`}
                maxLength={40}
                value={row.name}
                onValue={(name) => {
                  // An item the provider posts starts at its posted price; the officer can change it.
                  const postedItem = posted.find((p) => p.name === name.trim());
                  if (postedItem && (row.price === '' || row.pricePosted)) {
                    setRow(row.key, { name, price: yuanInput(postedItem.priceFen), pricePosted: true });
                  } else if (row.pricePosted) setRow(row.key, { name, price: '', pricePosted: false });
                  else setRow(row.key, { name });
                }}
                error={errors[`items.${i}.name`]}
              />
              <InputField
                id={`${id}-item-${row.key}-minutes`}
                label={`项目 ${i + 1} 时长（分钟）`}
                inputMode="numeric"
                value={row.minutes}
                onValue={(minutes) => setRow(row.key, { minutes })}
                error={errors[`items.${i}.minutes`]}
              />
              {outsidePlan(row.name) && (
                <InputField
                  id={`${id}-item-${row.key}-price`}
                  label={`项目 ${i + 1} 自费收费（元，可不填）`}
                  inputMode="decimal"
                  value={row.price}
                  onValue={(price) => setRow(row.key, { price, pricePosted: false })}
                  error={errors[`items.${i}.priceFen`]}
                  extra={
                    item && (
                      <p className="hint">
                        机构公示：{yuanText(item.priceFen)}/{item.unit}
                      </p>
                    )
                  }
                />
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
        {groupError('items')}
      </fieldset>

      <SelectField
        id={`${id}-identity`}
        label="服务前核实服务对象身份"
        value={identity}
        onValue={setIdentity}
        error={errors.identityChecked ?? errors.identityMethod}
        options={
          <>
            <option value="">请选择</option>
            {IDENTITY_METHODS.map((m) => (
              <option key={m} value={m}>
                已核实：{IDENTITY_METHOD_NAMES[m]}
              </option>
            ))}
            <option value="none">没有核实身份</option>
          </>
        }
      />

      {selfPaid.length > 0 && (
        <fieldset className="choices" aria-describedby={groupErrorId('selfPaidConsent')}>
          <legend>计划外项目的自费同意</legend>
          <p className="hint">
            “{selfPaid.map((r) => r.name.trim()).join('、')}”不在服务计划内，须由服务对象本人或监护人同意后个人自费。
          </p>
          <InputField
            id={`${id}-given-by`}
            label="同意自费的人"
            maxLength={40}
            value={givenBy}
            onValue={setGivenBy}
            error={errors['selfPaidConsent.givenBy']}
          />
          <SelectField
            id={`${id}-consent-method`}
            label="同意的方式"
            value={consentMethod}
            onValue={setConsentMethod}
            error={errors['selfPaidConsent.method']}
            options={
              <>
                <option value="">请选择</option>
                {SELF_PAID_CONSENT_METHODS.map((m) => (
                  <option key={m} value={m}>
                    {SELF_PAID_CONSENT_NAMES[m]}
                  </option>
                ))}
              </>
            }
          />
          {groupError('selfPaidConsent')}
        </fieldset>
      )}
    </ActionForm>
  );
}
