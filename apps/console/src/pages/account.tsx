import { useState } from 'preact/hooks';
import { client, type Session } from '../session';
import { Field, formValues, ProblemNotice, useAction } from '../ui';

export function AccountPage({ session }: { session: Session }) {
  const [changed, setChanged] = useState(false);
  const action = useAction(async (values: Record<string, string>) => {
    await client.auth.changePassword(values.currentPassword, values.newPassword);
    setChanged(true);
  });
  return (
    <>
      <dl class="figures">
        <div>
          <dt>Email</dt>
          <dd>{session.email}</dd>
        </div>
        <div>
          <dt>Role</dt>
          <dd>{session.role}</dd>
        </div>
        <div>
          <dt>Permissions</dt>
          <dd>{session.permissions.join(', ')}</dd>
        </div>
      </dl>
      <h2>Change password</h2>
      <form
        onSubmit={(event) => {
          setChanged(false);
          void action.run(formValues(event)).then((ok) => ok && (event.target as HTMLFormElement).reset());
        }}
      >
        <Field label="Current password">
          <input name="currentPassword" type="password" required autoComplete="current-password" />
        </Field>
        <Field label="New password" hint="At least 12 characters. Every other sign-in of yours ends.">
          <input name="newPassword" type="password" required minLength={12} autoComplete="new-password" />
        </Field>
        <ProblemNotice error={action.error} />
        <p role="status">{changed ? 'Password changed. Your other sign-ins have ended.' : ''}</p>
        <button type="submit" disabled={action.busy}>
          Change password
        </button>
      </form>
    </>
  );
}
