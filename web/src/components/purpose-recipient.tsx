// Choosing a purpose and then a recipient organisation: the recipients offered are only those of
// the kinds that purpose may go to (domain PURPOSE_RULES), so a consent or referral cannot be
// addressed to an organisation that could never receive it.
import { useTranslation } from 'react-i18next';
import { ORGANISATION_KINDS } from '../../../domain/index.js';
import { PURPOSE_RULES, REFERRAL_PURPOSES, type ReferralPurpose } from '../../../domain/process/referral-purposes.js';
import type { ApiForm } from '../hooks/use-api-form.js';
import { useLabels } from '../hooks/use-labels.js';
import { organisationsOfKinds, useOrganisations } from '../hooks/use-organisations.js';
import { SelectField } from './fields.js';

interface Props {
  form: ApiForm;
  purpose: string;
  recipient: string;
  /** API field names of the two values ("purpose"/"toOrgId" for referrals, "recipientOrgId" for consent). */
  recipientField: string;
  onPurpose: (purpose: string) => void;
  onRecipient: (orgId: string) => void;
  recipientHint?: string;
}

export function recipientKinds(purpose: string): readonly string[] {
  return purpose in PURPOSE_RULES ? PURPOSE_RULES[purpose as ReferralPurpose].recipients : [];
}

export function PurposeRecipientFields({ form, purpose, recipient, recipientField, onPurpose, onRecipient, recipientHint }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const orgs = useOrganisations();
  const fitting = organisationsOfKinds(orgs, recipientKinds(purpose));
  const kinds = recipientKinds(purpose).map((k) => labels.label(ORGANISATION_KINDS, k));

  return (
    <>
      <SelectField
        name={form.name('purpose')}
        label={t('refer.purpose')}
        placeholder={t('common.choose')}
        options={REFERRAL_PURPOSES.map((p) => ({ value: p.code, label: labels.cap(REFERRAL_PURPOSES, p.code) }))}
        value={purpose}
        error={form.error('purpose')}
        onChange={(e) => {
          form.clear('purpose');
          onPurpose(e.target.value);
          if (!fittingAfter(e.target.value, recipient, orgs)) onRecipient('');
        }}
      />
      <SelectField
        name={form.name(recipientField)}
        label={t('refer.recipient')}
        hint={purpose === '' ? t('refer.recipientChoosePurpose') : (recipientHint ?? t('refer.recipientKinds', { kinds: kinds.join(', ') }))}
        placeholder={purpose === '' ? t('refer.recipientChoosePurposeShort') : t('common.choose')}
        disabled={purpose === ''}
        options={fitting.map((o) => ({ value: o.id, label: o.name }))}
        value={recipient}
        error={form.error(recipientField)}
        onChange={(e) => {
          form.clear(recipientField);
          onRecipient(e.target.value);
        }}
      />
    </>
  );
}

function fittingAfter(purpose: string, recipient: string, orgs: ReturnType<typeof useOrganisations>): boolean {
  return recipient !== '' && organisationsOfKinds(orgs, recipientKinds(purpose)).some((o) => o.id === recipient);
}
