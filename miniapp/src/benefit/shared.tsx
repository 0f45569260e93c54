// What the benefit pages share: the server's answers they read, dates in words, and the sign-in guard.
import { View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { attrs, heading } from '../components/a11y';
import { Btn } from '../components/Btn';
import type { ApiError } from '../lib/api';
import { pageUrl } from '../lib/nav';
import { goSignIn, useSession } from '../lib/session';
import type { Cite, Note } from '../lib/types';

export interface Plan {
  fromMonth: string;
  careMode: string;
  careModeName: string;
  providerId: string;
  providerName: string;
  scheduled: boolean;
}

export interface PlanRequest {
  id: string;
  careMode: string;
  careModeName: string;
  providerId: string;
  providerName: string;
  reason: string | null;
  state: 'pending' | 'confirmed' | 'declined' | 'replaced';
  stateName: string;
  requestedAt: string;
  decidedAt: string | null;
  declineReason: string | null;
  fromMonth: string | null;
}

export interface Benefit {
  id: string;
  person: { id: string; name: string };
  region: string;
  regionName: string;
  district: string | null;
  gradeName: string;
  startMonth: string;
  state: 'active' | 'suspended' | 'stopped';
  stateName: string;
  stoppedOn: string | null;
  current: Plan;
  plans: Plan[];
  planItems: string[];
  planRequests: PlanRequest[];
  citations: Cite[];
}

export interface Settlement {
  id: string;
  month: string;
  providerName: string;
  careModeName: string;
  gradeName: string;
  monthlyBillFen: number;
  daysCovered: number;
  daysInMonth: number;
  monthlyCapFen: number | null;
  eligibleCostFen: number | null;
  fundPaysFen: number | null;
  personPaysFen: number | null;
  indicative: boolean;
  indicativeFundPaysFen: number | null;
  notes: Note[];
  citations: Cite[];
  corrected: boolean;
}

export interface Revision {
  id: string;
  reason: string;
  at: string;
  previous: { monthlyBillFen: number; fundPaysFen: number | null; personPaysFen: number | null };
}

export interface Visit {
  id: string;
  providerName: string;
  workerName: string;
  startAt: string;
  endAt: string;
  date: string;
  totalMinutes: number;
  items: { name: string; minutes: number; selfPaid: boolean; priceFen: number | null }[];
  identityChecked: boolean;
  identityMethodName: string | null;
  rating: { score: number; comment: string | null; ratedAt: string } | null;
}

/** '2026-07' → '2026年7月' */
export function monthText(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${y}年${m}月`;
}

/** '2026-07-05' → '2026年7月5日' */
export function dateText(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** An instant as Beijing time of day: '09:30'. */
export function clockText(iso: string): string {
  return new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));
}

/** An instant as a Beijing date in words. */
export function dayOf(iso: string): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(iso));
  return dateText(day);
}

/** The page's content once signed in; else a plain card that opens the sign-in page and comes back here. */
export function SignedIn({ here, children }: PropsWithChildren<{ here: string }>) {
  const { session } = useSession();
  if (session) return <>{children}</>;
  return (
    <View className="card">
      <View className="card-title" {...heading(2)}>
        请先登录
      </View>
      <View>登录后可以查看待遇、每月账单和上门服务记录。</View>
      <Btn kind="primary" onClick={() => goSignIn(here)}>
        用手机号登录
      </Btn>
    </View>
  );
}

/**
 * The server's words for one field, next to that field: its whole message (a full, plain sentence), or the
 * field's own note when the message names the field by its code (a form check).
 */
export function FieldProblem({ error, path }: { error: ApiError | undefined; path: string }) {
  const d = error?.details.find((x) => x.path === path);
  if (!error || !d) return null;
  return (
    <View className="problem" {...attrs({ role: 'alert' })}>
      {/[A-Za-z]/.test(error.message) ? d.message : error.message}
    </View>
  );
}

/** Whether the failure is about one of these fields (then it is shown next to it, not again at the top). */
export const aboutFields = (error: ApiError | undefined, paths: string[]) =>
  !!error?.details.some((d) => paths.includes(d.path));

export const benefitPage = (page: 'home' | 'bill' | 'visits' | 'change', id?: string) =>
  pageUrl(`/benefit/${page}/index`, id ? { id } : {});
