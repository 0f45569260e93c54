// The signed-in account and the person being acted for, kept on the phone so that closing the app keeps them.
// The token is the server's session token (POST /auth/sessions); the server decides what it may see.
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { pageUrl } from './nav';

export interface SessionUser {
  id: string;
  role: string;
  /** Masked by the server (138****0001). */
  phone: string;
  name?: string | null;
}

export interface Session {
  token: string;
  expiresAt: string;
  user: SessionUser;
}

/** The insured person the flows act for (self, a family member, or someone a community worker helps). */
export interface Acting {
  personId: string;
  /** As the server shows it; never an ID number. */
  name: string;
}

const SESSION = 'changhu.session';
const ACTING = 'changhu.acting';
const CHANGED = 'changhu.session.changed';

function readJson<T>(key: string): T | null {
  try {
    const raw = Taro.getStorageSync(key);
    if (!raw) return null;
    return (typeof raw === 'string' ? JSON.parse(raw) : raw) as T;
  } catch {
    return null;
  }
}

function writeJson(key: string, value: unknown): void {
  try {
    if (value === null) Taro.removeStorageSync(key);
    else Taro.setStorageSync(key, JSON.stringify(value));
  } catch {
    // Storage blocked: the session lasts for this visit only.
  }
  Taro.eventCenter.trigger(CHANGED);
}

export function getSession(): Session | null {
  const s = readJson<Session>(SESSION);
  if (!s?.token) return null;
  if (s.expiresAt && Date.parse(s.expiresAt) <= Date.now()) return null;
  return s;
}

export function setSession(session: Session | null): void {
  writeJson(SESSION, session);
  if (!session) writeJson(ACTING, null);
}

export const getActing = (): Acting | null => readJson<Acting>(ACTING);
export const setActing = (acting: Acting | null): void => writeJson(ACTING, acting);

/** The session and the person acted for, updated on every page when either changes. */
export function useSession(): { session: Session | null; acting: Acting | null } {
  const [state, setState] = useState(() => ({ session: getSession(), acting: getActing() }));
  useEffect(() => {
    const listener = () => setState({ session: getSession(), acting: getActing() });
    Taro.eventCenter.on(CHANGED, listener);
    return () => {
      Taro.eventCenter.off(CHANGED, listener);
    };
  }, []);
  return state;
}

export const SIGN_IN_PAGE = '/account/signin/index';

/**
 * Opens the sign-in page. Once signed in it goes back to the page that sent it there (still on the stack, so
 * whatever was typed is still in its fields); opened on its own, it goes on to `next` (a page path with query).
 */
export function goSignIn(next?: string): void {
  void Taro.navigateTo({ url: pageUrl(SIGN_IN_PAGE, next ? { next } : {}) });
}

/**
 * For a failed call: when the session has ended (the ApiError's problem 'signin'), opens sign-in and says so.
 * Duck-typed so that this module need not import api.ts (which imports it).
 */
export function signInIfExpired(err: unknown): boolean {
  if ((err as { problem?: string } | null)?.problem !== 'signin') return false;
  goSignIn();
  return true;
}

/** The page to show after signing in: back where the person was, or `next`, or the "mine" hub. */
export function leaveSignIn(next?: string): void {
  const pages = Taro.getCurrentPages();
  if (pages.length > 1) void Taro.navigateBack({ delta: 1 });
  else void Taro.redirectTo({ url: next && next.startsWith('/') ? next : MINE_PAGE });
}

export const MINE_PAGE = '/more/mine/index';
