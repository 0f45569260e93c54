import { View } from '@tarojs/components';
import { heading } from './a11y';

/** What the person entered, in words; with a print header so the printed page says what it is. */
export function Summary({ what, rows }: { what: string; rows: [string, string][] }) {
  return (
    <View className="card summary">
      <View className="print-only print-head">
        长护通 · {what}（打印于 {new Date().toLocaleDateString('zh-CN')}）
      </View>
      <View className="card-title" {...heading(2)}>
        您填写的情况
      </View>
      {rows.map(([k, v]) => (
        <View className="row" key={k}>
          <View className="row-key">{k}</View>
          <View className="row-value">{v}</View>
        </View>
      ))}
    </View>
  );
}
