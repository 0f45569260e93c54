// One benefit as an officer works on it: state, plan, suspensions (jilin-2022 §(四)), month-by-month
// settlements split by the rules module, visits, and what was done when.
import { useCallback, useId, useState } from 'react';
import {
  api,
  messageOf,
  type Benefit,
  type BenefitEvent,
  type ServiceRecord,
  type Settlement,
  type SettlementRevision,
  type Suspension,
  type User,
} from '../api';
import { Citations } from '../components/Citations';
import { Fact } from '../components/Fact';
import { ActionForm, InputField, Opens, type Opened, SelectField, useAction } from '../components/Form';
import { roleName } from '../components/History';
import { ErrorNote, StatusNote } from '../components/Notice';
import { PlanChange, PlanRequests } from '../components/PlanChange';
import { ServiceRecordList } from '../components/ServiceRecords';
import { StopBenefit } from '../components/StopBenefit';
import { VisitForm } from '../components/VisitForm';
import { EnterBillForm, SettlementCard } from '../components/Settlements';
import { chineseDate, dateTimeText, monthText, nextMonthOf, previousMonthOf, shanghaiDate } from '../format';
import { benefitStateText } from '../benefitState';
import { BENEFIT_ACTION_NAMES, BENEFIT_STATE_NAMES, SUSPENSION_REASON_NAMES } from '../labels';
import { usePage } from '../page';
import { followLink, hrefOf } from '../router';

interface Loaded {
  benefit: Benefit;
  settlements: Settlement[];
  revisions: Record<string, SettlementRevision[]>;
  records: ServiceRecord[];
  events: BenefitEvent[];
}

/**
 * The months whose bill can still be entered, oldest first: from the start, through the last month that has
 * ended (or the month the benefit stopped), not yet settled. A bill covers a whole month, so this month waits
 * for its end; the server checks the same and says why if the computer's date is off.
 */
function openMonths(b: Benefit, settled: Settlement[]): string[] {
  const lastEnded = previousMonthOf(shanghaiDate(new Date()).slice(0, 7));
  const last = b.stoppedOn && b.stoppedOn.slice(0, 7) < lastEnded ? b.stoppedOn.slice(0, 7) : lastEnded;
  const done = new Set(settled.map((s) => s.month));
  const months: string[] = [];
  for (let m = b.startMonth; m <= last && months.length < 120; m = nextMonthOf(m)) if (!done.has(m)) months.push(m);
  return months;
}

/** Why no month can be settled yet, or null when some month has ended. */
function settleWaitNote(b: Benefit): string | null {
  const thisMonth = shanghaiDate(new Date()).slice(0, 7);
  if (b.startMonth > thisMonth) {
    return `待遇从${monthText(b.startMonth)}开始，${monthText(b.startMonth)}结束后才能录入这个月的账单。`;
  }
  if (b.startMonth === thisMonth) return `${monthText(thisMonth)}是待遇的第一个月，月底之后才能结算。`;
  return null;
}

function resettledOf(e: BenefitEvent | undefined): string[] {
  const list: unknown = e?.data?.resettled;
  if (!Array.isArray(list)) return [];
  return list.map((r: { month?: unknown }) => (typeof r.month === 'string' ? r.month : '')).filter(Boolean);
}

