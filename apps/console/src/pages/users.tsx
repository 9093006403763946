import type { User, UserRole } from '@datahub/sdk';
import { useState } from 'preact/hooks';
import { client, type Session } from '../session';
import {
  ConfirmAction,
  Dialog,
  Field,
  formatDate,
  FormButtons,
  formValues,
  ProblemNotice,
  RowAction,
  Truncated,
  useAction,
  useLoad,
} from '../ui';

const ROLES: UserRole[] = ['admin', 'developer', 'viewer'];

export function UsersPage({ session }: { session: Session }) {
  const [filter, setFilter] = useState<{ role?: UserRole; email?: string }>({});
  const users = useLoad(() => client.users.list({ limit: 200, ...filter }), [filter.role, filter.email]);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<User | null>(null);
  const change = useAction(async (user: User, role: UserRole) => {
    await client.users.update(user.id, { role });
    users.reload();
  });
  return (
    <>
      <form
        class="filters"
        onSubmit={(event) => {
          const { role, email } = formValues(event);
          setFilter({ role: (role || undefined) as UserRole | undefined, email: email || undefined });
        }}
      >
        <Field label="Role">
          <select name="role">
            <option value="">any</option>
            {ROLES.map((role) => (
              <option key={role}>{role}</option>
            ))}
          </select>
        </Field>
        <Field label="Email (exact)">
          <input name="email" type="search" />
        </Field>
        <button type="submit">Filter</button>
        <button type="button" onClick={() => setCreating(true)}>
          Create user
        </button>
      </form>
      <ProblemNotice error={users.error ?? change.error} />
      {users.data && <Truncated shown={users.data.data.length} total={users.data.meta.total} />}
      {users.data && (
        <table>
          <caption class="visually-hidden">Users</caption>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Created</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {users.data.data.map((user) => (
              <tr key={user.id}>
                <td>{user.email}</td>
                <td>{user.name ?? '—'}</td>
                <td>
                  <select
                    aria-label={`Role of ${user.email}`}
                    value={user.role}
                    disabled={user.id === session.id || change.busy}
                    onChange={(e) => void change.run(user, e.currentTarget.value as UserRole)}
                  >
                    {ROLES.map((role) => (
                      <option key={role}>{role}</option>
                    ))}
                  </select>
                </td>
                <td>{formatDate(user.createdAt)}</td>
                <td class="actions">
                  {user.id !== session.id && (
                    <RowAction label="Delete" of={user.email} danger onClick={() => setDeleting(user)} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {users.data?.data.length === 0 && <p class="empty">No user matches these filters.</p>}
      <Dialog title="Create a user" open={creating} onClose={() => setCreating(false)}>
        <CreateUser
          onDone={() => {
            setCreating(false);
            users.reload();
          }}
          onCancel={() => setCreating(false)}
        />
      </Dialog>
      <Dialog
        title={deleting ? `Delete ${deleting.email}?` : ''}
        open={deleting !== null}
        onClose={() => setDeleting(null)}
      >
        {deleting && (
          <ConfirmAction
            confirm="Delete user"
            action={() => client.users.delete(deleting.id)}
            onDone={() => {
              setDeleting(null);
              users.reload();
            }}
            onCancel={() => setDeleting(null)}
          >
            <p>Their sign-ins end and their API keys stop working at once.</p>
          </ConfirmAction>
        )}
      </Dialog>
    </>
  );
}

function CreateUser({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const action = useAction(async (values: Record<string, string>) => {
    await client.users.create({
      email: values.email,
      password: values.password,
      name: values.name || undefined,
      role: values.role as UserRole,
    });
    onDone();
  });
  return (
    <form onSubmit={(event) => void action.run(formValues(event))}>
      <Field label="Email">
        <input name="email" type="email" required autoComplete="off" />
      </Field>
      <Field label="Name (optional)">
        <input name="name" maxLength={200} />
      </Field>
      <Field label="Initial password" hint="At least 12 characters; they can change it under Account.">
        <input name="password" type="password" required minLength={12} autoComplete="new-password" />
      </Field>
      <Field label="Role">
        <select name="role">
          {ROLES.map((role) => (
            <option key={role} selected={role === 'developer'}>
              {role}
            </option>
          ))}
        </select>
      </Field>
      <ProblemNotice error={action.error} />
      <FormButtons submit="Create user" busy={action.busy} onCancel={onCancel} />
    </form>
  );
}
