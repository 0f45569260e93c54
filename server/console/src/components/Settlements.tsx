// A benefit's monthly settlements as the rules module split them: every figure, note and citation is the
// API's; the console only turns fen into yuan. Officers enter a month's bill and correct one with a reason.
import { useId, useState } from 'react';
import { api, type Settlement, type SettlementPreview, type SettlementRevision } from '../api';
import { dateTimeText, monthText, parseYuan, percentText, yuanInput, yuanText } from '../format';
import { ROLE_NAMES } from '../labels';
import { Citations } from './Citations';
import { Fact } from './Fact';
import { ActionForm, InputField, Opens, type Opened, ReasonField, SelectField, useAction, useFocusWhen } from './Form';

const money = (fen: number | null, none = '由当地确定') => (fen === null ? none : yuanText(fen));
const roleName = (role: string) => ROLE_NAMES[role] ?? role;

export function SettlementCard({
  settlement: s,
  revisions,
  canCorrect,
  onCorrected,
}: {
  settlement: Settlement;
  revisions: SettlementRevision[];
  canCorrect: boolean;
  onCorrected: (s: Settlement) => void;
}) {
  const id = useId();
  const partMonth = s.daysCovered < s.daysInMonth;
  return (
    <article className="settlement" data-month={s.month} aria-labelledby={`${id}-title`}>
      <div className="title-row">
        <h3 id={`${id}-title`}>{monthText(s.month)}</h3>
        <span className="badge-row">
          {partMonth && <span className="badge badge-warn">按{s.daysCovered}天结算</span>}
          {s.corrected && <span className="badge badge-warn">已更正</span>}
          {s.indicative && <span className="badge badge-warn">仅供参考</span>}
        </span>
      </div>
      <dl className="facts money-facts">
        <Fact term="当月账单" field="bill">
          {yuanText(s.monthlyBillFen)}
        </Fact>
        <Fact term="基金支付" field="fund">
          {money(s.fundPaysFen)}
        </Fact>
        <Fact term="个人负担" field="own">
          {money(s.personPaysFen)}
        </Fact>
        <Fact term="每月限额" field="cap">
          {money(s.monthlyCapFen)}
        </Fact>
        {s.proratedCapFen !== null && (
          <Fact term="按天数折算的限额" field="prorated-cap">
            {yuanText(s.proratedCapFen)}
          </Fact>
        )}
        {s.eligibleCostFen !== null && (
          <Fact term="可报销费用" field="eligible">
            {yuanText(s.eligibleCostFen)}
          </Fact>
        )}
        {s.fundRatio !== null && <Fact term="基金支付比例">{percentText(s.fundRatio)}</Fact>}
        <Fact term="享受待遇天数" field="days">
          {s.daysCovered}天（当月共{s.daysInMonth}天）
        </Fact>
        <Fact term="护理方式">{s.careModeName}</Fact>
        <Fact term="定点机构">{s.providerName}</Fact>
        {s.gradeName && <Fact term="失能等级">{s.gradeName}</Fact>}
      </dl>
      {s.indicative && (
        <p className="notice notice-warn">
          这个月的结果仅供参考，以当地医保部门的结算为准
          {s.indicativeFundPaysFen !== null ? `；参考的基金支付为 ${yuanText(s.indicativeFundPaysFen)}` : ''}。
        </p>
      )}
      {s.notes.length > 0 && (
        <div className="notes">
          <p className="notes-label">说明：</p>
          <ul>
            {s.notes.map((n) => (
              <li key={n.code}>{n.text}</li>
            ))}
          </ul>
        </div>
      )}
      <Citations cites={s.citations} />
      {s.steps.length > 0 && (
        <details className="steps">
          <summary>计算过程</summary>
          <ol>
            {s.steps.map((step, i) => (
              <li key={i}>{step.text}</li>
            ))}
          </ol>
        </details>
      )}
      {revisions.length > 0 && (
        <div className="revisions">
          <p className="notes-label">更正记录：</p>
          <ol>
            {revisions.map((r) => (
              <li key={r.id}>
                <p>
                  {dateTimeText(r.at)}（{roleName(r.actorRole)}）：{r.reason}
                </p>
                <p className="muted">
                  更正前：账单 {moneyOf(r.previous.monthlyBillFen)}，基金支付 {moneyOf(r.previous.fundPaysFen)}
                  ，个人负担 {moneyOf(r.previous.personPaysFen)}
                  {typeof r.previous.daysCovered === 'number' ? `，享受待遇${r.previous.daysCovered}天` : ''}
                </p>
              </li>
            ))}
          </ol>
        </div>
      )}
      {canCorrect && (
        <Opens
          label="更正这个月的账单"
          onDone={onCorrected}
          form={(opened) => <CorrectForm settlement={s} {...opened} />}
        />
      )}
    </article>
  );
}

