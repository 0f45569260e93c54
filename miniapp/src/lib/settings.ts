// What the app remembers on the phone (never on the server): the region, the elder mode and the consent.
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';

const read = (key: string): string => {
  try {
    return String(Taro.getStorageSync(key) ?? '');
  } catch {
    return '';
  }
};
const write = (key: string, value: string) => {
  try {
    Taro.setStorageSync(key, value);
  } catch {
    // Storage full or blocked: the choice lasts for this visit only.
  }
};

export const getRegion = () => read('changhu.region');
export const setRegion = (id: string) => write('changhu.region', id);

export const getConsent = () => read('changhu.consent') === 'yes';
export const setConsent = (yes: boolean) => write('changhu.consent', yes ? 'yes' : '');

const ELDER = 'changhu.elder';
export const isElder = () => read(ELDER) === 'on';

/** The elder mode (关怀模式), the same on every page and remembered. */
export function useElder(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(isElder);
  useEffect(() => {
    const listener = (v: boolean) => setOn(v);
    Taro.eventCenter.on(ELDER, listener);
    return () => {
      Taro.eventCenter.off(ELDER, listener);
    };
  }, []);
  return [
    on,
    (v: boolean) => {
      write(ELDER, v ? 'on' : 'off');
      Taro.eventCenter.trigger(ELDER, v);
    },
  ];
}
