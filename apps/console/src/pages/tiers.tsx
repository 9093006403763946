import type { RateLimitTier } from '@datahub/sdk';
import { useState } from 'preact/hooks';
import { can, client, type Session } from '../session';
import {
  Dialog,
  Field,
  formatNumber,
  FormButtons,
  formValues,
  ProblemNotice,
  RowAction,
  useAction,
  useLoad,
} from '../ui';

export function TiersPage({ session }: { session: Session }) {
  const tiers = useLoad(() => client.rateLimits.list(), []);
  const [editing, setEditing] = useState<RateLimitTier | 'new' | null>(null);
  const writable = can(session, 'rate-limits:write');
  const done = () => {
    setEditing(null);
    tiers.reload();
  };
  return (
    <>
      <p class="lead">Every key belongs to one tier: its limits per minute, per hour and per second (burst).</p>
      {writable && (
        <p>
          <button type="button" onClick={() => setEditing('new')}>
            Create tier
          </button>
        </p>
      )}
      <ProblemNotice error={tiers.error} />
      {tiers.data && (
        <table>
          <caption class="visually-hidden">Rate-limit tiers</caption>
          <thead>
            <tr>
              <th scope="col">Tier</th>
              <th scope="col">Per minute</th>
              <th scope="col">Per hour</th>
              <th scope="col">Burst (per second)</th>
              {writable && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {tiers.data.data.map((tier) => (
              <tr key={tier.id}>
                <td>{tier.tierName}</td>
                <td>{formatNumber(tier.requestsPerMin)}</td>
                <td>{formatNumber(tier.requestsPerHour)}</td>
                <td>{formatNumber(tier.burstLimit)}</td>
                {writable && (
                  <td class="actions">
                    <RowAction label="Edit" of={tier.tierName} onClick={() => setEditing(tier)} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Dialog
        title={editing && editing !== 'new' ? `Edit ${editing.tierName}` : 'Create a tier'}
        open={editing !== null}
        onClose={() => setEditing(null)}
      >
        <TierForm
          existing={editing && editing !== 'new' ? editing : undefined}
          onDone={done}
          onCancel={() => setEditing(null)}
        />
      </Dialog>
    </>
  );
}

function TierForm({
  existing,
  onDone,
  onCancel,
}: {
  existing?: RateLimitTier;
  onDone: () => void;
  onCancel: () => void;
}) {
  const action = useAction(async (values: Record<string, string>) => {
    const limits = {
      requestsPerMin: Number(values.requestsPerMin),
      requestsPerHour: Number(values.requestsPerHour),
      burstLimit: Number(values.burstLimit),
    };
    if (existing) await client.rateLimits.update(existing.tierName, limits);
    else await client.rateLimits.create({ tierName: values.tierName, ...limits });
    onDone();
  });
  return (
    <form onSubmit={(event) => void action.run(formValues(event))}>
      {!existing && (
        <Field label="Tier name">
          <input name="tierName" required maxLength={50} />
        </Field>
      )}
      <Field label="Requests per minute">
        <input
          name="requestsPerMin"
          type="number"
          min={1}
          required
          defaultValue={existing?.requestsPerMin.toString()}
        />
      </Field>
      <Field label="Requests per hour">
        <input
          name="requestsPerHour"
          type="number"
          min={1}
          required
          defaultValue={existing?.requestsPerHour.toString()}
        />
      </Field>
      <Field label="Burst (requests per second)">
        <input name="burstLimit" type="number" min={1} required defaultValue={existing?.burstLimit.toString()} />
      </Field>
      <ProblemNotice error={action.error} />
      <FormButtons submit={existing ? 'Save' : 'Create tier'} busy={action.busy} onCancel={onCancel} />
    </form>
  );
}
