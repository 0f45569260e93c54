import { View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';
import { attrs, heading } from '../../components/a11y';
import { Btn } from '../../components/Btn';
import { Page } from '../../components/Page';
import { Empty, Failure, Loading } from '../../components/States';
import { get } from '../../lib/api';
import { go } from '../../lib/nav';
import { goSignIn, setActing, signInIfExpired, useSession } from '../../lib/session';
import { useApi } from '../../lib/useApi';
import type { PersonView } from '../shared';

/** The part of an application this page reads (GET /applications). */
interface Application {
  id: string;
  personId: string;
  stateName: string;
  scheduledFor: string | null;
  publicityEndsOn: string | null;
  objectionDeadline: string | null;
  objectionWorkingDaysLeft: number | null;
  waitingFor: string | null;
  actions: { move: string; label: string }[];
  updatedAt: string;
}

interface Next {
  step: string;
  deadline: string | null;
}

const day = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** What comes next for a person, in the server's words: what this account can do now, or what it waits for. */
function nextOf(a: Application | undefined): Next {
  if (!a) return { step: '还没有申请评估：下一步是为老人申请失能等级评估', deadline: null };
  // An objection is a right, not a step everyone takes: offered as such.
  const action = a.actions.find((x) => x.move !== 'object')?.label;
  const mayObject = a.actions.some((x) => x.move === 'object');
  const step = action
    ? `${a.stateName}：下一步是“${action}”`
    : mayObject
      ? `${a.stateName}：如对评估结论有异议，可以申请复评`
      : a.waitingFor
        ? `${a.stateName}：${a.waitingFor}`
        : `${a.stateName}：等待医保经办机构办理`;
  if (a.objectionDeadline && a.objectionWorkingDaysLeft !== null) {
    return {
      step,
      deadline:
        `申请复评截至${day(a.objectionDeadline)}` +
        (a.objectionWorkingDaysLeft === 0 ? '（今天是最后一天）' : `（还有${a.objectionWorkingDaysLeft}个工作日）`),
    };
  }
  if (a.scheduledFor) return { step, deadline: `上门评估：${day(a.scheduledFor)}` };
  if (a.publicityEndsOn) return { step, deadline: `公示到${day(a.publicityEndsOn)}` };
  return { step, deadline: null };
}

/** Community worker mode: everyone who consented to this worker's help, each with the next step and deadline. */
export default function Worker() {
  const { session, acting } = useSession();
  const load = session ? () => Promise.all([get<PersonView[]>('/persons'), get<Application[]>('/applications')]) : null;
  const data = useApi(load, [session?.token]);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) data.reload();
    shown.current = true;
  });

  if (!session) {
    return (
      <Page title="我帮办的老人">
        <Btn kind="primary" onClick={() => goSignIn('/account/worker/index')}>
          用手机号登录
        </Btn>
      </Page>
    );
  }

  const latest = (personId: string) =>
    data.data?.[1].filter((a) => a.personId === personId).sort((x, y) => y.updatedAt.localeCompare(x.updatedAt))[0];

  return (
    <Page title="我帮办的老人">
      <View className="lead">这里是同意由您帮办的老人。点老人名下的办理按钮，接下来的申请和查询都是为这位老人。</View>
      {acting && (
        <View className="card acting-line" {...attrs({ role: 'status' })}>
          正在为 <View className="strong inline">{acting.name}</View> 办理
        </View>
      )}
      {data.loading && <Loading />}
      {data.error && !signInIfExpired(data.error) && <Failure error={data.error} retry={data.reload} />}
      {data.data && data.data[0].length === 0 && <Empty>还没有老人同意由您帮办。</Empty>}
      {data.data?.[0].map((p) => {
        const next = nextOf(latest(p.id));
        const current = acting?.personId === p.id;
        return (
          <View key={p.id} className="card person" {...attrs({ role: 'group', 'aria-label': p.name })}>
            <View className="card-title" {...heading(2)}>
              {p.name}
            </View>
            <View className="muted">
              {p.regionName}
              {p.districtName ?? ''}，身份证号 {p.idNumberMasked}
            </View>
            <View className="next-step">{next.step}</View>
            <View className="deadline strong">{next.deadline ? `期限：${next.deadline}` : '期限：目前没有'}</View>
            <Btn kind="choice" selected={current} onClick={() => setActing({ personId: p.id, name: p.name })}>
              {current ? `正在为${p.name}办理` : `为${p.name}办理`}
            </Btn>
          </View>
        );
      })}
      {acting && (
        <Btn kind="big" hint="申请评估、看进度" onClick={() => go('/apply/list/index')}>
          去为{acting.name}办理
        </Btn>
      )}
      <Btn kind="plain" onClick={() => go('/account/people/index')}>
        添加一位老人
      </Btn>
    </Page>
  );
}
