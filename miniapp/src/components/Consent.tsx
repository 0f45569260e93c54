import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useState, type PropsWithChildren } from 'react';
import { go, goHome } from '../lib/nav';
import { getConsent, setConsent } from '../lib/settings';
import { heading } from './a11y';
import { Btn } from './Btn';

/**
 * Before the first answer that uses what a person tells about the elderly person (their insurance, health,
 * bills), say what is used and ask; WeChat's privacy check is asked at the same moment.
 */
export function Consent({ children }: PropsWithChildren) {
  const [ok, setOk] = useState(getConsent);
  if (ok) return <>{children}</>;
  const agree = () => {
    setConsent(true);
    setOk(true);
    const wx = (globalThis as { wx?: { requirePrivacyAuthorize?: (o: object) => void } }).wx;
    if (process.env.TARO_ENV === 'weapp' && wx?.requirePrivacyAuthorize) wx.requirePrivacyAuthorize({});
  };
  return (
    <View className="card consent">
      <View className="card-title" {...heading(2)}>
        开始之前，请您知道
      </View>
      <View>
        接下来您会填写老人的参保情况、身体情况或护理费用。这些内容只用来当场算出结果，不需要姓名、身份证号或手机号。
      </View>
      <View>除非您点“结果好像不对”并提交，我们不会保存您填写的内容。</View>
      <Btn kind="primary" onClick={agree}>
        我同意，继续
      </Btn>
      <Btn kind="plain" onClick={() => go('/more/privacy/index')}>
        先看隐私保护指引
      </Btn>
      <Btn
        kind="plain"
        onClick={() => {
          void Taro.showToast({ title: '没关系，您可以随时再来', icon: 'none' });
          goHome();
        }}
      >
        不同意，回首页
      </Btn>
    </View>
  );
}
