// A change of care mode or designated provider, booked for the next month: the server takes it from the 1st
// of the next month (or the start month, if the benefit has not started yet). The modes are those the region
// offers in that month (GET /regions/:region/care-modes, from the rules module). The plan items belong to the
// benefit, not to a month, so a change of items applies at once; they are sent only when the officer changed
// them, never dropped because another provider does not post them.
import { useId, useState } from 'react';
import { api, type Benefit } from '../api';
import { dateTimeText, monthText, nextMonthOf, shanghaiDate } from '../format';
import { ErrorNote } from './Notice';
import { missingChoice, ProviderField, useRegionChoices } from './CareChoices';
import { ActionForm, Choices, InputField, Opens, type Opened, SelectField, useAction } from './Form';

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
  return (
    <Opens
      label="变更护理方式或机构"
      onDone={onChanged}
      form={(opened) => <PlanChangeForm benefit={benefit} {...opened} />}
    />
  );
}

function PlanChangeForm({
  benefit: b,
  onCancel,
  onDone,
}: {
  benefit: Benefit;
} & Opened<string>) {
  const id = useId();
  const month = changeMonthOf(b);
  const before = planIn(b, month);
  const [mode, setMode] = useState(before.careMode);
  const [providerId, setProviderId] = useState(before.providerId);
  const [planItems, setPlanItems] = useState<string[]>(b.planItems);
  const [reason, setReason] = useState('');
  const { errors, error, busy, check, send, clear, setError } = useAction();
  const { providers, regionModes, modes } = useRegionChoices(b.region, month, setError);

  const offering = (providers ?? []).filter((p) => p.careModes.includes(mode));
  const chosen = offering.find((p) => p.id === providerId) ?? null;
  // The plan's items and those the chosen provider posts, to tick or untick.
  const itemChoices = [...new Set([...b.planItems, ...(chosen?.items.map((i) => i.name) ?? [])])];
  const mark = before.scheduled ? '（已安排）' : '（现在的）';

  function chooseProvider(next: string) {
    setProviderId(next);
    clear();
  }

  async function submit() {
    if (!check(...missingChoice(mode, chosen))) return;
    await send(async () => {
      const updated = await api.changePlan(b.id, {
        careMode: mode,
        providerId,
        ...(sameItems(planItems, b.planItems) ? {} : { planItems }),
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      const booked = updated.plans.find((p) => p.scheduled) ?? updated.current;
      onDone(
        `已安排变更：${monthText(booked.fromMonth)}1日起${booked.careModeName}，${booked.providerName}。家属会收到通知。`,
      );
    });
  }

  return (
    <ActionForm
      title="变更护理方式或机构"
      intro={`同一时间只能享受一种护理方式。变更从${monthText(month)}1日起生效，这个月仍按现在的方式和机构；在生效前再次变更，会替换这次安排。`}
      error={error}
      busy={busy}
      submit="确认变更"
      busyText="正在安排…"
      disabled={!providers || !regionModes}
      onSubmit={() => void submit()}
      onCancel={onCancel}
    >
      {(providers === null || regionModes === null) && !error && (
        <p className="muted">正在读取本统筹区的护理方式和定点机构…</p>
      )}
      {providers && regionModes && (
        <>
          <SelectField
            id={`${id}-mode`}
            label={`护理方式（${monthText(month)}起）`}
            value={mode}
            onValue={(next) => {
              setMode(next);
              chooseProvider('');
            }}
            error={errors.careMode}
            options={
              <>
                {!modes.some((m) => m.id === mode) && <option value="">请选择</option>}
                {modes.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                    {m.id === before.careMode ? mark : ''}
                  </option>
                ))}
              </>
            }
            extra={
              regionModes.notOffered.length > 0 && (
                <p className="hint">
                  {regionModes.regionName}在{monthText(month)}不提供
                  {regionModes.notOffered.map((m) => m.name).join('、')}。
                </p>
              )
            }
          />
          <ProviderField
            id={`${id}-provider`}
            offering={offering}
            value={providerId}
            onValue={chooseProvider}
            error={errors.providerId}
            mark={(p) => (p.id === before.providerId ? mark : '')}
            extra={
              <>
                {mode && offering.length === 0 && (
                  <p className="hint">本统筹区还没有登记提供这种护理方式的定点机构。</p>
                )}
                {chosen && (
                  <p className="hint" data-field="chosen-provider">
                    {chosen.address}；电话 {chosen.phone}；空余名额 {chosen.freePlaces} / {chosen.capacity}
                  </p>
                )}
              </>
            }
          />
          {itemChoices.length > 0 && (
            <Choices
              legend="服务计划中的项目"
              hint="项目的调整从现在起生效，不随护理方式的变更月份；计划外的项目由个人自费。"
              names={itemChoices}
              chosen={planItems}
              onChange={setPlanItems}
            />
          )}
          <InputField
            id={`${id}-reason`}
            label="变更原因（可不填）"
            maxLength={200}
            value={reason}
            onValue={setReason}
          />
        </>
      )}
    </ActionForm>
  );
}

