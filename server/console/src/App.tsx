import { useCallback, useEffect, useState } from 'react';
import { api, messageOf, session, whenSignedOut, type User } from './api';
import { ErrorNote } from './components/Notice';
import { ROLE_NAMES } from './labels';
import { ApplicationPage } from './pages/ApplicationPage';
import { BenefitPage } from './pages/BenefitPage';
import { BenefitsPage } from './pages/BenefitsPage';
import { ProviderFormPage } from './pages/ProviderFormPage';
import { ProviderPage } from './pages/ProviderPage';
import { ProvidersPage } from './pages/ProvidersPage';
import { AgentConversationPage } from './pages/AgentConversationPage';
import { AgentQueuePage } from './pages/AgentQueuePage';
import { PersonsPage } from './pages/PersonsPage';
import { QueuePage } from './pages/QueuePage';
import { ServiceRecordsPage } from './pages/ServiceRecordsPage';
import { SignInPage } from './pages/SignInPage';
import { BASE, followLink, hrefOf, sectionOf, useRoute, type Route, type Section } from './router';

/** Staff who read applications here; only officers move them (the server says which moves). */
const STAFF_ROLES = ['officer', 'agent', 'admin'];
const LARGE_TEXT_KEY = 'changhu.console.largeText';

type SignedIn = { status: 'checking' } | { status: 'out'; notice: string | null } | { status: 'in'; user: User };

export function App() {
  const route = useRoute();
  const [auth, setAuth] = useState<SignedIn>(() =>
    session.token ? { status: 'checking' } : { status: 'out', notice: null },
  );
  const [largeText, setLargeText] = useState(() => localStorage.getItem(LARGE_TEXT_KEY) === '1');

  useEffect(() => {
    document.documentElement.classList.toggle('large-text', largeText);
    localStorage.setItem(LARGE_TEXT_KEY, largeText ? '1' : '0');
  }, [largeText]);

  useEffect(() => {
    whenSignedOut(() => setAuth({ status: 'out', notice: '登录已过期，请重新登录。' }));
    if (!session.token) return;
    api
      .me()
      .then((user) => setAuth({ status: 'in', user }))
      .catch(() => {
        session.clear();
        setAuth({ status: 'out', notice: null });
      });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.signOut();
    } catch {
      // Signing out locally is what matters; the session expires on the server anyway.
    }
    session.clear();
    setAuth({ status: 'out', notice: '您已退出登录。' });
  }, []);

  const user = auth.status === 'in' ? auth.user : null;
  const staff = user && STAFF_ROLES.includes(user.role) ? user : null;

  return (
    <>
      <a className="skip-link" href="#main">
        跳到主要内容
      </a>
      <header className="topbar">
        <a className="brand" href={BASE} onClick={followLink}>
          长护通<span className="brand-long">&nbsp;·&nbsp;经办控制台</span>
        </a>
        <div className="topbar-tools">
          {user && (
            <span className="whoami">
              {user.name ?? user.phone}（{ROLE_NAMES[user.role] ?? user.role}）
            </span>
          )}
          <button
            type="button"
            className="button button-quiet"
            aria-pressed={largeText}
            onClick={() => setLargeText((v) => !v)}
          >
            大字
          </button>
          {user && (
            <button type="button" className="button button-quiet" onClick={() => void signOut()}>
              退出登录
            </button>
          )}
        </div>
      </header>
      {staff && <SectionNav current={sectionOf(route)} role={staff.role} />}
      <main id="main" className="page">
        {auth.status === 'checking' && <p className="muted">正在确认登录状态…</p>}
        {auth.status === 'out' && (
          <SignInPage notice={auth.notice} onSignedIn={(u) => setAuth({ status: 'in', user: u })} />
        )}
        {user && !staff && <NotForThisRole user={user} onSignOut={signOut} />}
        {staff && <StaffPage route={route} user={staff} />}
      </main>
    </>
  );
}

const SECTIONS: { id: Section; label: string; route: Route }[] = [
  { id: 'queue', label: '申请', route: { page: 'queue', state: null } },
  { id: 'persons', label: '查找来电人', route: { page: 'persons' } },
  { id: 'providers', label: '定点机构', route: { page: 'providers', search: new URLSearchParams() } },
  { id: 'benefits', label: '待遇与结算', route: { page: 'benefits', state: null } },
  { id: 'service-records', label: '服务记录', route: { page: 'service-records', providerId: null, benefitId: null } },
  { id: 'agent', label: '转人工', route: { page: 'agent' } },
];

function SectionNav({ current, role }: { current: Section | null; role: string }) {
  return (
    <nav className="sections" aria-label="控制台栏目">
      <ul>
        {SECTIONS.filter((s) => s.id !== 'agent' || role === 'agent').map((s) => (
          <li key={s.id}>
            <a href={hrefOf(s.route)} onClick={followLink} aria-current={s.id === current ? 'page' : undefined}>
              {s.id === 'queue'
                ? role === 'officer'
                  ? '待办队列'
                  : '申请查询'
                : s.id === 'persons' && role !== 'agent'
                  ? '查找参保人'
                  : s.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function StaffPage({ route, user }: { route: Route; user: User }) {
  switch (route.page) {
    case 'queue':
      return <QueuePage state={route.state} user={user} />;
    case 'application':
      return <ApplicationPage id={route.id} user={user} />;
    case 'providers':
      return <ProvidersPage search={route.search} user={user} />;
    case 'provider':
      return <ProviderPage id={route.id} user={user} />;
    case 'provider-new':
      return <ProviderFormPage id={null} user={user} />;
    case 'provider-edit':
      return <ProviderFormPage key={route.id} id={route.id} user={user} />;
    case 'benefits':
      return <BenefitsPage state={route.state} user={user} />;
    case 'benefit':
      return <BenefitPage id={route.id} user={user} />;
    case 'service-records':
      return <ServiceRecordsPage providerId={route.providerId} benefitId={route.benefitId} user={user} />;
    case 'agent':
      return <AgentQueuePage user={user} />;
    case 'persons':
      return <PersonsPage />;
    case 'agent-conversation':
      return <AgentConversationPage key={route.id} id={route.id} user={user} />;
    default:
      return (
        <section>
          <h1>没有这个页面</h1>
          <p>
            <a href={BASE} onClick={followLink}>
              回到待办队列
            </a>
          </p>
        </section>
      );
  }
}

function NotForThisRole({ user, onSignOut }: { user: User; onSignOut: () => Promise<void> }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <section>
      <h1>这里是经办人员的控制台</h1>
      <p>
        您登录的是{ROLE_NAMES[user.role] ?? user.role}
        账号。为自己或家人申请长护险，请使用“长护通”小程序；如需帮助，可拨打当地医保服务电话。
      </p>
      <ErrorNote message={error} />
      <button
        type="button"
        className="button"
        onClick={() => onSignOut().catch((e: unknown) => setError(messageOf(e)))}
      >
        换一个账号登录
      </button>
    </section>
  );
}
