// Registering a designated provider, or editing one (officers and admins). The server checks what depends on
// the rules (districts of the region, modes the region offers, the hospital tier of 医疗专护) and says why.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  api,
  ApiError,
  messageOf,
  type Named,
  type Provider,
  type ProviderInput,
  type Region,
  type User,
} from '../api';
import { ErrorNote } from '../components/Notice';
import { parseYuan, yuanInput } from '../format';
import { HOSPITAL_TIER_NAMES } from '../labels';
import { followLink, hrefOf, navigate } from '../router';
import { BackToProviders } from './ProviderPage';
import { PROVIDER_EDITORS } from './ProvidersPage';

interface ItemRow {
  key: number;
  name: string;
  unit: string;
  price: string;
}

interface FormState {
  name: string;
  region: string;
  district: string;
  address: string;
  lat: string;
  lng: string;
  phone: string;
  careModes: string[];
  hospitalTier: string;
  capacity: string;
  freePlaces: string;
  items: ItemRow[];
}

let nextKey = 1;
const EMPTY: FormState = {
  name: '',
  region: '',
  district: '',
  address: '',
  lat: '',
  lng: '',
  phone: '',
  careModes: [],
  hospitalTier: '',
  capacity: '',
  freePlaces: '',
  items: [],
};

function stateOf(p: Provider): FormState {
  return {
    name: p.name,
    region: p.region,
    district: p.district ?? '',
    address: p.address,
    lat: String(p.lat),
    lng: String(p.lng),
    phone: p.phone,
    careModes: p.careModes,
    hospitalTier: p.hospitalTier === null ? '' : String(p.hospitalTier),
    capacity: String(p.capacity),
    freePlaces: String(p.freePlaces),
    items: p.items.map((i) => ({ key: nextKey++, name: i.name, unit: i.unit, price: yuanInput(i.priceFen) })),
  };
}

const INT = /^\d{1,6}$/;
const COORD = /^-?\d{1,3}(\.\d+)?$/;

/** Checks what the page can check and builds the body; the rest is the server's to say. */
function validate(f: FormState): { body: ProviderInput | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (!f.name.trim()) errors.name = '请填写机构名称。';
  if (!f.region) errors.region = '请选择统筹区。';
  if (!f.address.trim()) errors.address = '请填写地址。';
  if (!f.phone.trim()) errors.phone = '请填写机构电话。';
  if (!COORD.test(f.lat.trim())) errors.lat = '请填写纬度，例如 28.0146。';
  if (!COORD.test(f.lng.trim())) errors.lng = '请填写经度，例如 120.6506。';
  if (!f.careModes.length) errors.careModes = '请至少选择一种护理方式。';
  if (!INT.test(f.capacity.trim())) errors.capacity = '请填写服务容量（整数）。';
  if (!INT.test(f.freePlaces.trim())) errors.freePlaces = '请填写空余名额（整数）。';
  const items = f.items.map((row, i) => {
    const priceFen = parseYuan(row.price);
    if (!row.name.trim() || !row.unit.trim() || priceFen === null) {
      errors[`items.${i}`] = '请填写项目名称、计价单位和收费（元，最多两位小数）。';
    }
    return { name: row.name.trim(), unit: row.unit.trim(), priceFen: priceFen ?? 0 };
  });
  if (Object.keys(errors).length) return { body: null, errors };
  return {
    errors,
    body: {
      name: f.name.trim(),
      region: f.region,
      district: f.district || null,
      address: f.address.trim(),
      lat: Number(f.lat),
      lng: Number(f.lng),
      phone: f.phone.trim(),
      careModes: f.careModes,
      hospitalTier: f.hospitalTier ? Number(f.hospitalTier) : null,
      capacity: Number(f.capacity),
      freePlaces: Number(f.freePlaces),
      items,
    },
  };
}

/** 'careModes.1' → 'careModes', 'items.0.priceFen' → 'items.0': the field that shows the server's message. */
function fieldOfPath(path: string): string {
  const [head, index] = path.split('.');
  if (head === 'items' && index !== undefined) return `items.${index}`;
  return head;
}

