import { View } from '@tarojs/components';
import { heading } from '../../components/a11y';
import { Btn } from '../../components/Btn';
import { Page } from '../../components/Page';
import { go } from '../../lib/nav';

/** The chat comes with the signed-in version; until then, where to call. */
export default function Chat() {
  return (
    <Page title="在线问答">
      <View className="card">
        <View className="card-title" {...heading(2)}>
          在线问答马上就来
        </View>
        <View>在这里打字或说话就能问长护险的问题，正在准备中。</View>
        <View>现在有问题，可以拨打医保服务热线 12393，或到当地医保经办机构咨询。</View>
      </View>
      <Btn kind="choice" onClick={() => go('/check/eligibility/index')}>
        先看看能不能申请
      </Btn>
      <Btn kind="choice" onClick={() => go('/cost/compare/index')}>
        算一算要花多少钱
      </Btn>
    </Page>
  );
}
