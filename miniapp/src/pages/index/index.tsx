// Home: the five things people come for, the chat entry, the region (chosen once, remembered) and the
// elder mode switch (in the page's top bar, on every page).
import { View } from '@tarojs/components';
import { useShareAppMessage } from '@tarojs/taro';
import { useState } from 'react';
import { attrs, heading } from '../../components/a11y';
import { Btn } from '../../components/Btn';
import { Page } from '../../components/Page';
import { Failure, Loading } from '../../components/States';
import { get } from '../../lib/api';
import { go } from '../../lib/nav';
import { useSession } from '../../lib/session';
import { getRegion, setRegion } from '../../lib/settings';
import type { Region } from '../../lib/types';
import { useApi } from '../../lib/useApi';

const ENTRIES = [
  { label: '能不能申请', hint: '一步一步问，告诉您结论和依据', path: '/check/eligibility/index' },
  { label: '要花多少钱', hint: '各种护理方式，医保付多少、自己付多少', path: '/cost/compare/index' },
  { label: '怎么申请评估', hint: '申请失能等级评估的步骤', path: '/more/assess/index' },
  { label: '找护理机构', hint: '当地的定点护理服务机构', path: '/more/providers/index' },
  { label: '我的申请和待遇', hint: '查看办理进度和每月待遇', path: '/more/mine/index' },
];

const MINE = '/more/mine/index';
/** Signed in, the "mine" entry says so, and for whom the flows act. */
const mineHint = (signedIn: boolean, actingFor?: string) =>
  !signedIn ? ENTRIES[4].hint : actingFor ? `已登录，正在为${actingFor}办理` : '已登录，查看办理进度和每月待遇';

export default function Home() {
  useShareAppMessage(() => ({ title: '长护通：长期护理保险，能不能申请、要花多少钱', path: '/pages/index/index' }));
  const { session, acting } = useSession();
  const [region, choose] = useState(getRegion);
  const [picking, setPicking] = useState(false);
  const regions = useApi(() => get<Region[]>('/regions'), []);
  const current = regions.data?.find((r) => r.id === region);

  return (
    <Page title="长护通" home>
      <View className="lead">
        长期护理保险（长护险）自助服务。家里有失能老人，这里帮您弄清能不能申请、要花多少钱、怎么办。
      </View>

      <View className="card region" {...attrs({ role: 'region', 'aria-label': '所在地区' })}>
        {regions.loading && <Loading what="正在加载地区" />}
        {regions.error && <Failure error={regions.error} retry={regions.reload} />}
        {regions.data && (!current || picking) && (
          <>
            <View className="card-title" {...heading(2)}>
              老人在哪里参保？
            </View>
            <View className="muted">选一次就记住了，以后可以再换。</View>
            <View className="choices two">
              {regions.data.map((r) => (
                <Btn
                  key={r.id}
                  kind="choice"
                  selected={r.id === region}
                  onClick={() => {
                    setRegion(r.id);
                    choose(r.id);
                    setPicking(false);
                  }}
                >
                  {r.name}
                </Btn>
              ))}
            </View>
          </>
        )}
        {current && !picking && (
          <View className="region-line">
            <View>
              参保地：<View className="strong inline">{current.name}</View>
            </View>
            <Btn kind="plain" onClick={() => setPicking(true)}>
              换一个地区
            </Btn>
          </View>
        )}
      </View>

      <View className="entries" {...attrs({ role: 'navigation', 'aria-label': '主要功能' })}>
        {ENTRIES.map((e) => (
          <Btn
            key={e.path}
            kind="big"
            hint={e.path === MINE ? mineHint(session !== null, acting?.name) : e.hint}
            onClick={() => go(e.path)}
          >
            {e.label}
          </Btn>
        ))}
      </View>

      <View className="card">
        <View className="card-title" {...heading(2)}>
          有问题想问？
        </View>
        <Btn kind="plain" onClick={() => go('/more/chat/index')}>
          在线问答（小助手，也可转人工）
        </Btn>
        <Btn kind="plain" onClick={() => go('/law/library/index')}>
          政策文件原文
        </Btn>
        <Btn kind="plain" onClick={() => go('/more/privacy/index')}>
          隐私保护指引
        </Btn>
      </View>
    </Page>
  );
}
