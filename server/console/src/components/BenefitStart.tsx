// On an approved application: the benefit made from it, or (officers) the form that makes it — the care mode
// the region offers in the month the benefit starts (GET /regions/:region/care-modes, from the rules module)
// and the designated provider the family chose, among the providers of the person's region.
import { useEffect, useId, useState } from 'react';
import { api, messageOf, type ApplicationSummary, type Benefit, type User } from '../api';
import { benefitStateText } from '../benefitState';
import { monthText } from '../format';
import { followLink, hrefOf, navigate } from '../router';
import { missingChoice, ProviderField, useRegionChoices } from './CareChoices';
import { ActionForm, Choices, SelectField, useAction } from './Form';
import { ErrorNote } from './Notice';
import { RatingText } from './Rating';

const BEFORE_DECISION = [
  'draft',
  'submitted',
  'returned',
  'accepted',
  'assessment-scheduled',
  'assessed',
  'publicized',
];

export function BenefitStart({ application: a, user }: { application: ApplicationSummary; user: User }) {
  const [benefit, setBenefit] = useState<Benefit | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);

  // Only a decided application can have a benefit; before that there is nothing to look up.
  const decided = !BEFORE_DECISION.includes(a.state);
  useEffect(() => {
    setBenefit(undefined);
    if (!decided) return;
    api
      .benefits({ personId: a.personId })
      .then((list) => setBenefit(list.find((b) => b.applicationId === a.id) ?? null))
      .catch((err: unknown) => setError(messageOf(err)));
  }, [a.id, a.personId, a.state, decided]);

  if (a.state !== 'approved' && !benefit) return null;
  return (
    <div className="benefit-start stack" aria-labelledby="benefit-start-title">
      <h3 id="benefit-start-title">待遇</h3>
      <ErrorNote message={error} />
      {benefit === undefined && !error && <p className="muted">正在查询待遇…</p>}
      {benefit && (
        <>
          <p>
            已建立待遇（{benefitStateText(benefit)}，{monthText(benefit.startMonth)}起，{benefit.current.careModeName}，
            {benefit.current.providerName}）。
          </p>
          <p>
            <a className="link" href={hrefOf({ page: 'benefit', id: benefit.id })} onClick={followLink}>
              查看待遇与月度结算
            </a>
          </p>
        </>
      )}
      {benefit === null && user.role !== 'officer' && <p className="muted">这份申请还没有建立待遇。</p>}
      {benefit === null && user.role === 'officer' && !open && (
        <>
          <p className="muted">
            申请已核准，按家属选定的护理方式和定点机构建立待遇
            {a.benefitStartMonth ? `，从${monthText(a.benefitStartMonth)}开始享受` : ''}。
          </p>
          <button type="button" className="button" aria-expanded={false} onClick={() => setOpen(true)}>
            建立待遇
          </button>
        </>
      )}
      {benefit === null && user.role === 'officer' && open && (
        <BenefitForm application={a} onCancel={() => setOpen(false)} />
      )}
    </div>
  );
}

function BenefitForm({ application: a, onCancel }: { application: ApplicationSummary; onCancel: () => void }) {
  const id = useId();
  const [mode, setMode] = useState('');
  const [providerId, setProviderId] = useState('');
  const [planItems, setPlanItems] = useState<string[]>([]);
  const { errors, error, busy, check, send, clear, setError } = useAction();
  // The month the benefit starts decides which modes can be chosen (the server checks the same).
  const { providers, regionModes, modes } = useRegionChoices(
    a.person.region,
    a.benefitStartMonth ?? undefined,
    setError,
  );

  useEffect(() => {
    if (!mode && modes.length) setMode(modes.find((m) => m.id === a.careMode)?.id ?? modes[0].id);
  }, [modes, mode, a.careMode]);

  const offering = (providers ?? []).filter((p) => p.careModes.includes(mode));
  const chosen = offering.find((p) => p.id === providerId) ?? null;

  function chooseProvider(next: string) {
    setProviderId(next);
    setPlanItems([]);
    clear();
  }

  async function submit() {
    if (!check(...missingChoice(mode, chosen))) return;
    await send(async () => {
      const b = await api.createBenefit({ applicationId: a.id, careMode: mode, providerId, planItems });
      navigate(hrefOf({ page: 'benefit', id: b.id }));
    });
  }

  return (
    <ActionForm
      title="建立待遇"
      level={4}
      error={error}
      busy={busy}
      submit="确认建立待遇"
      busyText="正在建立…"
      disabled={!providers?.length || !modes.length}
      onSubmit={() => void submit()}
      onCancel={onCancel}
    >
      {(providers === null || regionModes === null) && !error && (
        <p className="muted">正在读取本统筹区的护理方式和定点机构…</p>
      )}
      {providers && providers.length === 0 && (
        <p className="notice notice-warn">这个统筹区还没有登记定点机构，请先登记机构。</p>
      )}
      {regionModes && modes.length === 0 && (
        <p className="notice notice-warn">
          {regionModes.regionName}在{monthText(regionModes.month)}没有可以选择的护理方式，请联系上级经办机构核实。
        </p>
      )}
      {providers && regionModes && modes.length > 0 && (
        <>
          <SelectField
            id={`${id}-mode`}
            label="护理方式"
            value={mode}
            onValue={(next) => {
              setMode(next);
              chooseProvider('');
            }}
            error={errors.careMode}
            hintField="modes-hint"
            hint={
              <>
                {regionModes.regionName}在{monthText(regionModes.month)}提供以上{modes.length}种护理方式
                {regionModes.notOffered.length ? `；不提供${regionModes.notOffered.map((m) => m.name).join('、')}` : ''}
                。
              </>
            }
            options={modes.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
                {m.id === a.careMode ? '（申请时选择的）' : ''}
              </option>
            ))}
          />
          <ProviderField
            id={`${id}-provider`}
            offering={offering}
            value={providerId}
            onValue={chooseProvider}
            error={errors.providerId}
            extra={
              <>
                {mode && offering.length === 0 && (
                  <p className="hint">本统筹区还没有登记提供这种护理方式的定点机构，请换一种方式，或先登记机构。</p>
                )}
                {chosen && (
                  <p className="hint" data-field="chosen-provider">
                    {chosen.address}；电话 {chosen.phone}；空余名额 {chosen.freePlaces} / {chosen.capacity}；评分{' '}
                    <RatingText rating={chosen.rating} />
                  </p>
                )}
              </>
            }
          />
        </>
      )}
      {chosen && chosen.items.length > 0 && (
        <Choices
          legend="服务计划中的项目"
          hint="计划外的项目会在服务记录中标为个人自费，须经本人或监护人同意。"
          names={chosen.items.map((item) => item.name)}
          chosen={planItems}
          onChange={setPlanItems}
        />
      )}
    </ActionForm>
  );
}
