import { View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { attrs, heading } from '../../components/a11y';
import { Btn } from '../../components/Btn';
import { Choices } from '../../components/Choices';
import { Page } from '../../components/Page';
import { Empty, Failure, Loading } from '../../components/States';
import { ApiError, get, post } from '../../lib/api';
import { go } from '../../lib/nav';
import { getRegion } from '../../lib/settings';
import { goSignIn, setActing, signInIfExpired, useSession } from '../../lib/session';
import type { Named, Region } from '../../lib/types';
import { useApi } from '../../lib/useApi';
import { idNumberProblemAsTyped, idNumberProblemOnSave } from '../idnumber';
import { beijingNow, Field, splitError, type PersonView, type Problems } from '../shared';

const FAMILY = [
  { id: 'self', name: '我自己' },
  { id: 'spouse', name: '我的配偶' },
  { id: 'child', name: '我的父亲或母亲' },
  { id: 'relative', name: '其他亲属' },
  { id: 'guardian', name: '我是监护人' },
  { id: 'other', name: '其他' },
];
const METHODS = [
  { id: 'in-person', name: '当面同意' },
  { id: 'phone-recorded', name: '电话里同意（已录音）' },
  { id: 'written', name: '写了书面同意' },
];
const FIELDS = ['name', 'idNumber', 'region', 'district', 'insurance', 'phone', 'address', 'relationship', 'consent'];

interface Form {
  relationship: string;
  name: string;
  idNumber: string;
  region: string;
  district: string;
  insurance: string;
  phone: string;
  address: string;
  method: string;
  givenBy: string;
  agreed: boolean;
}
const EMPTY: Form = {
  relationship: '',
  name: '',
  idNumber: '',
  region: '',
  district: '',
  insurance: '',
  phone: '',
  address: '',
  method: '',
  givenBy: '',
  agreed: false,
};

/** The people I act for: choose one for the flows, add one (with their recorded consent), see the consents. */
export default function People() {
  const { session, acting } = useSession();
  const worker = session?.user.role === 'community-worker';
  const people = useApi(session ? () => get<PersonView[]>('/persons') : null, [session?.token]);
  const [adding, setAdding] = useState(false);
  // Signed in when the page opened: a session that ends meanwhile leads to sign-in and back, form kept.
  const [hadSession] = useState(!!session);
  // Back from a person's page (a consent revoked), the list is read again.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) people.reload();
    shown.current = true;
  });

  if (!session && !hadSession) {
    return (
      <Page title="我为谁办理">
        <View className="card">
          <View>登录后，可以添加您自己或家里的老人，为他们申请和查看进度。</View>
          <Btn kind="primary" onClick={() => goSignIn('/account/people/index')}>
            用手机号登录
          </Btn>
        </View>
      </Page>
    );
  }

  return (
    <Page title="我为谁办理">
      {acting && (
        <View className="card acting-line" {...attrs({ role: 'status' })}>
          正在为 <View className="strong inline">{acting.name}</View> 办理
        </View>
      )}
      {people.loading && <Loading what="正在加载" />}
      {people.error && !signInIfExpired(people.error) && <Failure error={people.error} retry={people.reload} />}
      {people.data && people.data.length === 0 && !adding && (
        <Empty>还没有添加老人。点下面的“添加一位老人”开始。</Empty>
      )}
      {people.data?.map((p) => (
        <View key={p.id} className="card person" {...attrs({ role: 'group', 'aria-label': p.name })}>
          <View className="card-title" {...heading(2)}>
            {p.name}
          </View>
          <View>身份证号：{p.idNumberMasked}</View>
          <View>
            参保地：{p.regionName}
            {p.districtName ?? ''}，{p.insuranceName}
          </View>
          <Btn
            kind="choice"
            selected={acting?.personId === p.id}
            onClick={() => setActing({ personId: p.id, name: p.name })}
          >
            {acting?.personId === p.id ? `正在为${p.name}办理` : `为${p.name}办理`}
          </Btn>
          <Btn kind="plain" onClick={() => go('/account/person/index', { id: p.id })}>
            查看资料和代办授权
          </Btn>
        </View>
      ))}
      {adding ? (
        <AddPerson
          worker={worker}
          done={(p) => {
            setActing({ personId: p.id, name: p.name });
            setAdding(false);
            people.reload();
          }}
          cancel={() => setAdding(false)}
        />
      ) : (
        <Btn kind="primary" onClick={() => setAdding(true)}>
          添加一位老人
        </Btn>
      )}
      {acting && (
        <Btn kind="big" hint="为这位老人申请评估、看进度" onClick={() => go('/apply/list/index')}>
          去办理
        </Btn>
      )}
    </Page>
  );
}

