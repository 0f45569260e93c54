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

/** Opens the sign-in page, which comes back to `next` (a page path with its query) once signed in. */
export function goSignIn(next?: string): void {
  void Taro.navigateTo({ url: pageUrl(SIGN_IN_PAGE, next ? { next } : {}) });
}