function moneyOf(value: unknown): string {
  return typeof value === 'number' ? yuanText(value) : '—';
}

function CorrectForm({
  settlement,
  onCancel,
  onDone,
}: {
  settlement: Settlement;
} & Opened<Settlement>) {
  const id = useId();
  const [bill, setBill] = useState(yuanInput(settlement.monthlyBillFen));
  const [reason, setReason] = useState('');
  const { errors, error, busy, check, send } = useAction();

  async function submit() {
    const fen = parseYuan(bill);
    const missing: Record<string, string> = {};
    if (fen === null) missing.monthlyBillFen = BILL_MISSING;
    if (!reason.trim()) missing.reason = '请写明更正的原因。';
    if (!check(missing, '还有内容需要修改，请看下面的提示。')) return;
    await send(async () =>
      onDone(await api.correctSettlement(settlement.id, { monthlyBillFen: fen!, reason: reason.trim() })),
    );
  }

  return (
    <ActionForm
      title={`更正${monthText(settlement.month)}的账单`}
      level={4}
      intro="更正后系统会按新的账单重新结算，原来的结果和更正原因都会保留，家属能看到。"
      error={error}
      busy={busy}
      submit="确认更正"
      busyText="正在更正…"
      onSubmit={() => void submit()}
      onCancel={onCancel}
    >
      <MoneyField
        id={`${id}-bill`}
        label="更正后的当月账单（元）"
        value={bill}
        onChange={setBill}
        error={errors.monthlyBillFen}
      />
      <ReasonField id={`${id}-reason`} label="更正原因" value={reason} onValue={setReason} error={errors.reason} />
    </ActionForm>
  );
}

const BILL_MISSING = '请填写金额，单位是元，最多两位小数，例如 3456.78。';

/** An amount in yuan, typed as text (a number input would drop '3,456.78' and round on some keyboards). */
export function MoneyField({
  id,
  label,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
}) {
  return (
    <InputField
      id={id}
      label={label}
      inputMode="decimal"
      autoComplete="off"
      value={value}
      onValue={onChange}
      error={error}
      hint={error ? undefined : '单位是元，可以有两位小数，例如 3456.78'}
    />
  );
}

/**
 * The officer enters one month's bill, sees the split the server would make (the preview route: the same
 * checks and rules, nothing saved), and settles it only after confirming. The month is the officer's choice
 * every time: the picker starts empty and never moves on by itself after a month is settled.
 */
