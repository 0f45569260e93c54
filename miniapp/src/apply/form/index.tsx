// Applying for the assessment, one short step a screen, saved on the server as the family types (a draft
// application, PATCH on every change). What has not reached the server yet is kept on the phone too, so a
// failed request or a closed app loses nothing; it is sent again when the page opens.
import { Input, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { attrs, heading } from '../../components/a11y';
import { Btn } from '../../components/Btn';
import { Page } from '../../components/Page';
import { Failure, Loading } from '../../components/States';
import { Step } from '../../components/Step';
import { ApiError, del, get, patch, post } from '../../lib/api';
import { go, useParams } from '../../lib/nav';
import type { Named } from '../../lib/types';
import { useApi } from '../../lib/useApi';
import {
  kindName,
  MATERIAL_KINDS,
  openOrCreate,
  useActing,
  type AppEvent,
  type Application,
  type Material,
} from '../shared';
import { compress, pickPhoto, UNREADABLE, uploadMaterial, type Picked } from '../upload';
import '../apply.css';

type Field = 'careMode' | 'disabilityCause' | 'disabilityMonths' | 'description' | 'visitAddress' | 'contactPhone';
type Values = Partial<Record<Field, string | number | null>>;
const FIELDS: Field[] = [
  'careMode',
  'disabilityCause',
  'disabilityMonths',
  'description',
  'visitAddress',
  'contactPhone',
];
const TOTAL = 5;

const pendingKey = (id: string) => `changhu.apply.pending.${id}`;
function readPending(id: string): Values {
  try {
    const raw = Taro.getStorageSync(pendingKey(id));
    return raw ? (JSON.parse(raw) as Values) : {};
  } catch {
    return {};
  }
}
function writePending(id: string, v: Values): void {
  try {
    if (Object.keys(v).length) Taro.setStorageSync(pendingKey(id), JSON.stringify(v));
    else Taro.removeStorageSync(pendingKey(id));
  } catch {
    // Storage blocked: the page still holds what was typed.
  }
}

interface Loaded {
  app: Application;
  modes: Named[];
  causes: Named[];
  materials: Material[];
  returnReason: string | null;
}

async function load(personId: string): Promise<Loaded> {
  const app = await openOrCreate(personId);
  const [modes, causes, materials, events] = await Promise.all([
    get<{ offered: Named[] }>(`/regions/${encodeURIComponent(app.person.region)}/care-modes`),
    get<Named[]>('/disability-causes'),
    get<Material[]>(`/applications/${app.id}/materials`),
    get<AppEvent[]>(`/applications/${app.id}/events`),
  ]);
  const returned = [...events].reverse().find((e) => e.move === 'return');
  return { app, modes: modes.offered, causes, materials, returnReason: returned?.reason ?? null };
}

export default function ApplyForm() {
  const params = useParams();
  const acting = useActing('/apply/form/index');
  const loaded = useApi(acting ? () => load(acting.personId) : null, [acting?.personId]);
  if (!acting) return <Page title="申请失能评估">{null}</Page>;
  if (loaded.error) {
    return (
      <Page title="申请失能评估">
        <Failure error={loaded.error} retry={loaded.reload} />
      </Page>
    );
  }
  if (!loaded.data) {
    return (
      <Page title="申请失能评估">
        <Loading what="正在打开申请" />
      </Page>
    );
  }
  return <Form data={loaded.data} reload={loaded.reload} startStep={Number(params.step) || 1} name={acting.name} />;
}

function Form({
  data,
  reload,
  startStep,
  name,
}: {
  data: Loaded;
  reload: () => void;
  startStep: number;
  name: string;
}) {
  const { app } = data;
  const [step, setStep] = useState(Math.min(Math.max(startStep, 1), TOTAL));
  const [values, setValues] = useState<Values>(() => {
    const fromServer: Values = {};
    for (const f of FIELDS) fromServer[f] = app[f];
    return { ...fromServer, ...readPending(app.id) };
  });
  const [saving, setSaving] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<ApiError>();
  const pending = useRef<Values>(readPending(app.id));
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const [revising, setRevising] = useState(false);
  const [reviseError, setReviseError] = useState<ApiError>();

  const flush = async () => {
    clearTimeout(timer.current);
    const body = { ...pending.current };
    if (!Object.keys(body).length) return true;
    setSaving('saving');
    try {
      await patch<Application>(`/applications/${app.id}`, body);
      // Only what was sent is done; a field typed meanwhile stays pending.
      for (const [k, v] of Object.entries(body))
        if (pending.current[k as Field] === v) delete pending.current[k as Field];
      writePending(app.id, pending.current);
      setError(undefined);
      setSaving('saved');
      return true;
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError('server', '没能保存，请再试一次。'));
      setSaving('idle');
      return false;
    }
  };

  // What an earlier visit could not send goes now.
  useEffect(() => {
    if (app.state === 'draft' && Object.keys(pending.current).length) void flush();
    return () => clearTimeout(timer.current);
  }, []);

  const change = (field: Field, value: string | number | null, now = false) => {
    setValues((v) => ({ ...v, [field]: value }));
    pending.current = { ...pending.current, [field]: value };
    writePending(app.id, pending.current);
    clearTimeout(timer.current);
    if (now) void flush();
    else timer.current = setTimeout(() => void flush(), 700);
  };

  /** Back to what the server holds: nothing to send for this field. */
  const forget = (field: Field) => {
    setValues((v) => ({ ...v, [field]: app[field] }));
    const rest = { ...pending.current };
    delete rest[field];
    pending.current = rest;
    writePending(app.id, rest);
  };

  const problemOf = (field: Field) => error?.details.find((d) => d.path === field)?.message;
  const fieldProblem = (field: Field) => {
    const p = problemOf(field);
    return p ? (
      <View className="problem" {...attrs({ role: 'alert' })}>
        {p}
      </View>
    ) : null;
  };
  const next = async (to: number) => {
    if (!(await flush())) return;
    setStep(to);
  };

  if (app.state === 'returned') {
    const revise = async () => {
      setRevising(true);
      setReviseError(undefined);
      try {
        await post(`/applications/${app.id}/moves`, { move: 'revise' });
        reload();
      } catch (err) {
        setReviseError(err instanceof ApiError ? err : new ApiError('server', '没能打开修改，请再试一次。'));
      } finally {
        setRevising(false);
      }
    };
    return (
      <Page title="申请被退回了">
        <View className="card returned-box">
          <View className="card-title" {...heading(2)}>
            经办人员请您补充
          </View>
          <View className="return-reason">{data.returnReason ?? '请按经办人员的要求补充材料。'}</View>
          <View className="muted">补充好以后，核对一遍再重新提交。原来填写的内容都还在。</View>
        </View>
        {reviseError && <Failure error={reviseError} />}
        <Btn kind="primary" onClick={revise} disabled={revising}>
          {revising ? '正在打开……' : '修改后重新提交'}
        </Btn>
      </Page>
    );
  }
  if (app.state !== 'draft') {
    return (
      <Page title="申请失能评估">
        <View className="card">
          {name}的申请已经提交（现在：{app.stateName}），不用再填写了。
        </View>
        <Btn kind="primary" onClick={() => go('/apply/detail/index', { id: app.id })}>
          看办理进度
        </Btn>
      </Page>
    );
  }

  // The server shows the family a saved phone masked (139****0011): kept as it is unless a new one is typed.
  const kept =
    typeof values.contactPhone === 'string' && values.contactPhone.includes('*') ? values.contactPhone : null;
  const status = (
    <View className="save-status muted" {...attrs({ role: 'status', 'aria-live': 'polite' })}>
      {saving === 'saving' ? '正在保存……' : saving === 'saved' ? '✓ 已自动保存，关掉也不会丢' : '边填边自动保存'}
    </View>
  );
  const failure = error && !error.details.some((d) => FIELDS.includes(d.path as Field)) && (
    <Failure error={error} retry={() => void flush()} />
  );

  return (
    <Page title={`为${name}申请评估`}>
      {status}
      {failure}
      {step === 1 && (
        <Step n={1} total={TOTAL} question="评估通过后，想用哪种护理方式？" hint="以后还可以改。">
          {data.modes.map((m) => (
            <Btn
              key={m.id}
              kind="choice"
              selected={values.careMode === m.id}
              onClick={() => {
                change('careMode', m.id, true);
                void next(2);
              }}
            >
              {m.name}
            </Btn>
          ))}
          {fieldProblem('careMode')}
        </Step>
      )}
      {step === 2 && (
        <Step n={2} total={TOTAL} question="老人为什么需要照顾？" onBack={() => void next(1)}>
          {data.causes.map((c) => (
            <Btn
              key={c.id}
              kind="choice"
              selected={values.disabilityCause === c.id}
              onClick={() => change('disabilityCause', c.id, true)}
            >
              {c.name}
            </Btn>
          ))}
          {fieldProblem('disabilityCause')}
          <View className="field">
            <View className="field-label" {...attrs({ id: 'months-label' })}>
              这种情况大约有几个月了
            </View>
            <Input
              className="input months-input"
              type="number"
              value={
                values.disabilityMonths === null || values.disabilityMonths === undefined
                  ? ''
                  : String(values.disabilityMonths)
              }
              placeholder="例如 8"
              onInput={(e) => {
                const t = e.detail.value.trim();
                change('disabilityMonths', t === '' ? null : /^\d+$/.test(t) ? Number(t) : t);
              }}
              {...attrs({ 'aria-labelledby': 'months-label' })}
            />
            {fieldProblem('disabilityMonths')}
          </View>
          <Btn kind="primary" onClick={() => void next(3)}>
            下一步
          </Btn>
        </Step>
      )}
      {step === 3 && (
        <Step
          n={3}
          total={TOTAL}
          question="说说老人现在的情况"
          hint="吃饭、穿衣、上厕所、走路、洗澡，各需要多少帮助？不用写身份证号。"
          onBack={() => void next(2)}
        >
          <View className="field">
            <View className="field-label" {...attrs({ id: 'desc-label' })}>
              老人的情况
            </View>
            <Textarea
              className="textarea desc-input"
              value={String(values.description ?? '')}
              maxlength={1000}
              placeholder="例如：中风后卧床，吃饭要人喂"
              onInput={(e) => change('description', e.detail.value === '' ? null : e.detail.value)}
              {...attrs({ 'aria-labelledby': 'desc-label' })}
            />
            {fieldProblem('description')}
          </View>
          <Btn kind="primary" onClick={() => void next(4)}>
            下一步
          </Btn>
        </Step>
      )}
      {step === 4 && (
        <Step n={4} total={TOTAL} question="评估人员上哪儿去、打哪个电话？" onBack={() => void next(3)}>
          <View className="field">
            <View className="field-label" {...attrs({ id: 'address-label' })}>
              上门评估的地址
            </View>
            <Input
              className="input address-input"
              value={String(values.visitAddress ?? '')}
              maxlength={200}
              onInput={(e) => change('visitAddress', e.detail.value === '' ? null : e.detail.value)}
              {...attrs({ 'aria-labelledby': 'address-label' })}
            />
            {fieldProblem('visitAddress')}
          </View>
          <View className="field">
            <View className="field-label" {...attrs({ id: 'phone-label' })}>
              联系手机号
            </View>
            {kept && <View className="phone-kept">已留的号码：{kept}（只显示一部分）。要换号码，在下面填新的。</View>}
            <Input
              className="input phone-input"
              type="number"
              value={kept ? '' : String(values.contactPhone ?? '')}
              maxlength={11}
              placeholder={kept ? '新的手机号' : '评估前会打这个电话约时间'}
              onInput={(e) => {
                if (e.detail.value !== '') change('contactPhone', e.detail.value);
                else if (app.contactPhone?.includes('*')) forget('contactPhone');
                else change('contactPhone', null);
              }}
              {...attrs({ 'aria-labelledby': 'phone-label' })}
            />
            {fieldProblem('contactPhone')}
          </View>
          <Btn kind="primary" onClick={() => void next(5)}>
            下一步
          </Btn>
        </Step>
      )}
      {step === 5 && (
        <Step
          n={5}
          total={TOTAL}
          question="拍下或选择申请材料"
          hint="手机拍的照片、扫描的图片都可以，每份不超过10MB；照片会先自动压缩再上传。"
          onBack={() => void next(4)}
        >
          <Materials app={app} initial={data.materials} />
          <Btn
            kind="primary"
            onClick={async () => {
              if (await flush()) go('/apply/review/index', { id: app.id });
            }}
          >
            下一步：核对并提交
          </Btn>
        </Step>
      )}
    </Page>
  );
}

