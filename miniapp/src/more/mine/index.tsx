import { View } from '@tarojs/components';
import { heading } from '../../components/a11y';
import { Btn } from '../../components/Btn';
import { Page } from '../../components/Page';
import { go } from '../../lib/nav';

/** Signing in comes with the next version; until then, where to ask. */
export default function Mine() {
  return (
    <Page title="我的申请和待遇">
      <View className="card">
        <View className="card-title" {...heading(2)}>
          下一个版本就能用
        </View>
        <View>登录后查看申请进度、评估结果和每月待遇，会在下一个版本开放。</View>
        <View>现在想了解办理进度，请联系当地医保经办机构，或拨打医保服务热线 12393。</View>
      </View>
      <Btn kind="choice" onClick={() => go('/check/eligibility/index')}>
        先看看能不能申请
      </Btn>
    </Page>
  );
}
