// On an approved application: the benefit made from it, or (officers) the form that makes it — the care mode
// the region offers in the month the benefit starts (GET /regions/:region/care-modes, from the rules module)
// and the designated provider the family chose, among the providers of the person's region.
import { useEffect, useId, useState, type FormEvent } from 'react';
import {
  api,
  ApiError,
  messageOf,
  type ApplicationSummary,
  type Benefit,
  type Provider,
  type RegionModes,
  type User,
} from '../api';
import { monthText } from '../format';
import { followLink, hrefOf, navigate } from '../router';
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
            已建立待遇（{benefit.stateName}，{monthText(benefit.startMonth)}起，{benefit.current.careModeName}，
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
  const [providers, setProviders] = useState<Provider[] | null>(null);
  const [regionModes, setRegionModes] = useState<RegionModes | null>(null);
  const [mode, setMode] = useState('');
  const [providerId, setProviderId] = useState('');
  const [planItems, setPlanItems] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    Promise.all([
      api.providers({ region: a.person.region }),
      // The month the benefit starts decides which modes can be chosen (the server checks the same).
      api.regionCareModes(a.person.region, a.benefitStartMonth ?? undefined),
    ])
      .then(([list, modes]) => {
        setProviders(list);
        setRegionModes(modes);
      })
      .catch((err: unknown) => setError(messageOf(err)));
  }, [a.person.region, a.benefitStartMonth]);

  const modes = regionModes?.offered ?? [];
  useEffect(() => {
    if (!mode && modes.length) setMode(modes.find((m) => m.id === a.careMode)?.id ?? modes[0].id);
  }, [modes, mode, a.careMode]);

  const offering = (providers ?? []).filter((p) => p.careModes.includes(mode));
  const chosen = offering.find((p) => p.id === providerId) ?? null;

  function chooseProvider(next: string) {
    setProviderId(next);
    setPlanItems([]);
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
      const b = await api.createBenefit({ applicationId: a.id, careMode: mode, providerId, planItems });
      navigate(hrefOf({ page: 'benefit', id: b.id }));
    } catch (err) {
      setError(messageOf(err));
      if (err instanceof ApiError) setErrors(Object.fromEntries(err.details.map((d) => [d.path, d.message])));
      setBusy(false);
    }
  }

  return (
    <form className="inline-form stack" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>建立待遇</h4>
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
      {providers && modes.length > 0 && (
        <div className="field">
          <label htmlFor={`${id}-mode`}>护理方式</label>
          <select
            id={`${id}-mode`}
            value={mode}
            aria-invalid={Boolean(errors.careMode)}
            aria-describedby={`${id}-mode-hint`}
            onChange={(e) => {
              setMode(e.target.value);
              chooseProvider('');
            }}
          >
            {modes.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
                {m.id === a.careMode ? '（申请时选择的）' : ''}
              </option>
            ))}
          </select>
          <p className="hint" id={`${id}-mode-hint`} data-field="modes-hint">
            {regionModes!.regionName}在{monthText(regionModes!.month)}提供以上{modes.length}种护理方式
            {regionModes!.notOffered.length ? `；不提供${regionModes!.notOffered.map((m) => m.name).join('、')}` : ''}。
          </p>
          {errors.careMode && <p className="field-error">{errors.careMode}</p>}
        </div>
      )}
      {providers && modes.length > 0 && (
        <div className="field">
          <label htmlFor={`${id}-provider`}>定点机构</label>
          <select
            id={`${id}-provider`}
            value={providerId}
            aria-invalid={Boolean(errors.providerId)}
            aria-describedby={errors.providerId ? `${id}-provider-error` : undefined}
            onChange={(e) => chooseProvider(e.target.value)}
          >
            <option value="">请选择</option>
            {offering.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}（{p.districtName ?? p.regionName}）
              </option>
            ))}
          </select>
          {mode && offering.length === 0 && (
            <p className="hint">本统筹区还没有登记提供这种护理方式的定点机构，请换一种方式，或先登记机构。</p>
          )}
          {errors.providerId && (
            <p className="field-error" id={`${id}-provider-error`}>
              {errors.providerId}
            </p>
          )}
          {chosen && (
            <p className="hint" data-field="chosen-provider">
              {chosen.address}；电话 {chosen.phone}；空余名额 {chosen.freePlaces} / {chosen.capacity}；评分{' '}
              <RatingText rating={chosen.rating} />
            </p>
          )}
        </div>
      )}
      {chosen && chosen.items.length > 0 && (
        <fieldset className="choices">
          <legend>服务计划中的项目</legend>
          <p className="hint">计划外的项目会在服务记录中标为个人自费，须经本人或监护人同意。</p>
          {chosen.items.map((item) => (
            <label key={item.name} className="choice">
              <input
                type="checkbox"
                checked={planItems.includes(item.name)}
                onChange={(e) =>
                  setPlanItems(e.target.checked ? [...planItems, item.name] : planItems.filter((n) => n !== item.name))
                }
              />
              {item.name}
            </label>
          ))}
        </fieldset>
      )}
      <ErrorNote message={error} />
      <div className="button-row">
        <button type="submit" className="button" disabled={busy || !providers?.length || !modes.length}>
          {busy ? '正在建立…' : '确认建立待遇'}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel} disabled={busy}>
          取消
        </button>
      </div>
    </form>
  );
}
