// Taro's components pass unknown attributes through to the H5 element (and WeChat reads aria-*):
// these helpers give headings, live regions and labels without fighting the component types.
type Attrs = Record<string, unknown>;
export const attrs = (a: Attrs): object => a;
export const heading = (level: 1 | 2 | 3): object => attrs({ role: 'heading', 'aria-level': level });

/**
 * Taro's H5 Button is a <div>: give it a button's role, a place in the tab order, and Enter/Space, so that
 * screen readers, keyboards and switch access treat it as one. WeChat's <button> is a button already.
 */
export function pressable(onPress: () => void, disabled?: boolean): object {
  if (process.env.TARO_ENV !== 'h5') return {};
  return attrs({
    role: 'button',
    tabIndex: disabled ? -1 : 0,
    'aria-disabled': disabled ? true : undefined,
    onKeyDown: (e: { key?: string; preventDefault?: () => void }) => {
      if (disabled || (e.key !== 'Enter' && e.key !== ' ')) return;
      e.preventDefault?.();
      onPress();
    },
  });
}
