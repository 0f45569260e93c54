import { View } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import { attrs, heading } from '../../components/a11y';
import { Btn } from '../../components/Btn';
import { Field } from '../shared';
import { Failure } from '../../components/States';
import { Page } from '../../components/Page';
import { ApiError, post } from '../../lib/api';
import { useParams } from '../../lib/nav';
import { leaveSignIn, setSession, type Session } from '../../lib/session';

const WAIT_SECONDS = 60;

// Only the length is checked here, so a slip is caught before a text is sent; the server checks the number.
const looksLikePhone = (p: string) => /^1\d{10}$/.test(p);
/** As the server shows numbers: 138****0001. */
const masked = (p: string) => `${p.slice(0, 3)}****${p.slice(-4)}`;

/** Problems by field: the server's details (path + message) go next to the field they concern. */
type FieldProblems = { phone?: string; code?: string };

function split(err: unknown): { fields: FieldProblems; general?: ApiError } {
  const e = err instanceof ApiError ? err : new ApiError('server', '没能完成，请再试一次。');
  if (e.problem !== 'input') return { fields: {}, general: e };
  const fields: FieldProblems = {};
  for (const d of e.details) {
    if (d.path === 'phone' || d.path === 'code') fields[d.path] = d.message;
  }
  return Object.keys(fields).length ? { fields } : { fields: {}, general: e };
}

/** Sign in with the phone number and the six-digit code texted to it; a first sign-in opens an account. */
export default function SignIn() {
  const { next } = useParams();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [wait, setWait] = useState(0);
  const [validMinutes, setValidMinutes] = useState(5);
  const [busy, setBusy] = useState(false);
  const [fields, setFields] = useState<FieldProblems>({});
  const [error, setError] = useState<ApiError | undefined>();
  const timer = useRef<ReturnType<typeof setInterval> | undefined>(undefined);

  useEffect(() => () => clearInterval(timer.current), []);

  const digits = (s: string) => s.replace(/\D/g, '');
  const phoneOk = looksLikePhone(digits(phone));

  const sendCode = async () => {
    const p = digits(phone);
    if (!looksLikePhone(p)) {
      setFields({ phone: '请填写11位手机号码，例如 13800000000' });
      return;
    }
    setBusy(true);
    setFields({});
    setError(undefined);
    try {
      const sent = await post<{ expiresAt: string }>('/auth/codes', { phone: p });
      setValidMinutes(Math.max(1, Math.round((Date.parse(sent.expiresAt) - Date.now()) / 60_000)));
      setSentTo(p);
      setWait(WAIT_SECONDS);
      clearInterval(timer.current);
      timer.current = setInterval(() => {
        setWait((w) => {
          if (w <= 1) clearInterval(timer.current);
          return Math.max(0, w - 1);
        });
      }, 1000);
    } catch (err) {
      const s = split(err);
      setFields(s.fields);
      setError(s.general);
    } finally {
      setBusy(false);
    }
  };

  const signIn = async () => {
    const c = digits(code);
    if (c.length !== 6) {
      setFields({ code: '验证码是短信里的6位数字' });
      return;
    }
    setBusy(true);
    setFields({});
    setError(undefined);
    try {
      const session = await post<Session>('/auth/sessions', { phone: sentTo ?? digits(phone), code: c });
      setSession(session);
      leaveSignIn(next);
    } catch (err) {
      const s = split(err);
      setFields(s.fields);
      setError(s.general);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title="登录">
      <View className="lead">用手机号登录。第一次登录会自动开通账号，不需要注册。</View>
      <View className="card">
        <Field
          id="signin-phone"
          label="手机号"
          type="number"
          maxlength={11}
          value={phone}
          placeholder="请输入11位手机号"
          onChange={(v) => {
            setPhone(v);
            if (fields.phone) setFields({ ...fields, phone: undefined });
          }}
          problem={fields.phone}
          name="phone"
          autocomplete="tel"
        />
        <Btn kind={sentTo ? 'plain' : 'primary'} onClick={() => void sendCode()} disabled={busy || wait > 0 || !phone}>
          {wait > 0 ? `${wait}秒后可以重新获取` : sentTo ? '重新获取验证码' : '获取验证码'}
        </Btn>
        {sentTo && (
          <View className="muted" {...attrs({ role: 'status', 'aria-live': 'polite' })}>
            验证码已经发到 {masked(sentTo)}，{validMinutes}分钟内有效。
          </View>
        )}
      </View>

      {sentTo && (
        <View className="card">
          <View className="card-title" {...heading(2)}>
            填写短信验证码
          </View>
          <Field
            id="signin-code"
            label="验证码（6位数字）"
            type="number"
            maxlength={6}
            value={code}
            placeholder="短信里的6位数字"
            onChange={(v) => {
              setCode(v);
              if (fields.code) setFields({ ...fields, code: undefined });
            }}
            problem={fields.code}
            name="code"
            autocomplete="one-time-code"
          />
          <Btn kind="primary" onClick={() => void signIn()} disabled={busy || !phoneOk}>
            {busy ? '正在登录……' : '登录'}
          </Btn>
        </View>
      )}

      {error && <Failure error={error} />}
      <View className="muted">登录后，您的手机号只用于登录和办理进度提醒，页面上只显示部分号码。</View>
    </Page>
  );
}
