import { Button, View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { goHome } from '../lib/nav';
import { useElder } from '../lib/settings';
import { attrs, heading, pressable } from './a11y';

interface Props {
  title: string;
  /** The home page has no "回首页". */
  home?: boolean;
}

/** Every page: its title, the elder-mode switch (remembered), the way home, and the page itself. */
export function Page({ title, home, children }: PropsWithChildren<Props>) {
  const [elder, setElder] = useElder();
  return (
    <View className={`page ${elder ? 'elder' : 'normal'}`}>
      <View className="topbar no-print" {...attrs({ role: 'banner' })}>
        {!home && (
          <Button className="topbar-btn" onClick={goHome} {...pressable(goHome)}>
            回首页
          </Button>
        )}
        <Button
          className={`topbar-btn elder-switch ${elder ? 'on' : ''}`}
          onClick={() => setElder(!elder)}
          {...pressable(() => setElder(!elder))}
          {...attrs({ 'aria-pressed': elder })}
        >
          {elder ? '关怀模式：开' : '关怀模式：关'}
        </Button>
      </View>
      <View className="content" {...attrs({ role: 'main' })}>
        <View className="title" {...heading(1)}>
          {title}
        </View>
        {children}
      </View>
    </View>
  );
}
