import type { AuditEvent } from '@datahub/sdk';
import { useState } from 'preact/hooks';
import { client } from '../session';
import { Dialog, Empty, Field, formatDate, formValues, ProblemNotice, useLoad } from '../ui';

const PAGE = 50;
const DAY_MS = 86_400_000;

interface Filters {
  type?: string;
  actorUserId?: string;
  apiKeyId?: string;
  days: number;
}

export function AuditPage() {
  const [filters, setFilters] = useState<Filters>({ days: 1 });
  const [offset, setOffset] = useState(0);
  const [detail, setDetail] = useState<AuditEvent | null>(null);
  const events = useLoad(() => {
    const to = new Date();
    const { days, ...rest } = filters;
    return client.analytics.audit({ ...rest, from: new Date(to.getTime() - days * DAY_MS), to, limit: PAGE, offset });
  }, [filters, offset]);
  const total = events.data?.meta.total ?? 0;
  return (
    <>
      <form
        class="filters"
        onSubmit={(event) => {
          const { type, actorUserId, apiKeyId, days } = formValues(event);
          setOffset(0);
          setFilters({
            type: type || undefined,
            actorUserId: actorUserId || undefined,
            apiKeyId: apiKeyId || undefined,
            days: Number(days),
          });
        }}
      >
        <Field label="Event type">
          <input name="type" placeholder="ratelimit.hit" />
        </Field>
        <Field label="Actor (user id)">
          <input name="actorUserId" />
        </Field>
        <Field label="API key id">
          <input name="apiKeyId" />
        </Field>
        <Field label="Since">
          <select name="days">
            <option value="1">24 hours</option>
            <option value="7">7 days</option>
            <option value="30">30 days</option>
          </select>
        </Field>
        <button type="submit">Filter</button>
      </form>
      <ProblemNotice error={events.error} />
      {events.data && events.data.data.length === 0 && <Empty>No audit events match these filters.</Empty>}
      {events.data && events.data.data.length > 0 && (
        <>
          <table>
            <caption class="visually-hidden">Audit events, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Type</th>
                <th scope="col">Actor</th>
                <th scope="col">Key</th>
                <th scope="col">IP</th>
                <th scope="col">Detail</th>
              </tr>
            </thead>
            <tbody>
              {events.data.data.map((event) => (
                <tr key={event.id} data-event-type={event.type}>
                  <td>{formatDate(event.timestamp)}</td>
                  <td>
                    <code>{event.type}</code>
                  </td>
                  <td>{event.actorUserId ? <code>{event.actorUserId.slice(0, 8)}</code> : '—'}</td>
                  <td>{event.apiKeyId ? <code>{event.apiKeyId.slice(0, 8)}</code> : '—'}</td>
                  <td>{event.ip ?? '—'}</td>
                  <td>
                    <button
                      type="button"
                      onClick={() => setDetail(event)}
                      aria-label={`Details of ${event.type} at ${formatDate(event.timestamp)}`}
                    >
                      Details
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="pager">
            {offset + 1}–{Math.min(offset + PAGE, total)} of {total}{' '}
            <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              Newer
            </button>
            <button type="button" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
              Older
            </button>
          </p>
        </>
      )}
      <Dialog title={detail ? detail.type : ''} open={detail !== null} onClose={() => setDetail(null)}>
        {detail && (
          <>
            <pre class="detail">{JSON.stringify(detail, null, 2)}</pre>
            <button type="button" onClick={() => setDetail(null)}>
              Close
            </button>
          </>
        )}
      </Dialog>
    </>
  );
}
