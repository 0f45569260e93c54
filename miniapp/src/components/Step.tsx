import { View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { attrs, heading } from './a11y';
import { Btn } from './Btn';

interface Props {
  n: number;
  total: number;
  question: string;
  hint?: string;
  onBack?: () => void;
}

/** One question a screen: where we are, the question, its big choices, and the way back. */
export function Step({ n, total, question, hint, onBack, children }: PropsWithChildren<Props>) {
  return (
    <View className="step">
      <View className="progress" {...attrs({ 'aria-label': `第${n}步，共${total}步` })}>
        第 {n} 步，共 {total} 步
      </View>
      <View className="question" {...heading(2)}>
        {question}
      </View>
      {hint && <View className="muted">{hint}</View>}
      <View className="choices">{children}</View>
      {onBack && (
        <Btn kind="plain" onClick={onBack}>
          ‹ 上一步
        </Btn>
      )}
    </View>
  );
}
