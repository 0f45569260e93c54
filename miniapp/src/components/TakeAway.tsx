import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useState } from 'react';
import { shareLink, type Params } from '../lib/nav';
import { attrs, heading } from './a11y';
import { Btn } from './Btn';

/** Take the answer along: print it (H5), or share the same page with the same inputs (link / WeChat card). */
export function TakeAway({ path, params }: { path: string; params: Params }) {
  const link = shareLink(path, params);
  const [copied, setCopied] = useState(false);
  const h5 = process.env.TARO_ENV === 'h5';
  return (
    <View className="card takeaway no-print">
      <View className="card-title" {...heading(2)}>
        带走这个结果
      </View>
      {h5 && (
        <Btn kind="plain" onClick={() => window.print()}>
          打印或存成一页纸
        </Btn>
      )}
      <Btn
        kind="plain"
        onClick={() =>
          void Taro.setClipboardData({ data: link }).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        {h5 ? '复制链接，发给家人' : '复制页面路径'}
      </Btn>
      {!h5 && <View className="muted">也可以点右上角“···”，转发给家人，对方打开就是同样的结果。</View>}
      <View className="muted">打开这个链接，会看到同样的填写内容和结果：</View>
      <View className="share-link" {...attrs({ 'aria-label': '结果链接' })}>
        {link}
      </View>
      {copied && <View {...attrs({ role: 'status' })}>✓ 已复制</View>}
    </View>
  );
}
