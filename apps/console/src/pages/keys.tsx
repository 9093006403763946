import type { Api, ApiKey, ApiKeyWithSecret, KeyPermission, RateLimitTier, UpdateApiKeyInput } from '@datahub/sdk';
import { useState } from 'preact/hooks';
import { can, client, type Session } from '../session';
import {
  ConfirmAction,
  Dialog,
  Empty,
  Field,
  FormButtons,
  formatDate,
  formValues,
  Link,
  ProblemNotice,
  RowAction,
  Truncated,
  useAction,
  useLoad,
} from '../ui';

type Editing =
  | { mode: 'create' }
  | { mode: 'edit'; key: ApiKey }
  | { mode: 'rotate'; key: ApiKey }
  | { mode: 'revoke'; key: ApiKey };

const statusOf = (key: ApiKey) => {
  if (key.revokedAt) return 'revoked';
  if (key.expiresAt && new Date(key.expiresAt) <= new Date()) return 'expired';
  return 'active';
};

/** `datetime-local` speaks local time without a zone; the API speaks ISO 8601 instants. */
const toLocalInput = (iso: string | null) => {
  if (!iso) return '';
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const fromLocalInput = (value: string) => (value ? new Date(value).toISOString() : null);

export function KeysPage({ session }: { session: Session }) {
  const keys = useLoad(() => client.apiKeys.list({ limit: 200 }), []);
  const apis = useLoad(() => client.apis.list({ limit: 200 }), []);
  const tiers = useLoad(() => client.rateLimits.list(), []);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [secret, setSecret] = useState<ApiKeyWithSecret | null>(null);
  const writable = can(session, 'keys:write');
  const close = () => setEditing(null);
  const done = (created?: ApiKeyWithSecret) => {
    setEditing(null);
    if (created) setSecret(created);
    keys.reload();
  };

  return (
    <>
      <p class="lead">
        {session.role === 'admin' ? 'Every key of every user.' : 'Your API keys.'} Send one as the{' '}
        <code>X-API-Key</code> header to call <code>/gateway/&lt;api&gt;/…</code>.
      </p>
      {writable && (
        <p>
          <button type="button" onClick={() => setEditing({ mode: 'create' })}>
            Create key
          </button>
        </p>
      )}
      {secret && <SecretOnce created={secret} onDismiss={() => setSecret(null)} />}
      <ProblemNotice error={keys.error} />
      {keys.data && keys.data.data.length === 0 && (
        <Empty>
          No keys yet.{' '}
          {apis.data?.data.length === 0 ? (
            session.role === 'admin' ? (
              <>
                Register an API first on the <Link to="/apis">APIs</Link> page, then create a key for it.
              </>
            ) : (
              'No APIs are registered yet: ask an admin to register one.'
            )
          ) : writable ? (
            'Create one to call the gateway.'
          ) : (
            `Your role (${session.role}) cannot create keys: ask an admin for one.`
          )}
        </Empty>
      )}
      {keys.data && <Truncated shown={keys.data.data.length} total={keys.data.meta.total} />}
      {keys.data && keys.data.data.length > 0 && (
        <table>
          <caption class="visually-hidden">API keys</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Prefix</th>
              <th scope="col">Tier</th>
              <th scope="col">Permissions</th>
              <th scope="col">Allowed IPs</th>
              <th scope="col">Last used</th>
              <th scope="col">Expires</th>
              <th scope="col">Status</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {keys.data.data.map((key) => (
              <tr key={key.id} data-key-id={key.id}>
                <td>{key.name}</td>
                <td>
                  <code>{key.prefix}…</code>
                </td>
                <td>{key.rateLimitTier}</td>
                <td>{key.permissions.map((p) => `${p.api} (${p.permission})`).join(', ') || '—'}</td>
                <td>{key.allowedIps.length ? key.allowedIps.join(', ') : 'any'}</td>
                <td>{formatDate(key.lastUsedAt)}</td>
                <td>{formatDate(key.expiresAt)}</td>
                <td>
                  <span class={`status ${statusOf(key)}`}>{statusOf(key)}</span>
                </td>
                <td class="actions">
                  <Link to={`/usage?keyId=${key.id}`} aria-label={`Usage of ${key.name}`}>
                    Usage
                  </Link>
                  {writable && !key.revokedAt && (
                    <>
                      <RowAction label="Edit" of={key.name} onClick={() => setEditing({ mode: 'edit', key })} />
                      <RowAction label="Rotate" of={key.name} onClick={() => setEditing({ mode: 'rotate', key })} />
                    </>
                  )}
                  {!key.revokedAt && (
                    <RowAction
                      label="Revoke"
                      of={key.name}
                      danger
                      onClick={() => setEditing({ mode: 'revoke', key })}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Dialog
        title={
          editing?.mode === 'create' ? 'Create an API key' : editing?.mode === 'edit' ? `Edit ${editing.key.name}` : ''
        }
        open={editing?.mode === 'create' || editing?.mode === 'edit'}
        onClose={close}
      >
        <KeyForm
          grantsAdmin={session.role === 'admin'}
          existing={editing?.mode === 'edit' ? editing.key : undefined}
          apis={apis.data?.data ?? []}
          tiers={tiers.data?.data ?? []}
          onDone={done}
          onCancel={close}
        />
      </Dialog>
      <Dialog
        title={editing?.mode === 'rotate' ? `Rotate ${editing.key.name}` : ''}
        open={editing?.mode === 'rotate'}
        onClose={close}
      >
        {editing?.mode === 'rotate' && <RotateForm keyToRotate={editing.key} onDone={done} onCancel={close} />}
      </Dialog>
      <Dialog
        title={editing?.mode === 'revoke' ? `Revoke ${editing.key.name}?` : ''}
        open={editing?.mode === 'revoke'}
        onClose={close}
      >
        {editing?.mode === 'revoke' && (
          <ConfirmAction
            confirm="Revoke key"
            action={() => client.apiKeys.revoke(editing.key.id)}
            onDone={done}
            onCancel={close}
          >
            <p>
              Every node refuses <code>{editing.key.prefix}…</code> at once. This cannot be undone.
            </p>
          </ConfirmAction>
        )}
      </Dialog>
    </>
  );
}

function SecretOnce({ created, onDismiss }: { created: ApiKeyWithSecret; onDismiss: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <section class="secret" aria-labelledby="secret-title">
      <h2 id="secret-title">Your new key "{created.name}"</h2>
      <p>
        <strong>Copy it now: you will not see this secret again.</strong> DataHub keeps only its hash.
      </p>
      <p class="secret-row">
        <input readOnly value={created.key} aria-label="API key secret" onFocus={(e) => e.currentTarget.select()} />
        <button
          type="button"
          onClick={() =>
            void navigator.clipboard.writeText(created.key).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          Copy
        </button>
        <span role="status">{copied ? 'Copied to the clipboard.' : ''}</span>
      </p>
      <button type="button" onClick={onDismiss}>
        I have stored it
      </button>
    </section>
  );
}

/** The fields of a key that differ from what it has: an edit sends only those (and audits only those). */
function changes(existing: ApiKey, wanted: Omit<UpdateApiKeyInput, 'expiresAt'> & { expiresAt: string }) {
  const update: UpdateApiKeyInput = {};
  if (wanted.name !== existing.name) update.name = wanted.name;
  if (wanted.rateLimitTier !== existing.rateLimitTier) update.rateLimitTier = wanted.rateLimitTier;
  // The form shows minutes: an untouched field keeps the stored instant, seconds included.
  if (wanted.expiresAt !== toLocalInput(existing.expiresAt)) update.expiresAt = fromLocalInput(wanted.expiresAt);
  if (JSON.stringify(wanted.permissions) !== JSON.stringify(existing.permissions))
    update.permissions = wanted.permissions;
  if (JSON.stringify(wanted.allowedIps) !== JSON.stringify(existing.allowedIps)) update.allowedIps = wanted.allowedIps;
  return update;
}

/** One address or range per line (commas work too); blank lines are ignored. */
const ipList = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((entry) => entry.trim())
    .filter(Boolean);

function KeyForm({
  grantsAdmin,
  existing,
  apis,
  tiers,
  onDone,
  onCancel,
}: {
  grantsAdmin: boolean;
  existing?: ApiKey;
  apis: Api[];
  tiers: RateLimitTier[];
  onDone: (created?: ApiKeyWithSecret) => void;
  onCancel: () => void;
}) {
  const [permissions, setPermissions] = useState<KeyPermission[]>(existing?.permissions ?? []);
  const action = useAction(async (values: Record<string, string>) => {
    const wanted = {
      name: values.name,
      rateLimitTier: values.rateLimitTier,
      permissions,
      allowedIps: ipList(values.allowedIps),
    };
    if (existing) {
      const update = changes(existing, { ...wanted, expiresAt: values.expiresAt });
      if (Object.keys(update).length > 0) await client.apiKeys.update(existing.id, update);
      onDone();
    } else onDone(await client.apiKeys.create({ ...wanted, expiresAt: fromLocalInput(values.expiresAt) }));
  });
  const unused = apis.filter((api) => !permissions.some((p) => p.api === api.name));
  return (
    <form onSubmit={(event) => void action.run(formValues(event))}>
      <Field label="Name">
        <input name="name" required maxLength={100} defaultValue={existing?.name} />
      </Field>
      <Field label="Rate-limit tier">
        <select name="rateLimitTier">
          {tiers.map((tier) => (
            <option
              key={tier.tierName}
              value={tier.tierName}
              selected={tier.tierName === (existing?.rateLimitTier ?? 'free')}
            >
              {tier.tierName} ({tier.requestsPerMin}/min, burst {tier.burstLimit})
            </option>
          ))}
        </select>
      </Field>
      <Field label="Expires (optional)" hint="Local time; empty means never.">
        <input name="expiresAt" type="datetime-local" defaultValue={toLocalInput(existing?.expiresAt ?? null)} />
      </Field>
      <Field
        label="Allowed IPs (optional)"
        hint="Addresses or CIDR ranges, one per line, e.g. 203.0.113.7 or 10.0.0.0/8; empty means any address."
      >
        <textarea name="allowedIps" rows={3} defaultValue={existing?.allowedIps.join('\n') ?? ''} />
      </Field>
      <fieldset>
        <legend>Permissions</legend>
        {permissions.length === 0 && <p class="muted">No API yet: the key can call nothing until you add one.</p>}
        {permissions.map((permission, index) => (
          <p key={permission.api} class="permission">
            <span>{permission.api}</span>
            <select
              aria-label={`Permission on ${permission.api}`}
              value={permission.permission}
              onChange={(e) =>
                setPermissions(
                  permissions.map((p, i) =>
                    i === index ? { ...p, permission: e.currentTarget.value as KeyPermission['permission'] } : p,
                  ),
                )
              }
            >
              <option value="read">read (GET, HEAD, OPTIONS)</option>
              <option value="write">write (every method)</option>
              {(grantsAdmin || permission.permission === 'admin') && <option value="admin">admin</option>}
            </select>
            <button
              type="button"
              aria-label={`Remove ${permission.api}`}
              onClick={() => setPermissions(permissions.filter((_, i) => i !== index))}
            >
              Remove
            </button>
          </p>
        ))}
        {unused.length > 0 && (
          <p>
            <select aria-label="API to add" id="add-api">
              {unused.map((api) => (
                <option key={api.id} value={api.name}>
                  {api.name}
                </option>
              ))}
            </select>
            <button
              type="button"
              onClick={() => {
                const select = document.getElementById('add-api') as HTMLSelectElement;
                setPermissions([...permissions, { api: select.value, permission: 'read' }]);
              }}
            >
              Add API
            </button>
          </p>
        )}
        {apis.length === 0 && <p class="muted">No APIs are registered yet.</p>}
      </fieldset>
      <ProblemNotice error={action.error} />
      <FormButtons submit={existing ? 'Save' : 'Create key'} busy={action.busy} onCancel={onCancel} />
    </form>
  );
}

function RotateForm({
  keyToRotate,
  onDone,
  onCancel,
}: {
  keyToRotate: ApiKey;
  onDone: (created: ApiKeyWithSecret) => void;
  onCancel: () => void;
}) {
  const action = useAction(async (values: Record<string, string>) =>
    onDone(await client.apiKeys.rotate(keyToRotate.id, { gracePeriodSeconds: Number(values.grace) })),
  );
  return (
    <form onSubmit={(event) => void action.run(formValues(event))}>
      <p>A new secret replaces the current one. The current one keeps working for the grace period, then stops.</p>
      <Field label="Grace period (seconds)" hint="0 stops the current secret at once; at most 7 days (604800).">
        <input name="grace" type="number" min={0} max={604800} defaultValue="3600" required />
      </Field>
      <ProblemNotice error={action.error} />
      <FormButtons submit="Rotate" busy={action.busy} onCancel={onCancel} />
    </form>
  );
}
