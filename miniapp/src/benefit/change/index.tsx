// Asking for another care mode or provider from next month: the modes the region offers then, a provider
// chosen on the providers page (it comes back here with the choice), and a reason. The request waits for an
// officer, who confirms or declines it; the family is told in the inbox. What was chosen and typed stays on
// the page when sending fails, and a refusal is shown next to the choice it concerns.
import Taro, { useDidShow } from '@tarojs/taro';
import { Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { attrs, heading } from '../../components/a11y';
import { Btn } from '../../components/Btn';
import { Page } from '../../components/Page';
import { Failure, Loading } from '../../components/States';
import { ApiError, get, post } from '../../lib/api';
import { go, useParams } from '../../lib/nav';
import { takePicked, type Picked } from '../../lib/pick';
import { useApi } from '../../lib/useApi';
import { aboutFields, benefitPage, FieldProblem, monthText, SignedIn, type Benefit } from '../shared';

interface Modes {
  offered: { id: string; name: string }[];
}

/** The month after this one on the phone's calendar (Beijing time); the server decides the real month. */
function nextMonth(): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const [y, m] = today.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export default function Change() {
  const { id = '' } = useParams();
  return (
    <Page title="申请更换护理方式或机构">
      <SignedIn here={benefitPage('change', id)}>
        <ChangeForm id={id} />
      </SignedIn>
    </Page>
  );
}

function ChangeForm({ id }: { id: string }) {
  const month = nextMonth();
  const loaded = useApi(async () => {
    const b = await get<Benefit>(`/benefits/${encodeURIComponent(id)}`);
    const [modes, provider] = await Promise.all([
      get<Modes>(`/regions/${encodeURIComponent(b.region)}/care-modes`, { month }),
      get<Picked>(`/providers/${encodeURIComponent(b.current.providerId)}`),
    ]);
    return { b, modes: modes.offered, provider };
  }, [id]);
  const [mode, setMode] = useState<string>();
  const [picked, setPicked] = useState<Picked>();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [sent, setSent] = useState<Benefit>();

  // Back from the providers page with a choice.
  useDidShow(() => {
    const p = takePicked();
    if (p) {
      setPicked(p);
      setError(undefined);
    }
  });

  if (loaded.loading && !loaded.data) return <Loading what="正在读取待遇" />;
  if (loaded.error) return <Failure error={loaded.error} retry={loaded.reload} />;
  if (!loaded.data) return null;
  const { b, modes } = loaded.data;
  const chosenMode = mode ?? b.current.careMode;
  const provider = picked ?? loaded.data.provider;
  const modeName = modes.find((m) => m.id === chosenMode)?.name ?? b.current.careModeName;
  const providerFits = provider.careModes.includes(chosenMode);
  const pending = b.planRequests.find((r) => r.state === 'pending');

  if (sent) {
    const asked = sent.planRequests.find((r) => r.state === 'pending');
    return (
      <View className="card" {...attrs({ role: 'status' })}>
        <View className="card-title" {...heading(2)}>
          申请已提交，等经办人员确认
        </View>
        <View>
          您申请从下个月起改为{asked?.careModeName ?? modeName}（{asked?.providerName ?? provider.name}
          ）。经办人员确认或不同意后，会给您发消息；这个月仍按现在的方式和机构。
        </View>
        <Btn kind="primary" onClick={() => void Taro.redirectTo({ url: benefitPage('home', b.id) })}>
          回到我的待遇
        </Btn>
      </View>
    );
  }

  async function send() {
    setBusy(true);
    setError(undefined);
    try {
      const res = await post<Benefit>(`/benefits/${encodeURIComponent(b.id)}/plan-changes`, {
        careMode: chosenMode,
        providerId: provider.id,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      setSent(res);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError('server', '没能提交，请再试一次。'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <View className="card">
        <View className="card-title" {...heading(2)}>
          现在：{b.current.careModeName}，{b.current.providerName}
        </View>
        <View>
          同一时间只能享受一种护理方式。更换从{monthText(month)}
          1日起（以经办人员确认的月份为准），这个月不变。提交后由经办人员确认。
        </View>
        {pending && (
          <View className="note strong" data-field="pending">
            您已申请改为{pending.careModeName}（{pending.providerName}），还在等确认；再提交一次会替换那次申请。
          </View>
        )}
      </View>

      <View className="card">
        <View className="card-title" {...heading(2)} {...attrs({ id: 'mode-label' })}>
          {monthText(month)}起的护理方式
        </View>
        <View {...attrs({ role: 'group', 'aria-labelledby': 'mode-label' })}>
          {modes.map((m) => (
            <Btn
              key={m.id}
              kind="choice"
              selected={m.id === chosenMode}
              onClick={() => {
                setMode(m.id);
                setError(undefined);
              }}
              hint={m.id === b.current.careMode ? '现在的方式' : undefined}
            >
              {m.name}
            </Btn>
          ))}
        </View>
        <FieldProblem error={error} path="careMode" />
      </View>

      <View className="card">
        <View className="card-title" {...heading(2)}>
          定点机构
        </View>
        <View className="strong" data-field="provider">
          {provider.name}
          {provider.id === b.current.providerId ? '（现在的机构）' : ''}
        </View>
        {!providerFits && (
          <View className="problem" {...attrs({ role: 'alert' })}>
            这家机构不提供{modeName}，请另选一家。
          </View>
        )}
        <FieldProblem error={error} path="providerId" />
        <Btn
          kind="choice"
          onClick={() => go('/more/providers/index', { pick: '1', region: b.region, mode: chosenMode })}
          hint="按距离、评分或空位找，选好后回到这里"
        >
          选择其他机构
        </Btn>
      </View>

      <View className="card">
        <View className="field">
          <View className="field-label" {...attrs({ id: 'reason-label' })}>
            为什么想换（可不填）
          </View>
          <Textarea
            className="textarea"
            value={reason}
            maxlength={200}
            placeholder="例如：家里白天没人照顾"
            onInput={(e) => setReason(e.detail.value)}
            {...attrs({ 'aria-labelledby': 'reason-label' })}
          />
          <FieldProblem error={error} path="reason" />
        </View>
        {error && !aboutFields(error, ['careMode', 'providerId', 'reason']) && <Failure error={error} />}
        <Btn kind="primary" onClick={() => void send()} disabled={busy || !providerFits}>
          {busy ? '正在提交…' : '提交申请'}
        </Btn>
      </View>
    </>
  );
}
