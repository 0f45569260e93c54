import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, messageOf, session, type OutboxMessage, type User } from '../api';
import { ErrorNote } from '../components/Notice';
import { dateTimeText, timeText } from '../format';

const PHONE = /^1\d{10}$/;
const CODE = /^\d{6}$/;
const RESEND_SECONDS = 60;

export function SignInPage({ notice, onSignedIn }: { notice: string | null; onSignedIn: (user: User) => void }) {
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [codeSent, setCodeSent] = useState(false);
  const [expiresAt, setExpiresAt] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [wait, setWait] = useState(0);
  const [devMessage, setDevMessage] = useState<OutboxMessage | null | undefined>(undefined);
  const codeInput = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait(wait - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);

  async function requestCode(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!PHONE.test(phone)) {
      setError('请输入11位手机号。');
      return;
    }
    setBusy(true);
    try {
      const sent = await api.requestCode(phone);
      setExpiresAt(sent.expiresAt);
      setCodeSent(true);
      setWait(RESEND_SECONDS);
      codeInput.current?.focus();
      // On a development server the code goes to an outbox instead of an SMS; show where it is.
      api
        .outbox(phone)
        .then((messages) => setDevMessage(messages[0] ?? null))
        .catch(() => setDevMessage(undefined));
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  async function signIn(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!CODE.test(code)) {
      setError('验证码是6位数字，请检查后再输入。');
      return;
    }
    setBusy(true);
    try {
      const result = await api.signIn(phone, code);
      session.set(result.token);
      onSignedIn(result.user);
    } catch (err) {
      setError(messageOf(err));
      setBusy(false);
    }
  }

  const outboxHref = `/api/v1/dev/sms-outbox?phone=${encodeURIComponent(phone)}`;

  return (
    <section className="narrow">
      <h1 ref={heading} tabIndex={-1}>
        经办人员登录
      </h1>
      <p className="muted">用工作手机号和短信验证码登录。</p>
      {notice && (
        <p className="notice notice-ok" role="status">
          {notice}
        </p>
      )}
      <form onSubmit={requestCode} noValidate className="card stack">
        <div className="field">
          <label htmlFor="phone">手机号</label>
          <input
            id="phone"
            name="phone"
            type="tel"
            inputMode="numeric"
            autoComplete="tel"
            maxLength={11}
            value={phone}
            onChange={(e) => setPhone(e.target.value.replace(/\s/g, ''))}
          />
        </div>
        <button type="submit" className="button" disabled={busy || wait > 0}>
          {wait > 0 ? `${wait}秒后可重新获取` : codeSent ? '重新获取验证码' : '获取验证码'}
        </button>
      </form>

      {codeSent && (
        <form onSubmit={signIn} noValidate className="card stack">
          <p role="status">
            验证码已发送到 {phone}
            {expiresAt ? `，请在 ${timeText(expiresAt)} 前输入` : ''}。
          </p>
          {devMessage !== undefined && (
            <div className="dev-hint">
              <p>
                <strong>开发环境：</strong>短信不会真的发出，验证码在开发发件箱：
                <a href={outboxHref} target="_blank" rel="noreferrer">
                  {outboxHref}
                </a>
              </p>
              {devMessage && (
                <p>
                  最新一条（{dateTimeText(devMessage.createdAt)}）：{devMessage.text}
                </p>
              )}
            </div>
          )}
          <div className="field">
            <label htmlFor="code">验证码</label>
            <input
              id="code"
              name="code"
              ref={codeInput}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              value={code}
              onChange={(e) => setCode(e.target.value.trim())}
            />
          </div>
          <button type="submit" className="button" disabled={busy}>
            登录
          </button>
        </form>
      )}
      <ErrorNote message={error} />
    </section>
  );
}