function AddPerson({ worker, done, cancel }: { worker: boolean; done: (p: PersonView) => void; cancel: () => void }) {
  const regions = useApi(() => get<Region[]>('/regions'), []);
  const insurance = useApi(() => get<Named[]>('/insurance-types'), []);
  const [form, setForm] = useState<Form>({
    ...EMPTY,
    relationship: worker ? 'community-help' : '',
    // The region chosen on the home page, if any: most people add someone who lives where they asked about.
    region: getRegion() ?? '',
  });
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<Form>) => {
    setForm((f) => ({ ...f, ...patch }));
    setProblems((p) => ({ ...p, ...Object.fromEntries(Object.keys(patch).map((k) => [k, undefined])) }));
  };
  const region = regions.data?.find((r) => r.id === form.region);
  const forOther = form.relationship !== '' && form.relationship !== 'self';
  const idProblem = idNumberProblemAsTyped(form.idNumber);

  const submit = async () => {
    const mine: Problems = {};
    if (!form.relationship) mine.relationship = '请选择这位老人是您的谁';
    const idOnSave = idNumberProblemOnSave(form.idNumber);
    if (idOnSave) mine.idNumber = idOnSave;
    if (forOther && !form.method) mine.consent = '请选择老人是怎样同意由您代办的';
    else if (forOther && !form.agreed) mine.consent = '请确认老人（或监护人）已经同意由您代办';
    if (Object.keys(mine).length) {
      setProblems(mine);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const person = await post<PersonView>('/persons', {
        name: form.name,
        idNumber: form.idNumber.trim(),
        region: form.region || undefined,
        district: form.district || undefined,
        insurance: form.insurance || undefined,
        phone: form.phone.trim(),
        address: form.address,
        relationship: form.relationship,
        ...(forOther
          ? { consent: { method: form.method, givenBy: form.givenBy.trim() || form.name, givenAt: beijingNow() } }
          : {}),
      });
      done(person);
    } catch (err) {
      // An ended session: sign in and come back to this form, still filled in.
      if (signInIfExpired(err)) {
        setError(err as ApiError);
        return;
      }
      const s = splitError(err, FIELDS);
      setProblems(s.fields);
      setError(s.general);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card add-person" {...attrs({ role: 'form', 'aria-label': '添加一位老人' })}>
      <View className="card-title" {...heading(2)}>
        添加一位老人
      </View>
      {!worker && (
        <View className="field">
          <View className="field-label">这位老人是您的谁？</View>
          <Choices items={FAMILY} selected={form.relationship} choose={(id) => set({ relationship: id })} />
          {problems.relationship && <View className="problem">{problems.relationship}</View>}
        </View>
      )}
      <Field
        id="name"
        label="老人的姓名"
        value={form.name}
        onChange={(v) => set({ name: v })}
        problem={problems.name}
      />
      <Field
        id="idNumber"
        label="老人的身份证号"
        type="idcard"
        maxlength={18}
        value={form.idNumber}
        onChange={(v) => set({ idNumber: v })}
        hint="18位，最后一位可能是X。保存后只显示前后几位。"
        problem={problems.idNumber ?? idProblem ?? undefined}
      />
      {form.idNumber.length === 18 && !idProblem && !problems.idNumber && (
        <View className="ok-line" {...attrs({ role: 'status' })}>
          ✓ 身份证号格式正确
        </View>
      )}
      <View className="field">
        <View className="field-label">在哪里参保？</View>
        {regions.error && <Failure error={regions.error} retry={regions.reload} />}
        {regions.data && (
          <View className="choices two">
            <Choices items={regions.data} selected={form.region} choose={(id) => set({ region: id, district: '' })} />
          </View>
        )}
        {problems.region && <View className="problem">{problems.region}</View>}
      </View>
      {region && region.districts.length > 0 && (
        <View className="field">
          <View className="field-label">哪个区县？</View>
          <View className="choices two">
            <Choices items={region.districts} selected={form.district} choose={(id) => set({ district: id })} />
          </View>
          {problems.district && <View className="problem">{problems.district}</View>}
        </View>
      )}
      <View className="field">
        <View className="field-label">参加的是哪种医保？</View>
        {insurance.error && <Failure error={insurance.error} retry={insurance.reload} />}
        {insurance.data && (
          <Choices items={insurance.data} selected={form.insurance} choose={(id) => set({ insurance: id })} />
        )}
        {problems.insurance && <View className="problem">{problems.insurance}</View>}
      </View>
      <Field
        id="phone"
        label="联系手机号"
        type="number"
        maxlength={11}
        value={form.phone}
        onChange={(v) => set({ phone: v })}
        hint="老人或家属的手机，办理进度会发到这里"
        problem={problems.phone}
      />
      <Field
        id="address"
        label="居住地址"
        value={form.address}
        onChange={(v) => set({ address: v })}
        hint="上门评估和护理的地址"
        problem={problems.address}
      />
      {forOther && (
        <View className="field consent-part">
          <View className="field-label">老人同意由您代办吗？</View>
          <View className="muted">
            为别人办理，需要老人本人（或监护人）同意。我们会记下是谁、怎样、什么时候同意的，老人可以随时撤销。
          </View>
          <Choices items={METHODS} selected={form.method} choose={(id) => set({ method: id })} />
          <Field
            id="givenBy"
            label="谁同意的（不填就是老人本人）"
            value={form.givenBy}
            onChange={(v) => set({ givenBy: v })}
          />
          <Btn kind="choice" selected={form.agreed} onClick={() => set({ agreed: !form.agreed })}>
            老人（或监护人）已经同意由我代办
          </Btn>
          {problems.consent && (
            <View className="problem" {...attrs({ role: 'alert' })}>
              {problems.consent}
            </View>
          )}
        </View>
      )}
      {error && <Failure error={error} />}
      <Btn kind="primary" onClick={() => void submit()} disabled={busy}>
        {busy ? '正在保存……' : '保存'}
      </Btn>
      <Btn kind="plain" onClick={cancel}>
        先不添加
      </Btn>
    </View>
  );
}
