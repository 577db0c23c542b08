// What a bulk action did, case by case: the cases it was done for, or, when the server refused the
// whole command (nothing is saved), each case that stopped it and why, with the offer to do it for
// the others.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';

export interface Refusal {
  caseId: string;
  ref: string;
  reason: string;
}

export type BulkOutcome =
  | { kind: 'done'; title: string; lines: { ref: string; text: string; ok: boolean }[] }
  | { kind: 'refused'; title: string; refusals: Refusal[]; others: string[] };

/** The server's per-case reasons (English) in the reader's language where they are known. */
export function reasonText(reason: string, t: TFunction): string {
  const r = reason.trim();
  if (r.startsWith('no consent is recorded')) return t('groups.reasonNoConsent');
  if (r.startsWith('the person has refused consent')) return t('groups.reasonRefused');
  if (r.startsWith('the person has withdrawn consent')) return t('groups.reasonWithdrawn');
  if (r.startsWith('the case is closed')) return t('groups.reasonClosed');
  if (r.startsWith('an open referral')) return t('groups.reasonOpen');
  return r;
}

export function BulkResults({ outcome, onSendOthers, busy }: { outcome: BulkOutcome; onSendOthers: () => void; busy: boolean }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [outcome]);

  if (outcome.kind === 'done') {
    return (
      <div className="notice notice-success" role="status" tabIndex={-1} ref={ref} data-testid="bulk-results">
        <h3 className="notice-title">{outcome.title}</h3>
        <ul className="result-list">
          {outcome.lines.map((l) => (
            <li key={l.ref}>
              <span aria-hidden="true">{l.ok ? '✓ ' : '✕ '}</span>
              <strong>{l.ref}</strong>: {l.text}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <div className="notice notice-error" role="alert" tabIndex={-1} ref={ref} data-testid="bulk-refusals">
      <h3 className="notice-title">{outcome.title}</h3>
      <ul className="result-list">
        {outcome.refusals.map((r) => (
          <li key={r.caseId}>
            <strong>{r.ref}</strong>: {r.reason}
          </li>
        ))}
      </ul>
      {outcome.others.length > 0 ? (
        <>
          <p>{t('groups.othersOffer', { count: outcome.others.length })}</p>
          <button type="button" className="button" disabled={busy} onClick={onSendOthers}>
            {t('groups.sendToOthers', { count: outcome.others.length })}
          </button>
        </>
      ) : null}
    </div>
  );
}