export function EnterBillForm({
  benefitId,
  months,
  waitingNote,
  onSettled,
}: {
  benefitId: string;
  /** The months that have ended and are not settled yet, oldest first. */
  months: string[];
  /** Why no month can be settled yet (a benefit before its first month has ended), instead of the form. */
  waitingNote?: string | null;
  onSettled: (s: Settlement) => void;
}) {
  const id = useId();
  const [month, setMonth] = useState('');
  const [bill, setBill] = useState('');
  const [preview, setPreview] = useState<(SettlementPreview & { fen: number }) | null>(null);
  const { errors, error, busy, check, send } = useAction();
  const confirm = useAction();
  const confirmHeading = useFocusWhen<HTMLHeadingElement>(preview !== null);

  if (!months.length) {
    if (waitingNote) return <p className="muted">{waitingNote}</p>;
    return <p className="muted">已结束的月份都已结算；如有差错，请在那个月下面点“更正”。</p>;
  }

  async function review() {
    const fen = parseYuan(bill);
    const missing: Record<string, string> = {};
    if (!month || !months.includes(month)) missing.month = '请选择结算的月份。';
    if (fen === null) missing.monthlyBillFen = BILL_MISSING;
    if (!check(missing, '还有内容需要修改，请看下面的提示。')) return;
    await send(async () => {
      setPreview({ ...(await api.previewSettlement(benefitId, { month, monthlyBillFen: fen! })), fen: fen! });
    });
  }

  async function settle() {
    if (!preview) return;
    await confirm.send(async () => {
      const settled = await api.settle(benefitId, { month: preview.month, monthlyBillFen: preview.fen });
      setPreview(null);
      setBill('');
      setMonth('');
      onSettled(settled);
    });
  }

  if (preview) {
    return (
      <section
        className="action-form settle-confirm stack"
        aria-labelledby={`${id}-confirm`}
        data-testid="settle-confirm"
      >
        <h3 id={`${id}-confirm`} ref={confirmHeading} tabIndex={-1}>
          请确认{monthText(preview.month)}的结算
        </h3>
        <p>确认后保存结算结果并通知家属；保存前可以返回修改。</p>
        <dl className="facts money-facts">
          <Fact term="当月账单" field="bill">
            {yuanText(preview.monthlyBillFen)}
          </Fact>
          <Fact term="基金支付" field="fund">
            {money(preview.fundPaysFen)}
          </Fact>
          <Fact term="个人负担" field="own">
            {money(preview.personPaysFen)}
          </Fact>
          <Fact term="每月限额" field="cap">
            {money(preview.monthlyCapFen)}
          </Fact>
          <Fact term="享受待遇天数" field="days">
            {preview.daysCovered}天（当月共{preview.daysInMonth}天）
          </Fact>
          <Fact term="定点机构">{preview.providerName}</Fact>
        </dl>
        {preview.notes.length > 0 && (
          <ul>
            {preview.notes.map((n) => (
              <li key={n.code}>{n.text}</li>
            ))}
          </ul>
        )}
        {confirm.error && (
          <p className="field-error" role="alert">
            {confirm.error}
          </p>
        )}
        <div className="button-row">
          <button type="button" className="button" disabled={confirm.busy} onClick={() => void settle()}>
            {confirm.busy ? '正在结算…' : `确认结算${monthText(preview.month)}`}
          </button>
          <button
            type="button"
            className="button button-quiet"
            disabled={confirm.busy}
            onClick={() => setPreview(null)}
          >
            返回修改
          </button>
        </div>
      </section>
    );
  }

  return (
    <ActionForm
      title="录入月度账单"
      intro="填写定点机构这个月的账单（月底之后才能结算这个月），系统先按政策算出基金支付和个人负担，您确认后才保存并通知家属。"
      error={error}
      busy={busy}
      submit="查看结算结果"
      busyText="正在计算…"
      onSubmit={() => void review()}
    >
      <SelectField
        id={`${id}-month`}
        label="结算月份"
        value={month}
        onValue={setMonth}
        error={errors.month}
        options={
          <>
            <option value="">请选择</option>
            {months.map((m) => (
              <option key={m} value={m}>
                {monthText(m)}
              </option>
            ))}
          </>
        }
      />
      <MoneyField
        id={`${id}-bill`}
        label="当月账单（元）"
        value={bill}
        onChange={setBill}
        error={errors.monthlyBillFen}
      />
    </ActionForm>
  );
}
