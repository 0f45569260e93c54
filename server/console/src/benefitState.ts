// A benefit's state as the officer reads it. The server's states are 享受中, 暂停中 and 已终止; before its first
// month an active benefit has not started yet, which the console says (待开始) instead of 享受中.
import type { Benefit } from './api';
import { shanghaiDate } from './format';
import { NOT_STARTED_NAME } from './labels';

/** True before the benefit's first month: approved and created, not yet 享受中. */
export function notStarted(b: Benefit, today = shanghaiDate(new Date())): boolean {
  return b.state === 'active' && b.startMonth > today.slice(0, 7);
}

/** 待开始 before the first month, else the server's name of the state. */
export function benefitStateText(b: Benefit): string {
  return notStarted(b) ? NOT_STARTED_NAME : b.stateName;
}
