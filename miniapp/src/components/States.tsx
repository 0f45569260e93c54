import { View } from '@tarojs/components';
import type { ApiError } from '../lib/api';
import { attrs } from './a11y';
import { Btn } from './Btn';

export function Loading({ what = '正在加载' }: { what?: string }) {
  return (
    <View className="state loading" {...attrs({ role: 'status', 'aria-live': 'polite' })}>
      <View className="spinner" {...attrs({ 'aria-hidden': true })} />
      {what}，请稍候……
    </View>
  );
}

/** The server's words (or ours for no network), and a retry. */
export function Failure({ error, retry }: { error: ApiError; retry?: () => void }) {
  return (
    <View className="state failure" {...attrs({ role: 'alert' })}>
      <View className="state-title">{error.problem === 'offline' ? '⚠ 没有连上网络' : '⚠ 没能完成'}</View>
      <View>{error.message}</View>
      {error.details.map((d, i) => (
        <View key={i}>· {d.message}</View>
      ))}
      {retry && (
        <Btn kind="primary" onClick={retry}>
          再试一次
        </Btn>
      )}
    </View>
  );
}

export function Empty({ children }: { children: string }) {
  return <View className="state empty">{children}</View>;
}
