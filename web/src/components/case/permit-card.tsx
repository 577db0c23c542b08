// One permit application: applicant, status, and for a granted permit the clock: day N of the
// period and the days left, as text and as a progress bar that repeats the text.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PERMIT_APPLICANTS, PERMIT_KINDS, daysBetween } from '../../../../domain/process/permits.js';
import type { Permit } from '../../api-types-process.js';
import { formatDate } from '../../format.js';
import { useLabels } from '../../hooks/use-labels.js';
import { Badge, type Tone } from '../badges.js';
import { PermitDecisionForm, PermitExtensionForm, PermitWithdrawForm } from './permit-actions.js';

const STATUS_TONES: Record<Permit['status'], Tone> = { pending: 'pending', granted: 'success', expired: 'neutral', refused: 'danger', withdrawn: 'neutral' };

export function PermitStatusBadge({ status }: { status: Permit['status'] }) {
  const { t } = useTranslation();
  const text = { pending: t('permits.statusPending'), granted: t('permits.statusGranted'), expired: t('permits.statusExpired'), refused: t('permits.statusRefused'), withdrawn: t('permits.statusWithdrawn') }[status];
  return <Badge tone={STATUS_TONES[status]}>{text}</Badge>;
}

function PermitClock({ permit }: { permit: Permit }) {
  const { t } = useTranslation();
  const id = useId();
  if (permit.dayOfPeriod === null || permit.validFrom === null || permit.validUntil === null) return null;
  const total = daysBetween(permit.validFrom, permit.validUntil) + 1;
  const text = t('permits.clock', { day: permit.dayOfPeriod, total, left: permit.daysLeft ?? 0, until: formatDate(permit.validUntil) });
  return (
    <div className="permit-clock">
      <p id={id} className="permit-clock-text" data-testid="permit-clock">
        {text}
      </p>
      <progress max={total} value={permit.dayOfPeriod} aria-labelledby={id} />
    </div>
  );
}

type Action = 'decide' | 'extend' | 'withdraw' | null;

interface Props {
  permit: Permit;
  abilities: { apply: boolean; decide: boolean; extend: boolean };
  onChanged: (p: Permit, message: string) => void;
}

export function PermitCard({ permit, abilities, onChanged }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [action, setAction] = useState<Action>(null);
  const headingId = useId();
  const done = (message: string) => (p: Permit) => {
    setAction(null);
    onChanged(p, message);
  };
  const toggle = (a: Exclude<Action, null>) => setAction((x) => (x === a ? null : a));
  const actionsId = `${headingId}-actions`;

  return (
    <li className="card" data-testid="permit-card">
      <h4 id={headingId} className="card-title">
        {labels.cap(PERMIT_KINDS, permit.kind)} · {permit.applicantOrganisation.name} <PermitStatusBadge status={permit.status} />
      </h4>
      <dl className="facts facts-compact">
        <div className="facts-row">
          <dt>{t('permits.applicantKind')}</dt>
          <dd>
            {labels.cap(PERMIT_APPLICANTS, permit.applicantKind)}
            {permit.viaCoordinator ? ` ${t('permits.viaCoordinatorShort')}` : ''}
          </dd>
        </div>
        <div className="facts-row">
          <dt>{t('permits.submittedOn')}</dt>
          <dd>{formatDate(permit.submittedOn)}</dd>
        </div>
        {permit.decidedOn ? (
          <div className="facts-row">
            <dt>{t('permits.decidedOn')}</dt>
            <dd>{formatDate(permit.decidedOn)}</dd>
          </div>
        ) : null}
        {permit.validFrom && permit.validUntil ? (
          <div className="facts-row">
            <dt>{t('permits.validity')}</dt>
            <dd>{t('permits.validityRange', { from: formatDate(permit.validFrom), until: formatDate(permit.validUntil) })}</dd>
          </div>
        ) : null}
        {permit.extensions.length > 0 ? (
          <div className="facts-row">
            <dt>{t('permits.extensions')}</dt>
            <dd>
              <ul className="plain-list">
                {permit.extensions.map((x) => (
                  <li key={x.id}>{t('permits.extensionLine', { decided: formatDate(x.decidedOn), until: formatDate(x.validUntil) })}</li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
        {permit.withdrawnOn ? (
          <div className="facts-row">
            <dt>{t('permits.withdrawnOn')}</dt>
            <dd>{formatDate(permit.withdrawnOn)}</dd>
          </div>
        ) : null}
        {permit.note ? (
          <div className="facts-row">
            <dt>{t('permits.note')}</dt>
            <dd className="prewrap">{permit.note}</dd>
          </div>
        ) : null}
      </dl>
      {permit.status === 'pending' ? <p className="muted">{t('permits.awaiting', { since: formatDate(permit.submittedOn) })}</p> : null}
      <PermitClock permit={permit} />
      <div className="button-row">
        {permit.decision === 'pending' && abilities.decide ? (
          <button type="button" className="button button-secondary button-small" aria-expanded={action === 'decide'} aria-controls={actionsId} onClick={() => toggle('decide')}>
            {t('permits.decideHeading')}
          </button>
        ) : null}
        {permit.decision === 'granted' && abilities.extend ? (
          <button type="button" className="button button-secondary button-small" aria-expanded={action === 'extend'} aria-controls={actionsId} onClick={() => toggle('extend')}>
            {t('permits.extendHeading')}
          </button>
        ) : null}
        {permit.decision === 'pending' && abilities.apply ? (
          <button type="button" className="button button-secondary button-small" aria-expanded={action === 'withdraw'} aria-controls={actionsId} onClick={() => toggle('withdraw')}>
            {t('permits.withdrawHeading')}
          </button>
        ) : null}
      </div>
      <div id={actionsId}>
        {action === 'decide' ? <PermitDecisionForm permit={permit} onDone={done(t('permits.decided'))} onCancel={() => setAction(null)} /> : null}
        {action === 'extend' ? <PermitExtensionForm permit={permit} onDone={done(t('permits.extended'))} onCancel={() => setAction(null)} /> : null}
        {action === 'withdraw' ? <PermitWithdrawForm permit={permit} onDone={done(t('permits.withdrawn'))} onCancel={() => setAction(null)} /> : null}
      </div>
    </li>
  );
}
