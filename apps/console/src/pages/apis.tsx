import type { Api } from '@datahub/sdk';
import { useState } from 'preact/hooks';
import { can, client, type Session } from '../session';
import {
  ConfirmAction,
  Dialog,
  Empty,
  Field,
  FormButtons,
  formatNumber,
  formValues,
  Link,
  ProblemNotice,
  RowAction,
  Truncated,
  useAction,
  useLoad,
} from '../ui';

type Editing = { mode: 'create' } | { mode: 'edit'; api: Api } | { mode: 'delete'; api: Api };

const optionalNumber = (value: string) => (value === '' ? undefined : Number(value));

export function ApisPage({ session }: { session: Session }) {
  const apis = useLoad(() => client.apis.list({ limit: 200 }), []);
  const [editing, setEditing] = useState<Editing | null>(null);
  const writable = can(session, 'apis:write');
  const close = () => setEditing(null);
  const done = () => {
    setEditing(null);
    apis.reload();
  };
  return (
    <>
      <p class="lead">
        Upstream services behind the gateway: <code>/gateway/&lt;name&gt;/…</code> is proxied to the API's upstream.
      </p>
      {writable && (
        <p>
          <button type="button" onClick={() => setEditing({ mode: 'create' })}>
            Register API
          </button>
        </p>
      )}
      <ProblemNotice error={apis.error} />
      {apis.data && apis.data.data.length === 0 && (
        <Empty>
          No APIs yet: {writable ? 'register one to put it behind the gateway.' : 'ask an admin to register one.'}
        </Empty>
      )}
      {apis.data && <Truncated shown={apis.data.data.length} total={apis.data.meta.total} />}
      {apis.data && apis.data.data.length > 0 && (
        <table>
          <caption class="visually-hidden">Registered APIs</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              {writable && <th scope="col">Upstream</th>}
              <th scope="col">Key required</th>
              <th scope="col">API limit (req/min per key)</th>
              {writable && <th scope="col">Timeout</th>}
              {writable && <th scope="col">Body limit</th>}
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {apis.data.data.map((api) => (
              <tr key={api.id}>
                <td>
                  {api.name}
                  {api.description && <div class="muted">{api.description}</div>}
                </td>
                {writable && (
                  <td>
                    <code>{api.upstreamUrl}</code>
                  </td>
                )}
                <td>{api.authRequired ? 'yes' : 'no'}</td>
                <td>{api.rateLimit === null ? 'tier only' : formatNumber(api.rateLimit)}</td>
                {writable && <td>{formatNumber(api.timeoutMs)} ms</td>}
                {writable && <td>{formatNumber(api.maxBodyBytes)} bytes</td>}
                <td class="actions">
                  <Link to={`/usage?api=${api.name}`} aria-label={`Usage of ${api.name}`}>
                    Usage
                  </Link>
                  {writable && (
                    <>
                      <RowAction label="Edit" of={api.name} onClick={() => setEditing({ mode: 'edit', api })} />
                      <RowAction
                        label="Delete"
                        of={api.name}
                        danger
                        onClick={() => setEditing({ mode: 'delete', api })}
                      />
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Dialog
        title={editing?.mode === 'edit' ? `Edit ${editing.api.name}` : 'Register an API'}
        open={editing?.mode === 'create' || editing?.mode === 'edit'}
        onClose={close}
      >
        <ApiForm existing={editing?.mode === 'edit' ? editing.api : undefined} onDone={done} onCancel={close} />
      </Dialog>
      <Dialog
        title={editing?.mode === 'delete' ? `Delete ${editing.api.name}?` : ''}
        open={editing?.mode === 'delete'}
        onClose={close}
      >
        {editing?.mode === 'delete' && (
          <ConfirmAction
            confirm="Delete API"
            action={() => client.apis.delete(editing.api.id)}
            onDone={done}
            onCancel={close}
          >
            <p>
              <code>/gateway/{editing.api.name}/…</code> stops answering on every node, and keys lose their permission
              on it.
            </p>
          </ConfirmAction>
        )}
      </Dialog>
    </>
  );
}

function ApiForm({ existing, onDone, onCancel }: { existing?: Api; onDone: () => void; onCancel: () => void }) {
  const action = useAction(async (values: Record<string, string>, authRequired: boolean) => {
    const input = {
      name: values.name,
      upstreamUrl: values.upstreamUrl,
      description: values.description || null,
      authRequired,
      rateLimit: values.rateLimit === '' ? null : Number(values.rateLimit),
      timeoutMs: optionalNumber(values.timeoutMs),
      maxBodyBytes: optionalNumber(values.maxBodyBytes),
    };
    if (existing) await client.apis.update(existing.id, input);
    else await client.apis.create(input);
    onDone();
  });
  return (
    <form
      onSubmit={(event) => {
        const form = event.currentTarget as HTMLFormElement;
        const authRequired = (form.elements.namedItem('authRequired') as HTMLInputElement).checked;
        void action.run(formValues(event), authRequired);
      }}
    >
      <Field label="Name" hint="Lowercase letters, digits and dashes: the gateway path /gateway/<name>/…">
        <input name="name" required pattern="[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?" defaultValue={existing?.name} />
      </Field>
      <Field label="Upstream URL">
        <input
          name="upstreamUrl"
          type="url"
          required
          placeholder="https://payments.internal:8080"
          defaultValue={existing?.upstreamUrl}
        />
      </Field>
      <Field label="Description (optional)">
        <input name="description" maxLength={500} defaultValue={existing?.description ?? ''} />
      </Field>
      <label class="check">
        <input name="authRequired" type="checkbox" defaultChecked={existing?.authRequired ?? true} /> Requires an API
        key
      </label>
      <Field label="API rate limit (requests per minute per key, optional)" hint="Empty: only the key's tier applies.">
        <input name="rateLimit" type="number" min={1} defaultValue={existing?.rateLimit?.toString() ?? ''} />
      </Field>
      <Field label="Upstream timeout (ms)">
        <input name="timeoutMs" type="number" min={100} defaultValue={existing?.timeoutMs?.toString() ?? '30000'} />
      </Field>
      <Field label="Largest request body (bytes)">
        <input
          name="maxBodyBytes"
          type="number"
          min={0}
          defaultValue={existing?.maxBodyBytes?.toString() ?? '10485760'}
        />
      </Field>
      <ProblemNotice error={action.error} />
      <FormButtons submit={existing ? 'Save' : 'Register'} busy={action.busy} onCancel={onCancel} />
    </form>
  );
}
