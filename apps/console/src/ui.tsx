import { DataHubError, RateLimitError, ValidationError } from '@datahub/sdk';
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { BASE, onLinkClick } from './router';
import { noticeSessionEnd } from './session';

/** An error as the user should read it: the server's `detail`, its request id, and for 429s when to retry. */
export function ProblemNotice({ error }: { error: unknown }) {
  if (!error) return null;
  const problem = error instanceof DataHubError ? error : undefined;
  const detail = problem?.detail ?? problem?.title ?? (error as Error).message ?? String(error);
  const fields = error instanceof ValidationError ? error.errors : [];
  const retryAt = error instanceof RateLimitError ? error.retryAt : undefined;
  return (
    <div class="problem" role="alert">
      <p>
        <strong>{problem?.code ? `${problem.code}: ` : ''}</strong>
        {detail}
      </p>
      {fields.length > 0 && (
        <ul>
          {fields.map((field) => (
            <li key={field.field}>
              <code>{field.field}</code>: {field.message}
            </li>
          ))}
        </ul>
      )}
      {retryAt && <p>Try again after {retryAt.toLocaleTimeString()}.</p>}
      {problem?.requestId && (
        <p class="muted">
          Request id <code>{problem.requestId}</code>
        </p>
      )}
    </div>
  );
}

export interface Loaded<T> {
  data?: T;
  error?: unknown;
  loading: boolean;
  reload: () => void;
}

/** Runs `load` now, whenever `deps` change, every `refreshMs` if given, and on reload(). */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[], refreshMs?: number): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) => {
        noticeSessionEnd(error);
        if (live) setState((s) => ({ data: s.data, error, loading: false }));
      },
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  useEffect(() => {
    if (!refreshMs) return;
    const timer = setInterval(reload, refreshMs);
    return () => clearInterval(timer);
  }, [refreshMs, reload]);
  return { ...state, reload };
}

export function Link({
  to,
  children,
  ...rest
}: {
  to: string;
  children: ComponentChildren;
  'aria-label'?: string;
  'aria-current'?: 'page';
}) {
  return (
    <a href={`${BASE}${to}`} onClick={onLinkClick} {...rest}>
      {children}
    </a>
  );
}

export function Field({ label, hint, children }: { label: string; hint?: string; children: ComponentChildren }) {
  return (
    <label class="field">
      <span class="label">{label}</span>
      {children}
      {hint && <span class="hint">{hint}</span>}
    </label>
  );
}

/** Said under a list the API answered in part (its pages hold at most `limit` rows). */
export function Truncated({ shown, total }: { shown: number; total: number }) {
  if (shown >= total) return null;
  return (
    <p class="muted" role="note">
      Showing the first {shown.toLocaleString()} of {total.toLocaleString()}.
    </p>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="empty">{children}</p>;
}

/** A modal dialog (the platform's own <dialog>: focus is trapped and Escape closes it). */
export function Dialog({
  title,
  open,
  onClose,
  children,
}: {
  title: string;
  open: boolean;
  onClose: () => void;
  children: ComponentChildren;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} onClose={onClose} aria-labelledby="dialog-title">
      <h2 id="dialog-title">{title}</h2>
      {open && children}
    </dialog>
  );
}

/** Runs an action from a form or button: busy while it runs, its error shown by the caller. */
export function useAction<A extends unknown[]>(
  action: (...args: A) => Promise<unknown>,
): { run: (...args: A) => Promise<boolean>; busy: boolean; error: unknown; clear: () => void } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const run = async (...args: A) => {
    setBusy(true);
    setError(undefined);
    try {
      await action(...args);
      return true;
    } catch (caught) {
      noticeSessionEnd(caught);
      setError(caught);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { run, busy, error, clear: () => setError(undefined) };
}

export const formatDate = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString() : '—');
export const formatNumber = (n: number | null | undefined) =>
  n === null || n === undefined ? '—' : n.toLocaleString();
export const formatMs = (n: number | null | undefined) => (n === null || n === undefined ? '—' : `${n} ms`);

/** The values of a form's named controls. */
export function formValues(event: Event): Record<string, string> {
  event.preventDefault();
  const data = new FormData(event.currentTarget as HTMLFormElement);
  return Object.fromEntries([...data.entries()].map(([name, value]) => [name, String(value)]));
}

/** A form's closing row: its submit button (disabled while it runs) and Cancel. */
export function FormButtons({ submit, busy, onCancel }: { submit: string; busy: boolean; onCancel: () => void }) {
  return (
    <p class="buttons">
      <button type="submit" disabled={busy}>
        {submit}
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </p>
  );
}

/** The body of a confirmation dialog for an action that cannot be undone. */
export function ConfirmAction({
  children,
  confirm,
  action,
  onDone,
  onCancel,
}: {
  children: ComponentChildren;
  confirm: string;
  action: () => Promise<unknown>;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { run, busy, error } = useAction(async () => {
    await action();
    onDone();
  });
  return (
    <div>
      {children}
      <ProblemNotice error={error} />
      <p class="buttons">
        <button type="button" class="danger" disabled={busy} onClick={() => void run()}>
          {confirm}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </p>
    </div>
  );
}

/** A button acting on one row of a table, named for a screen reader with what it acts on. */
export function RowAction({
  label,
  of,
  danger,
  onClick,
}: {
  label: string;
  of: string;
  danger?: boolean;
  onClick: () => void;
}) {
  return (
    <button type="button" class={danger ? 'danger' : undefined} onClick={onClick} aria-label={`${label} ${of}`}>
      {label}
    </button>
  );
}
