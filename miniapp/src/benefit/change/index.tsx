import { View } from '@tarojs/components';
import { Page } from '../../components/Page';

/** Placeholder until this page lands. */
export default function Placeholder() {
  return (
    <Page title="正在准备">
      <View className="card">这一页正在准备中。</View>
    </Page>
  );
}