export function BenefitPage({ id, user }: { id: string; user: User }) {
  const isOfficer = user.role === 'officer';

  const load = useCallback(async () => {
    const [benefit, settlements, records, events] = await Promise.all([
      api.benefit(id),
      api.benefitSettlements(id),
      api.benefitServiceRecords(id),
      api.benefitEvents(id),
    ]);
    // A corrected month shows why and what it was before.
    const details = await Promise.all(settlements.filter((s) => s.corrected).map((s) => api.settlement(s.id)));
    const revisions = Object.fromEntries(details.map((d) => [d.id, d.revisions]));
    return { benefit, settlements, revisions, records, events };
  }, [id]);
  const { data, error, setError, done, setDone, heading, doneNote, reload } = usePage<Loaded>(load);

  /** After an action: the whole page again, then the confirmation (and the months settled again, if any). */
  async function after(message: string, action?: string) {
    setError(null);
    setDone(null);
    try {
      const fresh = await reload();
      const event = action ? [...fresh.events].reverse().find((e) => e.action === action) : undefined;
      const months = resettledOf(event);
      setDone(
        months.length
          ? `${message}已结算的${months.map(monthText).join('、')}按享受待遇的天数重新结算，家属会收到通知。`
          : message,
      );
    } catch (err) {
      setError(messageOf(err));
    }
  }

  if (!data) {
    return (
      <section>
        <BackToBenefits />
        {error ? (
          <>
            <h1>打不开这项待遇</h1>
            <ErrorNote message={error} />
          </>
        ) : (
          <p className="muted">正在读取待遇…</p>
        )}
      </section>
    );
  }

  const { benefit: b, settlements, revisions, records, events } = data;
  const writable = isOfficer && b.state !== 'stopped';
  const scheduled = b.plans.filter((p) => p.scheduled);

  return (
    <article className="benefit">
      <BackToBenefits />
      <div className="title-row">
        <h1 ref={heading} tabIndex={-1}>
          {b.person.name}的长护待遇
        </h1>
        <span className="badge badge-large" data-testid="benefit-state">
          {benefitStateText(b)}
        </span>
      </div>
      {done && <StatusNote ref={doneNote}>{done}</StatusNote>}
      <ErrorNote message={error} />

      <section className="card" aria-labelledby="b-summary">
        <h2 id="b-summary">待遇概况</h2>
        <p className="person-line">
          参保人：{b.person.name}
          <span>
            身份证号：<span className="mono">{b.person.idNumberMasked}</span>
          </span>
        </p>
        <dl className="facts">
          <Fact term="统筹区">{b.regionName}</Fact>
          <Fact term="失能等级">{b.gradeName}</Fact>
          <Fact term="核准日期">{chineseDate(b.approvalDate)}</Fact>
          <Fact term="开始享受" field="start-month">
            {monthText(b.startMonth)}
          </Fact>
          <Fact term="护理方式" field="mode">
            {b.current.careModeName}
          </Fact>
          <Fact term="定点机构">
            <a className="link" href={hrefOf({ page: 'provider', id: b.current.providerId })} onClick={followLink}>
              {b.current.providerName}
            </a>
          </Fact>
          <Fact term="服务计划项目">{b.planItems.length ? b.planItems.join('、') : '未填写'}</Fact>
          {b.stoppedOn && (
            <Fact term="享受至" highlight>
              {chineseDate(b.stoppedOn)}
            </Fact>
          )}
        </dl>
        {(b.grades?.length ?? 0) > 1 && (
          <p>
            等级变化：
            {b.grades!.map((g) => `${monthText(g.fromMonth)}起${g.gradeName}`).join('；')}
          </p>
        )}
        {scheduled.map((p) => (
          <p key={p.fromMonth} className="notice notice-warn">
            已安排变更：{monthText(p.fromMonth)}起改为{p.careModeName}，{p.providerName}。
          </p>
        ))}
        <PlanRequests benefit={b} writable={writable} onDecided={(message) => void after(message)} />
        {writable && <PlanChange benefit={b} onChanged={(message) => void after(message)} />}
        <p>
          <a className="link" href={hrefOf({ page: 'application', id: b.applicationId })} onClick={followLink}>
            查看原申请
          </a>
        </p>
        <Citations cites={b.citations} />
      </section>

      <section className="card" aria-labelledby="b-suspensions">
        <h2 id="b-suspensions">暂停记录</h2>
        <p className="muted">住院或入住机构期间停止居家护理，暂停的日子不计入当月享受待遇的天数。</p>
        {b.suspensions.length === 0 ? (
          <p className="muted">没有暂停记录。</p>
        ) : (
          <ul className="records" aria-label="暂停记录">
            {b.suspensions.map((s) => (
              <SuspensionItem
                key={s.id}
                benefitId={b.id}
                suspension={s}
                canEnd={writable}
                onEnded={(to) => void after(`已结束暂停，${chineseDate(to)}后恢复待遇。`, 'resume')}
              />
            ))}
          </ul>
        )}
        {writable && (
          <SuspendForm
            benefit={b}
            onSuspended={(s) =>
              void after(
                `已登记暂停（${SUSPENSION_REASON_NAMES[s.reason] ?? s.reason}，${chineseDate(s.from)}${s.to ? `至${chineseDate(s.to)}` : '起'}）。`,
                'suspend',
              )
            }
          />
        )}
      </section>

      <section className="card" aria-labelledby="b-settlements">
        <h2 id="b-settlements">月度结算</h2>
        <p className="muted">每个月的基金支付和个人负担由系统按政策计算，下面的数字、说明和条款都来自计算结果。</p>
        {isOfficer && (
          <EnterBillForm
            benefitId={b.id}
            months={openMonths(b, settlements)}
            waitingNote={settleWaitNote(b)}
            onSettled={(s) => void after(`已结算${monthText(s.month)}。`)}
          />
        )}
        {settlements.length === 0 ? (
          <p className="muted">还没有结算记录。</p>
        ) : (
          <div className="settlements">
            {settlements.map((s) => (
              <SettlementCard
                key={s.id}
                settlement={s}
                revisions={revisions[s.id] ?? []}
                canCorrect={isOfficer}
                onCorrected={(u) => void after(`已更正${monthText(u.month)}的账单并重新结算。`)}
              />
            ))}
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="b-records">
        <div className="title-row">
          <h2 id="b-records">服务记录</h2>
          <a
            href={hrefOf({ page: 'service-records', benefitId: b.id, providerId: null })}
            onClick={followLink}
            className="button button-quiet"
          >
            单独查看服务记录
          </a>
        </div>
        {isOfficer && (
          <VisitForm benefit={b} onRecorded={(date) => void after(`已录入${chineseDate(date)}的服务记录。`)} />
        )}
        <ServiceRecordList records={records.slice(0, 5)} showProvider />
        {records.length > 5 && <p className="muted">这里只列最近 5 次，共 {records.length} 次。</p>}
      </section>

      {writable && (
        <section className="card" aria-labelledby="b-stop">
          <h2 id="b-stop">终止待遇</h2>
          <p className="muted">参保人去世、迁出本统筹区或不再符合享受条件时，由经办人员终止待遇，并写明原因。</p>
          <StopBenefit
            benefit={b}
            onStopped={(on) => void after(`已终止待遇，享受至${chineseDate(on)}。参保人和家属会收到通知。`, 'stop')}
          />
        </section>
      )}

      <section className="card" aria-labelledby="b-events">
        <h2 id="b-events">办理记录</h2>
        <BenefitHistory events={events} />
      </section>
    </article>
  );
}

/** A suspension as registered: its reason, first day and (if known) last day. */
interface Suspended {
  reason: string;
  from: string;
  to?: string;
}

function SuspensionItem({
  benefitId,
  suspension: s,
  canEnd,
  onEnded,
}: {
  benefitId: string;
  suspension: Suspension;
  canEnd: boolean;
  onEnded: (to: string) => void;
}) {
  return (
    <li className="record" data-suspension={s.id}>
      <p className="record-head">
        <strong>{s.reasonName}</strong>
        <span>
          {chineseDate(s.from)} 至 {s.to ? chineseDate(s.to) : '今（仍在暂停）'}
        </span>
      </p>
      {s.note && <p>说明：{s.note}</p>}
      {canEnd && s.to === null && (
        <Opens
          label="结束暂停"
          onDone={onEnded}
          form={(opened) => <EndSuspensionForm benefitId={benefitId} suspension={s} {...opened} />}
        />
      )}
    </li>
  );
}

function EndSuspensionForm({
  benefitId,
  suspension: s,
  onCancel,
  onDone,
}: {
  benefitId: string;
  suspension: Suspension;
} & Opened<string>) {
  const id = useId();
  const [to, setTo] = useState('');
  const { error, busy, send, setError } = useAction();

  async function submit() {
    if (!to) {
      setError('请选择暂停的最后一天（出院或离开机构的前一天）。');
      return;
    }
    if (await send(() => api.endSuspension(benefitId, s.id, to), [])) onDone(to);
  }

  return (
    <ActionForm
      title="结束暂停"
      level={4}
      error={error}
      busy={busy}
      submit="确认结束暂停"
      onSubmit={() => void submit()}
      onCancel={onCancel}
    >
      <InputField
        id={`${id}-to`}
        label="暂停的最后一天"
        type="date"
        min={s.from}
        value={to}
        onValue={setTo}
        hint="次日起恢复待遇。"
      />
    </ActionForm>
  );
}

/** The "登记暂停" button; the form is mounted afresh each time it opens. */
function SuspendForm({ benefit, onSuspended }: { benefit: Benefit; onSuspended: (s: Suspended) => void }) {
  return (
    <Opens label="登记暂停" onDone={onSuspended} form={(opened) => <SuspendFields benefit={benefit} {...opened} />} />
  );
}

function SuspendFields({
  benefit,
  onCancel,
  onDone,
}: {
  benefit: Benefit;
} & Opened<Suspended>) {
  const id = useId();
  const [reason, setReason] = useState('hospital-stay');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');
  const { errors, error, busy, check, send } = useAction();

  async function submit() {
    const missing: Record<string, string> = {};
    if (!from) missing.from = '请选择暂停的第一天。';
    if (!check(missing, '还有内容没有填写，请看下面的提示。')) return;
    const body = { reason, from, ...(to ? { to } : {}), ...(note.trim() ? { note: note.trim() } : {}) };
    if (await send(() => api.suspend(benefit.id, body))) onDone(body);
  }

  return (
    <ActionForm
      title="登记暂停"
      intro="涉及已结算的月份，系统会按享受待遇的天数重新结算，并通知家属。"
      error={error}
      busy={busy}
      submit="确认登记暂停"
      busyText="正在登记…"
      onSubmit={() => void submit()}
      onCancel={onCancel}
    >
      <SelectField
        id={`${id}-reason`}
        label="暂停原因"
        value={reason}
        onValue={setReason}
        options={Object.entries(SUSPENSION_REASON_NAMES).map(([value, name]) => (
          <option key={value} value={value}>
            {name}
          </option>
        ))}
      />
      <InputField
        id={`${id}-from`}
        label="暂停的第一天"
        type="date"
        value={from}
        onValue={setFrom}
        error={errors.from}
      />
      <InputField
        id={`${id}-to`}
        label="暂停的最后一天（仍在住院可以不填）"
        type="date"
        min={from || undefined}
        value={to}
        onValue={setTo}
        error={errors.to}
      />
      <InputField id={`${id}-note`} label="说明（可不填）" maxLength={200} value={note} onValue={setNote} />
    </ActionForm>
  );
}

/** What a benefit event recorded besides its reason, in words. */
function eventLines(e: BenefitEvent): string[] {
  const d = e.data ?? {};
  const lines: string[] = [];
  const str = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : null);
  if (str('startMonth')) lines.push(`开始享受：${monthText(str('startMonth')!)}`);
  if (e.action === 'change-plan' && str('fromMonth')) lines.push(`生效月份：${monthText(str('fromMonth')!)}`);
  if (e.action === 'regrade' && str('fromMonth')) lines.push(`新等级生效：${monthText(str('fromMonth')!)}`);
  if ((e.action === 'suspend' || e.action === 'resume') && str('from')) {
    lines.push(`暂停：${chineseDate(str('from')!)} 至 ${str('to') ? chineseDate(str('to')!) : '今'}`);
  }
  if (str('resumesOn')) lines.push(`恢复日期：${chineseDate(str('resumesOn')!)}`);
  if (str('on')) lines.push(`享受至：${chineseDate(str('on')!)}`);
  const months = resettledOf(e);
  if (months.length) lines.push(`重新结算：${months.map(monthText).join('、')}`);
  return lines;
}

function BenefitHistory({ events }: { events: BenefitEvent[] }) {
  if (!events.length) return <p className="muted">还没有办理记录。</p>;
  return (
    <ol className="history" aria-label="办理记录，最早的在前">
      {events.map((e) => {
        const listed: unknown = e.data?.citations;
        const cites = Array.isArray(listed) ? (listed as { doc: string; clause: string }[]) : [];
        return (
          <li key={e.id} className="history-row" data-action={e.action}>
            <p className="history-head">
              <strong>{BENEFIT_ACTION_NAMES[e.action] ?? e.action}</strong>
              <time dateTime={e.at}>{dateTimeText(e.at)}</time>
            </p>
            {e.from !== e.to && (
              <p className="history-states">
                {e.from in BENEFIT_STATE_NAMES
                  ? `${BENEFIT_STATE_NAMES[e.from]} → ${BENEFIT_STATE_NAMES[e.to] ?? e.to}`
                  : `状态：${BENEFIT_STATE_NAMES[e.to] ?? e.to}`}
              </p>
            )}
            <p>办理人：{roleName(e.actorRole)}</p>
            {e.reason && <p>原因：{e.reason}</p>}
            {eventLines(e).map((line) => (
              <p key={line}>{line}</p>
            ))}
            <Citations cites={cites} />
          </li>
        );
      })}
    </ol>
  );
}

function BackToBenefits() {
  return (
    <p className="back">
      <a href={hrefOf({ page: 'benefits', state: null })} onClick={followLink}>
        ← 返回待遇列表
      </a>
    </p>
  );
}