export function ProviderFormPage({ id, user }: { id: string | null; user: User }) {
  const [form, setForm] = useState<FormState>(EMPTY);
  const [loaded, setLoaded] = useState(id === null);
  const [regions, setRegions] = useState<Region[]>([]);
  const [modes, setModes] = useState<Named[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    api.regions().then(setRegions, () => setRegions([]));
    api.careModes().then(setModes, () => setModes([]));
  }, []);
  useEffect(() => {
    if (id === null) return;
    api
      .provider(id)
      .then((p) => {
        setForm(stateOf(p));
        setLoaded(true);
      })
      .catch((err: unknown) => setError(messageOf(err)));
  }, [id]);
  useEffect(() => {
    if (loaded) heading.current?.focus();
  }, [loaded]);

  if (!PROVIDER_EDITORS.includes(user.role)) {
    return (
      <section>
        <BackToProviders />
        <h1>没有修改权限</h1>
        <p>定点机构由经办人员或系统管理员登记和修改。</p>
      </section>
    );
  }
  if (!loaded) {
    return (
      <section>
        <BackToProviders />
        {error ? <ErrorNote message={error} /> : <p className="muted">正在读取机构信息…</p>}
      </section>
    );
  }

  const set = <K extends keyof FormState>(k: K, v: FormState[K]) => {
    setForm((f) => ({ ...f, [k]: v }));
    // A changed field's message no longer applies.
    if (errors[k]) setErrors(({ [k]: _gone, ...rest }) => rest);
  };
  const districts = regions.find((r) => r.id === form.region)?.districts ?? [];
  const setItem = (key: number, patch: Partial<ItemRow>) =>
    set(
      'items',
      form.items.map((row) => (row.key === key ? { ...row, ...patch } : row)),
    );

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { body, errors: found } = validate(form);
    setErrors(found);
    if (!body) {
      setError('还有内容需要修改，请看下面的提示。');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const saved = id === null ? await api.createProvider(body) : await api.updateProvider(id, body);
      navigate(hrefOf({ page: 'provider', id: saved.id }));
    } catch (err) {
      setError(messageOf(err));
      if (err instanceof ApiError) {
        setErrors(Object.fromEntries(err.details.map((d) => [fieldOfPath(d.path), d.message])));
      }
      setBusy(false);
    }
  }

  const describedBy = (name: string) => (errors[name] ? `pf-${name}-error` : undefined);
  const fieldError = (name: string) =>
    errors[name] ? (
      <p className="field-error" id={`pf-${name}-error`}>
        {errors[name]}
      </p>
    ) : null;
  const text = (
    name: 'name' | 'address' | 'phone' | 'lat' | 'lng' | 'capacity' | 'freePlaces',
    label: string,
    extra: object = {},
  ) => (
    <div className="field">
      <label htmlFor={`pf-${name}`}>{label}</label>
      <input
        id={`pf-${name}`}
        value={form[name]}
        aria-invalid={Boolean(errors[name])}
        aria-describedby={describedBy(name)}
        onChange={(e) => set(name, e.target.value)}
        {...extra}
      />
      {fieldError(name)}
    </div>
  );

  return (
    <section>
      <BackToProviders />
      <h1 ref={heading} tabIndex={-1}>
        {id === null ? '登记定点机构' : `修改：${form.name}`}
      </h1>
      <form className="card stack provider-form" onSubmit={submit} noValidate aria-label="定点机构信息">
        {text('name', '机构名称', { maxLength: 60 })}
        <div className="field">
          <label htmlFor="pf-region">统筹区</label>
          <select
            id="pf-region"
            value={form.region}
            aria-invalid={Boolean(errors.region)}
            aria-describedby={describedBy('region')}
            onChange={(e) => setForm((f) => ({ ...f, region: e.target.value, district: '' }))}
          >
            <option value="">请选择</option>
            {regions.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
          {fieldError('region')}
        </div>
        {(districts.length > 0 || errors.district) && (
          <div className="field">
            <label htmlFor="pf-district">区县</label>
            <select
              id="pf-district"
              value={form.district}
              aria-invalid={Boolean(errors.district)}
              aria-describedby={describedBy('district')}
              onChange={(e) => set('district', e.target.value)}
            >
              <option value="">请选择</option>
              {districts.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
            {fieldError('district')}
          </div>
        )}
        {text('address', '地址', { maxLength: 200 })}
        {text('phone', '机构电话', { inputMode: 'tel', autoComplete: 'off' })}
        <div className="field-pair">
          {text('lat', '纬度', { inputMode: 'decimal' })}
          {text('lng', '经度', { inputMode: 'decimal' })}
        </div>
        <fieldset className="choices" aria-describedby={describedBy('careModes')}>
          <legend>提供的护理方式</legend>
          <p className="hint">只能选这个统筹区提供的方式；保存后按当地的叫法显示。</p>
          {modes.map((m) => (
            <label key={m.id} className="choice">
              <input
                type="checkbox"
                checked={form.careModes.includes(m.id)}
                onChange={(e) =>
                  set(
                    'careModes',
                    e.target.checked ? [...form.careModes, m.id] : form.careModes.filter((x) => x !== m.id),
                  )
                }
              />
              {m.name}
            </label>
          ))}
          {fieldError('careModes')}
        </fieldset>
        <div className="field">
          <label htmlFor="pf-tier">医院等级（提供医疗专护的机构须填写）</label>
          <select
            id="pf-tier"
            value={form.hospitalTier}
            aria-invalid={Boolean(errors.hospitalTier)}
            aria-describedby={describedBy('hospitalTier')}
            onChange={(e) => set('hospitalTier', e.target.value)}
          >
            <option value="">不适用</option>
            {Object.entries(HOSPITAL_TIER_NAMES).map(([tier, name]) => (
              <option key={tier} value={tier}>
                {name}
              </option>
            ))}
          </select>
          {fieldError('hospitalTier')}
        </div>
        <div className="field-pair">
          {text('capacity', '服务容量（名额）', { inputMode: 'numeric' })}
          {text('freePlaces', '空余名额', { inputMode: 'numeric' })}
        </div>

        <fieldset className="items-editor" aria-describedby={describedBy('items')}>
          <legend>公示的服务项目及收费标准</legend>
          {form.items.length === 0 && <p className="muted">还没有项目。</p>}
          {form.items.map((row, i) => (
            <div key={row.key} className="item-row" role="group" aria-label={`服务项目 ${i + 1}`}>
              <div className="field">
                <label htmlFor={`pf-item-${row.key}-name`}>项目 {i + 1} 名称</label>
                <input
                  id={`pf-item-${row.key}-name`}
                  value={row.name}
                  maxLength={40}
                  aria-invalid={Boolean(errors[`items.${i}`])}
                  onChange={(e) => setItem(row.key, { name: e.target.value })}
                />
              </div>
              <div className="field">
                <label htmlFor={`pf-item-${row.key}-unit`}>计价单位</label>
                <input
                  id={`pf-item-${row.key}-unit`}
                  value={row.unit}
                  maxLength={10}
                  placeholder="次、小时、天"
                  aria-invalid={Boolean(errors[`items.${i}`])}
                  onChange={(e) => setItem(row.key, { unit: e.target.value })}
                />
              </div>
              <div className="field">
                <label htmlFor={`pf-item-${row.key}-price`}>收费（元）</label>
                <input
                  id={`pf-item-${row.key}-price`}
                  value={row.price}
                  inputMode="decimal"
                  aria-invalid={Boolean(errors[`items.${i}`])}
                  onChange={(e) => setItem(row.key, { price: e.target.value })}
                />
              </div>
              <button
                type="button"
                className="button button-secondary"
                onClick={() =>
                  set(
                    'items',
                    form.items.filter((r) => r.key !== row.key),
                  )
                }
              >
                删除项目 {i + 1}
              </button>
              {errors[`items.${i}`] && <p className="field-error item-error">{errors[`items.${i}`]}</p>}
            </div>
          ))}
          <button
            type="button"
            className="button button-quiet"
            onClick={() => set('items', [...form.items, { key: nextKey++, name: '', unit: '', price: '' }])}
          >
            添加服务项目
          </button>
          {fieldError('items')}
        </fieldset>

        <ErrorNote message={error} />
        <div className="button-row">
          <button type="submit" className="button" disabled={busy}>
            {busy ? '正在保存…' : id === null ? '登记' : '保存修改'}
          </button>
          <a
            className="button button-quiet"
            href={
              id === null
                ? hrefOf({ page: 'providers', search: new URLSearchParams() })
                : hrefOf({ page: 'provider', id })
            }
            onClick={followLink}
          >
            取消
          </a>
        </div>
      </form>
    </section>
  );
}