/**
 * The family's or community worker's requests still waiting (issue 12 §5): each with 确认变更 (booked from the
 * month after today, as the server computes it) and 不同意 with a reason the family reads. Decided ones are
 * listed below them, so the officer sees what was asked before.
 */
export function PlanRequests({
  benefit: b,
  writable,
  onDecided,
}: {
  benefit: Benefit;
  writable: boolean;
  onDecided: (message: string) => void;
}) {
  const requests = b.planRequests ?? [];
  if (!requests.length) return null;
  const pending = requests.filter((r) => r.state === 'pending');
  const decided = requests.filter((r) => r.state !== 'pending' && r.state !== 'replaced');
  return (
    <div className="stack" data-testid="plan-requests">
      {pending.map((r) => (
        <PendingRequest key={r.id} benefit={b} request={r} writable={writable} onDecided={onDecided} />
      ))}
      {decided.length > 0 && (
        <ul className="records" aria-label="已处理的变更申请">
          {decided.map((r) => (
            <li key={r.id} data-request-state={r.state}>
              {requesterName(r.requestedByRole)}申请改为{r.careModeName}，{r.providerName}：{r.stateName}
              {r.fromMonth ? `（${monthText(r.fromMonth)}起）` : ''}
              {r.declineReason ? `；原因：${r.declineReason}` : ''}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const requesterName = (role: string) => (role === 'community-worker' ? '社区工作人员' : '本人或家属');

function PendingRequest({
  benefit: b,
  request: r,
  writable,
  onDecided,
}: {
  benefit: Benefit;
  request: NonNullable<Benefit['planRequests']>[number];
  writable: boolean;
  onDecided: (message: string) => void;
}) {
  const { error, busy, send } = useAction();
  const month = changeMonthOf(b);
  async function confirm() {
    let booked = month;
    const ok = await send(async () => {
      const updated = await api.confirmPlanRequest(b.id, r.id);
      booked = updated.planRequests?.find((x) => x.id === r.id)?.fromMonth ?? month;
    });
    if (ok) onDecided(`已确认变更：${monthText(booked)}1日起${r.careModeName}，${r.providerName}。家属会收到通知。`);
  }
  return (
    <div className="notice notice-warn stack" data-testid="pending-plan-request">
      <p>
        <strong>变更申请待确认：</strong>
        {requesterName(r.requestedByRole)}于{dateTimeText(r.requestedAt)}申请改为{r.careModeName}，{r.providerName}
        {r.reason ? `；原因：${r.reason}` : ''}。确认后从{monthText(month)}1日起生效。
      </p>
      {writable && (
        <>
          <ErrorNote message={error} />
          <div className="button-row">
            <button type="button" className="button" disabled={busy} onClick={() => void confirm()}>
              {busy ? '正在确认…' : '确认变更'}
            </button>
            <Opens
              label="不同意"
              onDone={onDecided}
              form={(opened) => <DeclineForm benefit={b} request={r} {...opened} />}
            />
          </div>
        </>
      )}
    </div>
  );
}

function DeclineForm({
  benefit: b,
  request: r,
  onCancel,
  onDone,
}: { benefit: Benefit; request: NonNullable<Benefit['planRequests']>[number] } & Opened<string>) {
  const id = useId();
  const [reason, setReason] = useState('');
  const { errors, error, busy, check, send } = useAction();
  async function submit() {
    if (!check(reason.trim() ? {} : { reason: '请填写原因' }, '请写明不同意的原因，家属会看到。')) return;
    if (await send(() => api.declinePlanRequest(b.id, r.id, reason.trim()), ['reason'])) {
      onDone('已告知家属：这次变更申请未通过，并附上了原因。');
    }
  }
  return (
    <ActionForm
      title="不同意这次变更申请"
      intro="请用家属看得懂的话写明原因，以及接下来可以怎么办。"
      error={error}
      busy={busy}
      submit="不同意并告知家属"
      busyText="正在发送…"
      onSubmit={() => void submit()}
      onCancel={onCancel}
    >
      <InputField
        id={`${id}-reason`}
        label="原因"
        maxLength={200}
        value={reason}
        onValue={setReason}
        error={errors.reason}
      />
    </ActionForm>
  );
}
