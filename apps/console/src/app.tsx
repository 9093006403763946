import { useEffect, useState } from 'preact/hooks';
import { AccountPage } from './pages/account';
import { ApisPage } from './pages/apis';
import { AuditPage } from './pages/audit';
import { KeysPage } from './pages/keys';
import { SignInPage } from './pages/sign-in';
import { TiersPage } from './pages/tiers';
import { UsagePage } from './pages/usage';
import { UsersPage } from './pages/users';
import { navigate, usePath } from './router';
import { isAdmin, noticeSessionEnd, onSessionEnd, resume, type Session, signOut } from './session';
import { Link, ProblemNotice } from './ui';

interface Route {
  path: string;
  title: string;
  adminOnly?: boolean;
  page: (props: { session: Session }) => preact.JSX.Element;
}

const ROUTES: Route[] = [
  { path: '/keys', title: 'API keys', page: KeysPage },
  { path: '/usage', title: 'Usage', page: UsagePage },
  { path: '/apis', title: 'APIs', page: ApisPage },
  { path: '/tiers', title: 'Rate-limit tiers', page: TiersPage },
  { path: '/users', title: 'Users', adminOnly: true, page: UsersPage },
  { path: '/audit', title: 'Audit log', adminOnly: true, page: AuditPage },
  { path: '/account', title: 'Account', page: AccountPage },
];

export function App() {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [signOutError, setSignOutError] = useState<unknown>(undefined);
  const path = usePath();
  useEffect(() => {
    onSessionEnd(() => setSession(null));
    void resume().then(setSession);
  }, []);
  useEffect(() => {
    if (session && (path === '/' || path === '/sign-in')) navigate('/keys');
  }, [session, path]);

  const route = ROUTES.find((r) => r.path === path);
  useEffect(() => {
    document.title = route ? `${route.title} · DataHub` : 'DataHub console';
  }, [route]);

  if (session === undefined) return <p class="loading">Loading…</p>;
  if (session === null) return <SignInPage onSignedIn={(me) => (setSignOutError(undefined), setSession(me))} />;
  if (path === '/' || path === '/sign-in') return null; // the effect above moves on to /keys

  const leave = async () => {
    try {
      await signOut();
      setSession(null);
      navigate('/sign-in');
    } catch (error) {
      setSignOutError(error);
      noticeSessionEnd(error);
    }
  };

  const visible = ROUTES.filter((r) => !r.adminOnly || isAdmin(session));
  const allowed = route && visible.includes(route);
  const Page = route?.page;
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header>
        <span class="brand">DataHub</span>
        <nav aria-label="Console">
          <ul>
            {visible.map((r) => (
              <li key={r.path}>
                <Link to={r.path} aria-current={r.path === path ? 'page' : undefined}>
                  {r.title}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <span class="who">
          {session.email} ({session.role})
          <button type="button" onClick={() => void leave()}>
            Sign out
          </button>
        </span>
      </header>
      <main id="main" tabIndex={-1}>
        {signOutError !== undefined && (
          <>
            <p role="alert">Signing out did not complete, so this sign-in may still be active. Try again.</p>
            <ProblemNotice error={signOutError} />
          </>
        )}
        {!route && (
          <>
            <h1>Not found</h1>
            <p>
              There is no page at <code>{path}</code>. <Link to="/keys">Go to your API keys</Link>.
            </p>
          </>
        )}
        {route && !allowed && (
          <>
            <h1>Not allowed</h1>
            <p role="alert">
              {route.title} is for admins. Your role is {session.role}.
            </p>
          </>
        )}
        {route && allowed && Page && (
          <>
            <h1>{route.title}</h1>
            <Page session={session} />
          </>
        )}
      </main>
    </>
  );
}
