import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, messageOf, type Named, type Provider, type Region, type User } from '../api';
import { Fact } from '../components/Fact';
import { RatingText } from '../components/Rating';
import { ErrorNote } from '../components/Notice';
import { distanceText } from '../format';
import { HOSPITAL_TIER_NAMES, PROVIDER_SORT_NAMES } from '../labels';
import { followLink, hrefOf, navigate } from '../router';

/** Officers and admins register and edit providers (the server says the same). */
export const PROVIDER_EDITORS = ['officer', 'admin'];

const FILTERS = ['region', 'district', 'mode', 'q', 'sort'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

/** The list's last search, so "back to the list" returns to the same results. */
export let lastProviderSearch = new URLSearchParams();

function filtersOf(search: URLSearchParams): Filters {
  return Object.fromEntries(FILTERS.map((k) => [k, search.get(k) ?? ''])) as Filters;
}

export function ProvidersPage({ search, user }: { search: URLSearchParams; user: User }) {
  const applied = filtersOf(search);
  const appliedKey = search.toString();
  const [form, setForm] = useState<Filters>(applied);
  const [regions, setRegions] = useState<Region[]>([]);
  const [modes, setModes] = useState<Named[]>([]);
  const [providers, setProviders] = useState<Provider[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    api.regions().then(setRegions, () => setRegions([]));
    api.careModes().then(setModes, () => setModes([]));
  }, []);

  useEffect(() => {
    lastProviderSearch = new URLSearchParams(appliedKey);
    const f = filtersOf(lastProviderSearch);
    setForm(f);
    setProviders(null);
    setError(null);
    api
      .providers({
        region: f.region || undefined,
        district: f.district || undefined,
        mode: f.mode || undefined,
        q: f.q.trim() || undefined,
        sort: f.sort || undefined,
      })
      .then(setProviders)
      .catch((err: unknown) => setError(messageOf(err)));
  }, [appliedKey]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const k of FILTERS) if (form[k].trim()) next.set(k, form[k].trim());
    navigate(hrefOf({ page: 'providers', search: next }));
  }

  const districts = regions.find((r) => r.id === form.region)?.districts ?? [];
  const set = (k: keyof Filters, v: string) =>
    setForm((f) => ({ ...f, [k]: v, ...(k === 'region' ? { district: '' } : {}) }));

  return (
    <section>
      <div className="title-row">
        <h1 ref={heading} tabIndex={-1}>
          定点机构
        </h1>
        {PROVIDER_EDITORS.includes(user.role) && (
          <a className="button" href={hrefOf({ page: 'provider-new' })} onClick={followLink}>
            登记定点机构
          </a>
        )}
      </div>
      <form className="card filters" onSubmit={submit} role="search" aria-label="查找定点机构">
        <div className="field">
          <label htmlFor="f-q">机构名称或地址</label>
          <input id="f-q" type="search" value={form.q} maxLength={40} onChange={(e) => set('q', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="f-region">统筹区</label>
          <select id="f-region" value={form.region} onChange={(e) => set('region', e.target.value)}>
            <option value="">全部统筹区</option>
            {regions.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-district">区县</label>
          <select
            id="f-district"
            value={form.district}
            disabled={!districts.length}
            onChange={(e) => set('district', e.target.value)}
          >
            <option value="">{form.region ? '全部区县' : '请先选统筹区'}</option>
            {districts.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-mode">护理方式</label>
          <select id="f-mode" value={form.mode} onChange={(e) => set('mode', e.target.value)}>
            <option value="">全部护理方式</option>
            {modes.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-sort">排序</label>
          <select id="f-sort" value={form.sort} onChange={(e) => set('sort', e.target.value)}>
            {Object.entries(PROVIDER_SORT_NAMES).map(([id, name]) => (
              <option key={id} value={id === 'name' ? '' : id}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="button-row filters-actions">
          <button type="submit" className="button">
            查找
          </button>
          <a
            className="button button-quiet"
            href={hrefOf({ page: 'providers', search: new URLSearchParams() })}
            onClick={followLink}
          >
            清除条件
          </a>
        </div>
      </form>
      <ErrorNote message={error} />
      {providers === null && !error && <p className="muted">正在查找…</p>}
      {providers && (
        <>
          <h2 className="list-heading" aria-live="polite">
            找到 {providers.length} 家定点机构
          </h2>
          {providers.length === 0 ? (
            <p className="muted">没有符合条件的机构，可以换个关键词或清除条件再找。</p>
          ) : (
            <ol className="queue" aria-label="定点机构">
              {providers.map((p) => (
                <ProviderItem key={p.id} provider={p} />
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}

function ProviderItem({ provider: p }: { provider: Provider }) {
  return (
    <li className="queue-item provider-item">
      <a href={hrefOf({ page: 'provider', id: p.id })} onClick={followLink} className="queue-link">
        <span className="queue-name">{p.name}</span>
        {p.isSample && !p.name.includes('示例') && <span className="badge">示例数据</span>}
      </a>
      <dl className="facts">
        <Fact term="所在地">
          {p.regionName}
          {p.districtName ? ` ${p.districtName}` : ''}
        </Fact>
        <Fact term="护理方式">{p.careModeNames.join('、')}</Fact>
        {p.hospitalTier !== null && (
          <Fact term="医院等级">{HOSPITAL_TIER_NAMES[p.hospitalTier] ?? p.hospitalTier}</Fact>
        )}
        <Fact term="空余名额" field="free-places">
          {p.freePlaces} / {p.capacity}
        </Fact>
        <Fact term="评分" field="rating">
          <RatingText rating={p.rating} />
        </Fact>
        {p.distanceMeters !== undefined && <Fact term="距离">{distanceText(p.distanceMeters)}</Fact>}
        <Fact term="电话">{p.phone}</Fact>
      </dl>
    </li>
  );
}
