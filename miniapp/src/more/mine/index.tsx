import { View } from '@tarojs/components';
import { useState } from 'react';
import { attrs, heading } from '../../components/a11y';
import { Btn } from '../../components/Btn';
import { Page } from '../../components/Page';
import { del } from '../../lib/api';
import { go } from '../../lib/nav';
import { goSignIn, setSession, useSession } from '../../lib/session';

const ROLE_NAMES: Record<string, string> = {
  resident: '本人或家属',
  'community-worker': '社区工作人员',
  agent: '客服',
  officer: '经办人员',
  admin: '管理员',
  provider: '护理机构',
};

/** The signed-in hub: who is signed in, whom they act for, the way to each of their pages, signing out. */
export default function Mine() {
  const { session, acting } = useSession();
  const [leaving, setLeaving] = useState(false);

  if (!session) {
    return (
      <Page title="我的申请和待遇">
        <View className="card">
          <View className="card-title" {...heading(2)}>
            请先登录
          </View>
          <View>登录后可以为自己或家里老人申请评估、查看办理进度、消息和每月待遇。</View>
          <View className="muted">用手机号和短信验证码登录，第一次登录会自动开通账号。</View>
          <Btn kind="primary" onClick={() => goSignIn('/more/mine/index')}>
            用手机号登录
          </Btn>
        </View>
        <Btn kind="choice" onClick={() => go('/check/eligibility/index')}>
          先看看能不能申请
        </Btn>
      </Page>
    );
  }

  const worker = session.user.role === 'community-worker';
  const signOut = async () => {
    setLeaving(true);
    // The phone forgets the session whatever the server says: signing out must work without a network too.
    await del('/auth/sessions/current').catch(() => undefined);
    setSession(null);
    setLeaving(false);
  };

  return (
    <Page title="我的申请和待遇">
      <View className="card signed-in" {...attrs({ role: 'region', 'aria-label': '登录的账号' })}>
        <View>
          已登录：<View className="strong inline">{session.user.phone}</View>
          {ROLE_NAMES[session.user.role] && `（${ROLE_NAMES[session.user.role]}）`}
        </View>
        <View className="acting-line">
          {acting ? (
            <>
              正在为 <View className="strong inline">{acting.name}</View> 办理
            </>
          ) : (
            '还没有选择为谁办理'
          )}
        </View>
        <Btn kind="choice" onClick={() => go(worker ? '/account/worker/index' : '/account/people/index')}>
          {acting ? '换一位老人' : '选择为谁办理'}
        </Btn>
      </View>

      <View className="entries" {...attrs({ role: 'navigation', 'aria-label': '我的事项' })}>
        {worker && (
          <Btn kind="big" hint="同意由您帮办的老人，各自的下一步和期限" onClick={() => go('/account/worker/index')}>
            我帮办的老人
          </Btn>
        )}
        <Btn kind="big" hint="申请评估的进度，每一步和要做的事" onClick={() => go('/apply/list/index')}>
          我的申请
        </Btn>
        <Btn kind="big" hint="办理进度的通知和提醒" onClick={() => go('/apply/inbox/index')}>
          消息
        </Btn>
        <Btn kind="big" hint="每月能报多少、护理服务和账单" onClick={() => go('/benefit/home/index')}>
          我的待遇
        </Btn>
        <Btn kind="big" hint="本人或家人，以及代办的授权" onClick={() => go('/account/people/index')}>
          我为谁办理
        </Btn>
        <Btn kind="big" hint="有问题问小助手，也可以转人工" onClick={() => go('/more/chat/index')}>
          在线问答
        </Btn>
      </View>

      <Btn kind="plain" onClick={() => void signOut()} disabled={leaving}>
        {leaving ? '正在退出……' : '退出登录'}
      </Btn>
    </Page>
  );
}
