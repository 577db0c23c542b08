// Compensation claims: state crime-victim compensation, unpaid wages (Act 2013:644) and damages in
// the criminal case, each with the amount claimed and the decision.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { COMPENSATION_DECISIONS, COMPENSATION_KINDS } from '../../../../domain/process/support.js';
import { api } from '../../api.js';
import type { CompensationClaim } from '../../api-types-process.js';
import type { FieldErrors } from '../../field-errors.js';
import { formatDate, isIsoDate, todayIso } from '../../format.js';
import { numberText, wholeOrNull } from '../../form-values.js';
import { useApiForm } from '../../hooks/use-api-form.js';
import { useLabels } from '../../hooks/use-labels.js';
import { CodeBadge } from '../badges.js';
import { Disclosure } from '../disclosure.js';
import { ErrorSummary } from '../error-summary.js';
import { DateField, SelectField, TextField } from '../fields.js';

const FIELDS = ['kind', 'filedOn', 'amountClaimedSek', 'decision', 'decidedOn', 'amountAwardedSek'] as const;

function ClaimForm({ caseId, claim, onDone, onCancel }: { caseId: string; claim?: CompensationClaim; onDone: () => void; onCancel?: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const form = useApiForm(claim ? `claim-${claim.id}` : 'claim', FIELDS);
  const [v, setV] = useState({
    kind: claim?.kind ?? '',
    filedOn: claim?.filedOn ?? todayIso(),
    amountClaimedSek: numberText(claim?.amountClaimedSek ?? null),
    decision: claim?.decision ?? 'pending',
    decidedOn: claim?.decidedOn ?? '',
    amountAwardedSek: numberText(claim?.amountAwardedSek ?? null),
  });
  const set = (patch: Partial<typeof v>) => setV((x) => ({ ...x, ...patch }));

  const check = (): FieldErrors => {
    const found: FieldErrors = {};
    if (!claim && v.kind === '') found[form.name('kind')] = t('support.errKind');
    if (!claim && !isIsoDate(v.filedOn)) found[form.name('filedOn')] = t('common.errDate');
    if (claim && v.decidedOn !== '' && !isIsoDate(v.decidedOn)) found[form.name('decidedOn')] = t('common.errDate');
    for (const a of ['amountClaimedSek', 'amountAwardedSek'] as const) if (Number.isNaN(wholeOrNull(v[a]))) found[form.name(a)] = t('criminal.errAmount');
    return found;
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.submit({
      check,
      request: () =>
        claim
          ? api.patch(`/compensation/${claim.id}`, { decision: v.decision, decidedOn: v.decidedOn || null, amountAwardedSek: wholeOrNull(v.amountAwardedSek), amountClaimedSek: wholeOrNull(v.amountClaimedSek), version: claim.version })
          : api.post(`/cases/${caseId}/compensation`, { kind: v.kind, filedOn: v.filedOn, amountClaimedSek: wholeOrNull(v.amountClaimedSek) }),
      onSuccess: onDone,
    });
  };

  return (
    <form className={`form${claim ? ' step-form' : ''}`} onSubmit={submit} noValidate aria-label={claim ? t('support.claimEdit') : t('support.claimFile')}>
      <ErrorSummary errors={form.errors} messages={form.messages} attempt={form.attempt} level={5} />
      {claim ? null : (
        <>
          <SelectField name={form.name('kind')} label={t('support.claimKind')} placeholder={t('common.choose')} options={COMPENSATION_KINDS.map((k) => ({ value: k.code, label: labels.cap(COMPENSATION_KINDS, k.code) }))} value={v.kind} error={form.error('kind')} onChange={(e) => set({ kind: e.target.value })} />
          <DateField name={form.name('filedOn')} label={t('support.filedOn')} value={v.filedOn} error={form.error('filedOn')} onChange={(e) => set({ filedOn: e.target.value })} />
        </>
      )}
      <TextField name={form.name('amountClaimedSek')} label={t('support.amountClaimed')} optional inputMode="numeric" className="field-short" value={v.amountClaimedSek} error={form.error('amountClaimedSek')} onChange={(e) => set({ amountClaimedSek: e.target.value })} />
      {claim ? (
        <>
          <div className="field-row">
            <SelectField name={form.name('decision')} label={t('support.claimDecision')} options={COMPENSATION_DECISIONS.map((d) => ({ value: d.code, label: labels.cap(COMPENSATION_DECISIONS, d.code) }))} value={v.decision} error={form.error('decision')} onChange={(e) => set({ decision: e.target.value })} />
            <DateField name={form.name('decidedOn')} label={t('support.decidedOn')} optional value={v.decidedOn} error={form.error('decidedOn')} onChange={(e) => set({ decidedOn: e.target.value })} />
          </div>
          <TextField name={form.name('amountAwardedSek')} label={t('support.amountAwarded')} optional inputMode="numeric" className="field-short" value={v.amountAwardedSek} error={form.error('amountAwardedSek')} onChange={(e) => set({ amountAwardedSek: e.target.value })} />
        </>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button" disabled={form.busy}>
          {form.busy ? t('case.working') : claim ? t('common.save') : t('support.claimSubmit')}
        </button>
        {onCancel ? (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

function ClaimItem({ caseId, claim, canWrite, onChanged }: { caseId: string; claim: CompensationClaim; canWrite: boolean; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [editing, setEditing] = useState(false);
  const formId = `claim-edit-${claim.id}`;
  const sek = (n: number | null) => (n === null ? '–' : t('criminal.sek', { amount: n.toLocaleString('sv-SE') }));
  return (
    <li className="card">
      <h4 className="card-title">
        {labels.cap(COMPENSATION_KINDS, claim.kind)} <CodeBadge list={COMPENSATION_DECISIONS} code={claim.decision} tone={claim.decision === 'pending' ? 'pending' : claim.decision === 'refused' ? 'neutral' : 'success'} />
      </h4>
      <p>{t('support.claimLine', { filed: formatDate(claim.filedOn), claimed: sek(claim.amountClaimedSek), awarded: sek(claim.amountAwardedSek) })}</p>
      {canWrite ? (
        <button type="button" className="button button-secondary button-small" aria-expanded={editing} aria-controls={formId} onClick={() => setEditing((x) => !x)}>
          {t('support.claimEdit')}
        </button>
      ) : null}
      <div id={formId}>
        {editing ? (
          <ClaimForm
            caseId={caseId}
            claim={claim}
            onCancel={() => setEditing(false)}
            onDone={() => {
              setEditing(false);
              onChanged(t('support.claimSaved'));
            }}
          />
        ) : null}
      </div>
    </li>
  );
}

export function CompensationPanel({ caseId, items, canWrite, onChanged }: { caseId: string; items: CompensationClaim[]; canWrite: boolean; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="claims-heading">
      <h3 id="claims-heading">{t('support.claimsHeading')}</h3>
      {items.length === 0 ? (
        <p>{t('support.claimsNone')}</p>
      ) : (
        <ul className="card-list">
          {items.map((c) => (
            <ClaimItem key={`${c.id}-${c.version}`} caseId={caseId} claim={c} canWrite={canWrite} onChanged={onChanged} />
          ))}
        </ul>
      )}
      {canWrite ? (
        <Disclosure key={items.length} label={t('support.claimFile')}>
          <ClaimForm caseId={caseId} onDone={() => onChanged(t('support.claimFiled'))} />
        </Disclosure>
      ) : null}
    </section>
  );
}
