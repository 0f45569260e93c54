// My applications: every application of the person acted for, where each one is now, and the messages.
import { View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';
import { Btn } from '../../components/Btn';
import { Page } from '../../components/Page';
import { Empty, Failure, Loading } from '../../components/States';
import { get } from '../../lib/api';
import { go } from '../../lib/nav';
import { useApi } from '../../lib/useApi';
import { timeWords, unreadCount, useActing, type Application } from '../shared';
import '../apply.css';

export default function List() {
  const acting = useActing('/apply/list/index');
  const loaded = useApi(
    acting
      ? () =>
          Promise.all([
            get<Application[]>('/applications', { personId: acting.personId }),
            unreadCount(acting.personId),
          ])
      : null,
    [acting?.personId],
  );
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) loaded.reload();
    shown.current = true;
  });
  const title = acting ? `${acting.name}的申请` : '我的申请';
  if (loaded.error)
    return (
      <Page title={title}>
        <Failure error={loaded.error} retry={loaded.reload} />
      </Page>
    );
  if (!loaded.data)
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );
  const [apps, unread] = loaded.data;
  const open = apps.some((a) => a.state !== 'approved' && a.state !== 'rejected');
  return (
    <Page title={title}>
      {apps.length === 0 && <Empty>还没有申请过失能评估。</Empty>}
      {[...apps].reverse().map((a) => (
        <Btn
          key={a.id}
          kind="choice"
          hint={`${a.submittedAt ? `提交于${timeWords(a.submittedAt)}` : '还没有提交'}`}
          onClick={() => go('/apply/detail/index', { id: a.id })}
        >
          失能评估申请：{a.stateName}
        </Btn>
      ))}
      {!open && (
        <Btn kind="primary" onClick={() => go('/apply/form/index')}>
          申请失能评估
        </Btn>
      )}
      <View className="spacer" />
      <Btn kind="choice" onClick={() => go('/apply/inbox/index')}>
        {unread ? `消息（${unread}条未读）` : '消息（没有未读）'}
      </Btn>
    </Page>
  );
}