interface Sending {
  kind: string;
  file: Picked;
  percent: number;
  error?: ApiError;
}

function Materials({ app, initial }: { app: Application; initial: Material[] }) {
  const [list, setList] = useState(initial);
  const [sending, setSending] = useState<Sending | null>(null);
  const [removeError, setRemoveError] = useState<ApiError>();

  const send = async (kind: string, file: Picked) => {
    setSending({ kind, file, percent: 0 });
    try {
      const m = await uploadMaterial(app.id, kind, file, (percent) => setSending((s) => (s ? { ...s, percent } : s)));
      setList((l) => [...l, m]);
      setSending(null);
    } catch (err) {
      const error = err instanceof ApiError ? err : new ApiError('server', '照片没有传上去，请再传一次。');
      setSending({ kind, file, percent: 0, error });
    }
  };
  const choose = async (kind: string) => {
    const picked = await pickPhoto();
    if (!picked) return;
    if (picked === 'unreadable') {
      setSending({ kind, file: { path: '', size: 0, name: '' }, percent: 0, error: new ApiError('input', UNREADABLE) });
      return;
    }
    setSending({ kind, file: picked, percent: 0 });
    await send(kind, await compress(picked));
  };
  const remove = async (m: Material) => {
    setRemoveError(undefined);
    try {
      await del(`/applications/${app.id}/materials/${m.id}`);
      setList((l) => l.filter((x) => x.id !== m.id));
    } catch (err) {
      setRemoveError(err instanceof ApiError ? err : new ApiError('server', '没能删除，请再试一次。'));
    }
  };

  return (
    <View className="materials">
      {list.length > 0 && (
        <View className="card">
          <View className="card-title" {...heading(3)}>
            已上传 {list.length} 份
          </View>
          {list.map((m, i) => (
            <View className="material-row" key={m.id}>
              <View className="material-name">
                ✓ {kindName(m.kind)}（第{i + 1}份，{Math.max(1, Math.round(m.sizeBytes / 1024))}KB）
              </View>
              <Btn kind="plain" onClick={() => void remove(m)}>
                删除这份{kindName(m.kind)}
              </Btn>
            </View>
          ))}
          {removeError && <Failure error={removeError} />}
        </View>
      )}
      {sending && !sending.error && (
        <View className="card upload-progress" {...attrs({ role: 'status', 'aria-live': 'polite' })}>
          正在上传{kindName(sending.kind)}：{sending.percent}%
          <View className="bar">
            <View className="bar-fill" style={{ width: `${sending.percent}%` }} />
          </View>
        </View>
      )}
      {sending?.error && (
        <View className="upload-failed">
          <Failure error={sending.error} />
          {sending.error.problem !== 'input' && (
            <Btn kind="primary" onClick={() => void send(sending.kind, sending.file)}>
              再传一次
            </Btn>
          )}
          <Btn kind="plain" onClick={() => setSending(null)}>
            换一张照片
          </Btn>
        </View>
      )}
      {!sending &&
        MATERIAL_KINDS.map((k) => (
          <Btn key={k.id} kind="choice" hint={k.hint} onClick={() => void choose(k.id)}>
            拍照或选择：{k.name}
          </Btn>
        ))}
    </View>
  );
}
