// A provider chosen on the providers page for the page that asked (the change of provider): kept in storage
// until that page takes it when it is shown again, so it survives the round trip on every platform.
import Taro from '@tarojs/taro';

export interface Picked {
  id: string;
  name: string;
  careModes: string[];
}

const KEY = 'changhu.pick.provider';

export function setPicked(p: Picked): void {
  try {
    Taro.setStorageSync(KEY, JSON.stringify(p));
  } catch {
    // Storage blocked: the choice is lost; the change page still lets the family choose again.
  }
}

/** The choice, once: taking it clears it. */
export function takePicked(): Picked | null {
  try {
    const raw = Taro.getStorageSync(KEY);
    if (!raw) return null;
    Taro.removeStorageSync(KEY);
    return JSON.parse(String(raw)) as Picked;
  } catch {
    return null;
  }
}
