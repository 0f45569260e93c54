import { Button, View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { attrs, pressable } from './a11y';

interface Props {
  onClick: () => void;
  kind?: 'primary' | 'choice' | 'plain' | 'big';
  /** A second line under the label, smaller but still body size. */
  hint?: string;
  selected?: boolean;
  disabled?: boolean;
  className?: string;
}

export function Btn({
  onClick,
  kind = 'primary',
  hint,
  selected,
  disabled,
  className,
  children,
}: PropsWithChildren<Props>) {
  return (
    <Button
      className={`btn btn-${kind} ${selected ? 'selected' : ''} ${className ?? ''}`}
      onClick={onClick}
      disabled={disabled}
      {...pressable(onClick, disabled)}
      {...(selected === undefined ? {} : attrs({ 'aria-pressed': selected }))}
    >
      <View className="btn-label">{children}</View>
      {hint && <View className="btn-hint">{hint}</View>}
    </Button>
  );
}
