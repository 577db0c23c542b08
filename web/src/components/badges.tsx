// Small status labels. Colour only supports the words: every badge says what it means, and an
// overdue one also carries a warning sign, so the state is never told by colour alone.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodeEntry } from '../../../domain/index.js';
import { REFERRAL_STATUSES } from '../../../domain/process/referral-purposes.js';
import { useLabels } from '../hooks/use-labels.js';

export type Tone = 'info' | 'pending' | 'success' | 'neutral' | 'danger';

export function Badge({ tone, children }: { tone: Tone; children: ReactNode }) {
  return <span className={`badge tone-${tone}`}>{children}</span>;
}

export function CodeBadge({ list, code, tone }: { list: readonly CodeEntry[]; code: string; tone: Tone }) {
  const { cap } = useLabels();
  return <Badge tone={tone}>{cap(list, code)}</Badge>;
}

export function OverdueBadge({ overdue }: { overdue: boolean }) {
  const { t } = useTranslation();
  if (!overdue) return null;
  return (
    <span className="badge tone-danger badge-overdue">
      <span aria-hidden="true">⚠ </span>
      {t('work.overdue')}
    </span>
  );
}

const REFERRAL_TONES: Record<string, Tone> = { sent: 'pending', accepted: 'info', declined: 'neutral', completed: 'success', withdrawn: 'neutral' };

export function ReferralStatusBadge({ status }: { status: string }) {
  return <CodeBadge list={REFERRAL_STATUSES} code={status} tone={REFERRAL_TONES[status] ?? 'neutral'} />;
}
