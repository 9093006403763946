import { signIn, type Session } from '../session';
import { Field, formValues, ProblemNotice, useAction } from '../ui';

export function SignInPage({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const action = useAction(async (email: string, password: string) => onSignedIn(await signIn(email, password)));
  return (
    <main id="main" class="sign-in">
      <h1>Sign in to DataHub</h1>
      <form
        onSubmit={(event) => {
          const { email, password } = formValues(event);
          void action.run(email, password);
        }}
      >
        <Field label="Email">
          <input name="email" type="email" autoComplete="username" required autoFocus />
        </Field>
        <Field label="Password">
          <input name="password" type="password" autoComplete="current-password" required />
        </Field>
        <ProblemNotice error={action.error} />
        <button type="submit" disabled={action.busy}>
          {action.busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p class="muted">
        The REST API and its reference are at <a href="/docs">/docs</a>.
      </p>
    </main>
  );
}
