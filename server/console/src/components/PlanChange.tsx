// A change of care mode or designated provider, booked for the next month: the server takes it from the 1st
// of the next month (or the start month, if the benefit has not started yet). The modes are those the region
// offers in that month (GET /regions/:region/care-modes, from the rules module). The plan items belong to the
// benefit, not to a month, so a change of items applies at once; they are sent only when the officer changed
// them, never dropped because another provider does not post them.
import { useId, useState } from 'react';
import { api, type Benefit } from '../api';
import { monthText, nextMonthOf, shanghaiDate } from '../format';
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
