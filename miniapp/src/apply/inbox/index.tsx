// The status messages of the person acted for, as WeChat subscription messages show them (what, status,
// time, note), newest first, with the unread count; tapping one marks it read.
import { View } from '@tarojs/components';
import { useState } from 'react';
import { attrs } from '../../components/a11y';
import { Btn } from '../../components/Btn';
import { Page } from '../../components/Page';
import { Empty, Failure, Loading } from '../../components/States';
import { ApiError, get, post } from '../../lib/api';
import { pageUrl } from '../../lib/nav';
import { useApi } from '../../lib/useApi';
import { messagePage, useActing, type Message } from '../shared';
import Taro from '@tarojs/taro';
import '../apply.css';

export default function Inbox() {
  const acting = useActing('/apply/inbox/index');
  const loaded = useApi(acting ? () => get<Message[]>('/inbox', { personId: acting.personId }) : null, [
    acting?.personId,
  ]);
  const [read, setRead] = useState<string[]>([]);
  const [error, setError] = useState<ApiError>();
  if (loaded.error)
    return (
      <Page title="消息">
        <Failure error={loaded.error} retry={loaded.reload} />
      </Page>
    );
  if (!loaded.data)
    return (
      <Page title="消息">
        <Loading />
      </Page>
    );
  const isRead = (m: Message) => !!m.readAt || read.includes(m.id);
  const unread = loaded.data.filter((m) => !isRead(m)).length;
  const markRead = async (m: Message) => {
    if (isRead(m)) return;
    setError(undefined);
    try {
      await post(`/inbox/${m.id}/read`, {});
      setRead((r) => [...r, m.id]);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError('server', '没能标为已读，请再试一次。'));
    }
  };
  return (
    <Page title="消息">
      <View className="lead unread-count" {...attrs({ role: 'status', 'aria-live': 'polite' })}>
        {unread ? `${unread}条未读` : '没有未读消息'}
      </View>
      {unread > 0 && <View className="muted">点一下消息，就标为已读。</View>}
      {error && <Failure error={error} />}
      {loaded.data.length === 0 && <Empty>还没有消息。申请有了进展，这里会告诉您。</Empty>}
      {loaded.data.map((m) => (
        <View className={`card message ${isRead(m) ? 'read' : 'unread'}`} key={m.id}>
          <Btn
            kind="choice"
            hint={`${m.data.time3?.value ?? ''} · ${m.data.thing4?.value ?? ''}`}
            onClick={() => void markRead(m)}
          >
            {isRead(m) ? '【已读】' : '【未读】'}
            {m.data.thing1?.value}：{m.data.phrase2?.value}
          </Btn>
          {m.page && (
            <Btn kind="plain" onClick={() => void Taro.navigateTo({ url: pageUrl(messagePage(m.page)) })}>
              看这份申请
            </Btn>
          )}
        </View>
      ))}
    </Page>
  );
}
