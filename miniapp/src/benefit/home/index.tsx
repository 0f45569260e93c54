// My benefit: the care mode and provider in force, the month it started, a change booked or asked for (and
// what the officer decided), and the way to the monthly bills, the visits and a change.
import { View } from '@tarojs/components';
import { heading } from '../../components/a11y';
import { Btn } from '../../components/Btn';
import { Cite } from '../../components/Cite';
import { Page } from '../../components/Page';
import { Empty, Failure, Loading } from '../../components/States';
import { get } from '../../lib/api';
import { go, useParams } from '../../lib/nav';
import { useSession } from '../../lib/session';
import { useApi } from '../../lib/useApi';
import { benefitPage, monthText, SignedIn, type Benefit } from '../shared';

export default function BenefitHome() {
  const { id } = useParams();
  return (
    <Page title="我的待遇">
      <SignedIn here={benefitPage('home', id)}>
        <Benefits id={id} />
      </SignedIn>
    </Page>
  );
}

function Benefits({ id }: { id?: string }) {
  const { acting } = useSession();
  const list = useApi(
    () =>
      id
        ? get<Benefit>(`/benefits/${encodeURIComponent(id)}`).then((b) => [b])
        : get<Benefit[]>('/benefits', acting ? { personId: acting.personId } : {}),
    [id, acting?.personId],
  );
  if (list.loading && !list.data) return <Loading what="正在读取待遇" />;
  if (list.error) return <Failure error={list.error} retry={list.reload} />;
  if (!list.data?.length) {
    return (
      <Empty>{`${acting ? acting.name : '您代办的老人'}还没有开始享受的长护险待遇。申请核准后，经办机构登记了护理方式和机构，这里就会显示。`}</Empty>
    );
  }
  return (
    <>
      {list.data.map((b) => (
        <BenefitCard key={b.id} b={b} />
      ))}
    </>
  );
}

function BenefitCard({ b }: { b: Benefit }) {
  const pending = b.planRequests.find((r) => r.state === 'pending');
  // The latest decided request, shown until a newer request replaces it.
  const last = [...b.planRequests].reverse().find((r) => r.state !== 'replaced');
  // A booked change the confirmation below already tells of is not said twice.
  const booked = b.plans.filter((p) => p.scheduled && !(last?.state === 'confirmed' && last.fromMonth === p.fromMonth));
  const rows: [string, string][] = [
    ['参保人', b.person.name],
    ['状态', b.stateName],
    ['护理方式', b.current.careModeName],
    ['定点机构', b.current.providerName],
    ['开始享受', monthText(b.startMonth)],
    ['失能等级', b.gradeName],
    ['服务项目', b.planItems.length ? b.planItems.join('、') : '以机构安排为准'],
  ];
  return (
    <View className="card benefit-card">
      <View className="card-title" {...heading(2)}>
        {b.person.name}的长护险待遇
      </View>
      {rows.map(([k, v]) => (
        <View className="row" key={k}>
          <View className="row-key">{k}</View>
          <View className="row-value" data-field={k}>
            {v}
          </View>
        </View>
      ))}
      {booked.map((p) => (
        <View className="note strong" key={p.fromMonth} data-field="booked">
          已安排：{monthText(p.fromMonth)}起改为{p.careModeName}，{p.providerName}。
        </View>
      ))}
      {pending && (
        <View className="note strong" data-field="pending">
          您申请改为{pending.careModeName}（{pending.providerName}），正在等经办人员确认。确认后会收到消息。
        </View>
      )}
      {!pending && last?.state === 'confirmed' && last.fromMonth && (
        <View className="note strong" data-field="confirmed">
          您申请的变更经办人员已确认：{monthText(last.fromMonth)}1日起{last.careModeName}，{last.providerName}。
        </View>
      )}
      {!pending && last?.state === 'declined' && (
        <View className="note" data-field="declined">
          您申请的变更（{last.careModeName}，{last.providerName}）没有通过。原因：{last.declineReason}
        </View>
      )}
      <Btn kind="big" onClick={() => go('/benefit/bill/index', { id: b.id })} hint="基金付多少、自己付多少">
        每月账单
      </Btn>
      <Btn kind="big" onClick={() => go('/benefit/visits/index', { id: b.id })} hint="谁来的、做了什么，给服务打分">
        上门服务和评价
      </Btn>
      {b.state !== 'stopped' && (
        <Btn kind="choice" onClick={() => go('/benefit/change/index', { id: b.id })} hint="从下个月起，需经办人员确认">
          申请更换护理方式或机构
        </Btn>
      )}
      {b.citations.slice(0, 1).map((c) => (
        <Cite key={`${c.doc}-${c.clause}`} cite={c} />
      ))}
    </View>
  );
}
