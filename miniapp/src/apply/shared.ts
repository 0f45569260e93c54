// What the apply pages share: the server's answers they read, finding the application of the person acted
// for, the way to sign in or choose a person first, and dates in words. No rule lives here.
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import { get, post } from '../lib/api';
import { pageUrl } from '../lib/nav';
import { goSignIn, useSession, type Acting } from '../lib/session';

export interface Action {
  move: string;
  label: string;
  requires: string[];
}

export interface Application {
  id: string;
  personId: string;
  person: { id: string; name: string; region: string };
  state: string;
  stateName: string;
  careMode: string | null;
  careModeName: string | null;
  disabilityCause: string | null;
  disabilityMonths: number | null;
  description: string | null;
  visitAddress: string | null;
  contactPhone: string | null;
  scheduledFor: string | null;
  grade: string | null;
  gradeName: string | null;
  publicityEndsOn: string | null;
  materialCount: number;
  noticeDate: string | null;
  objectionDeadline: string | null;
  objectionDeadlineProvisional: boolean;
  objectionWorkingDaysLeft: number | null;
  objectionCount: number;
  benefitStartMonth: string | null;
  submittedAt: string | null;
  createdAt: string;
  updatedAt: string;
  actions: Action[];
}

export interface AppEvent {
  id: string;
  move: string;
  moveLabel: string;
  to: string;
  toName: string;
  reason: string | null;
  data: Record<string, unknown> | null;
  at: string;
}

export interface Material {
  id: string;
  kind: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  createdAt: string;
}

export interface Message {
  id: string;
  applicationId: string | null;
  page: string;
  data: Record<string, { value: string }>;
  createdAt: string;
  readAt: string | null;
}

/** The kinds of material the server takes, in the words on the buttons. */
export const MATERIAL_KINDS: { id: string; name: string; hint: string }[] = [
  { id: 'id-card', name: '身份证', hint: '老人身份证的正面和反面' },
  { id: 'medical-record', name: '病历', hint: '近期的病历、出院小结或诊断证明' },
  { id: 'hukou', name: '户口簿', hint: '老人那一页' },
  { id: 'other', name: '其他材料', hint: '经办人员要求补充的其他材料' },
];
export const kindName = (id: string) => MATERIAL_KINDS.find((k) => k.id === id)?.name ?? '材料';

/** The server's limit (POST /applications/:id/materials): JPG, PNG or PDF of at most 10 MB. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

const DONE = ['approved', 'rejected'];

/** The person's application still in hand (or the latest), null when there is none. */
export async function currentApplication(personId: string): Promise<Application | null> {
  const list = await get<Application[]>('/applications', { personId });
  return list.find((a) => !DONE.includes(a.state)) ?? list[list.length - 1] ?? null;
}

/** The open application of the person, a new draft when there is none. */
export async function openOrCreate(personId: string): Promise<Application> {
  const current = await currentApplication(personId);
  if (current && !DONE.includes(current.state)) return current;
  return post<Application>('/applications', { personId });
}

/**
 * The signed-in account and the person acted for; without a session the sign-in page (coming back here),
 * without a person the people page.
 */
export function useActing(here: string): Acting | null {
  const { session, acting } = useSession();
  useEffect(() => {
    if (!session) goSignIn(here);
    else if (!acting) void Taro.navigateTo({ url: pageUrl('/account/people/index', { next: here }) });
  }, [!!session, acting?.personId]);
  return session ? acting : null;
}

const pad = (n: number) => String(n);

/** 2026-12-02 → 2026年12月2日. */
export function dayWords(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${pad(m)}月${pad(d)}日`;
}

/** 2026-12 → 2026年12月. */
export function monthWords(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${y}年${m}月`;
}

/** An instant, on the Shanghai calendar: 2026年12月2日 14:05. */
export function timeWords(iso: string): string {
  const t = new Date(Date.parse(iso) + 8 * 3600_000);
  const hh = String(t.getUTCHours()).padStart(2, '0');
  const mm = String(t.getUTCMinutes()).padStart(2, '0');
  return `${t.getUTCFullYear()}年${t.getUTCMonth() + 1}月${t.getUTCDate()}日 ${hh}:${mm}`;
}

/** The message's page (apply/detail/index?id=…) as an address the app opens. */
export const messagePage = (page: string) => (page.startsWith('/') ? page : `/${page}`);

export async function unreadCount(personId: string): Promise<number> {
  const list = await get<Message[]>('/inbox', { personId });
  return list.filter((m) => !m.readAt).length;
}
