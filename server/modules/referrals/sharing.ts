// Whether a case may be shared for a purpose with a recipient organisation, on a date: the
// recipient must be of a fitting kind, and there must be a sharing basis (the person's consent
// in force for exactly this purpose and recipient, or a child's case going to social services).
import type { Trx } from '../cases/case.access.js';
import type { CaseDetailRow } from '../cases/case.repository.js';
import { ValidationError } from '../../http/errors.js';
import { ageGroupAt } from '../../../domain/age.js';
import type { OrganisationKind } from '../../../domain/codelists/organisation-kinds.js';
import {
  PURPOSE_RULES,
  recipientFits,
  sharingBasis,
  type ConsentBasis,
  type ConsentStatus,
  type ReferralPurpose,
} from '../../../domain/process/referral-purposes.js';
import { latestConsent } from './consent.repository.js';
import { findOrganisation } from './referral.repository.js';

export interface Recipient {
  id: string;
  name: string;
  kind: OrganisationKind;
}

/** The recipient organisation, or 400 naming `path` when it does not exist or is inactive. */
export async function loadRecipient(trx: Trx, orgId: string, path: string): Promise<Recipient> {
  const org = await findOrganisation(trx, orgId);
  if (!org || !org.active) throw new ValidationError('Unknown recipient organisation', [{ path, message: 'no such active organisation' }]);
  return { id: org.id, name: org.name, kind: org.kind as OrganisationKind };
}

/** true/false when the evidence tells; null when the age is unknown. */
export function isChildOn(row: CaseDetailRow, on: string): boolean | null {
  const group = ageGroupAt(
    { birthDate: row.birth_date, birthYear: row.birth_year, estimatedAge: row.estimated_age, estimatedAgeOn: row.estimated_age_on },
    on,
  );
  return group === 'unknown' ? null : group === 'child';
}

export type SharingCheck =
  | { ok: true; basis: ConsentBasis; consentId: string | null; isChild: boolean | null; latestConsent: ConsentStatus | null }
  | { ok: false; reason: string; isChild: boolean | null; latestConsent: ConsentStatus | null };

export async function checkSharing(trx: Trx, row: CaseDetailRow, purpose: ReferralPurpose, recipient: Recipient, on: string): Promise<SharingCheck> {
  const consent = await latestConsent(trx, row.id, purpose, recipient.id);
  const status = (consent?.status ?? null) as ConsentStatus | null;
  const isChild = isChildOn(row, on);
  const basis = sharingBasis({ isChild, recipientKind: recipient.kind, latestConsent: status });
  if (!basis.ok) return { ok: false, reason: basis.reason, isChild, latestConsent: status };
  return { ok: true, basis: basis.basis, consentId: basis.basis === 'consent' ? consent!.id : null, isChild, latestConsent: status };
}

/** Everything the UI needs to offer (or explain why not) a referral for a purpose to a recipient. */
export function presentSharingCheck(purpose: ReferralPurpose, recipient: Recipient, check: SharingCheck) {
  const fits = recipientFits(purpose, recipient.kind);
  return {
    purpose,
    toOrgId: recipient.id,
    recipientFits: fits,
    isChild: check.isChild,
    latestConsent: check.latestConsent,
    ok: fits && check.ok,
    basis: check.ok ? check.basis : null,
    reason: !fits
      ? `an organisation of kind ${recipient.kind} cannot receive a referral for ${purpose}`
      : check.ok
        ? null
        : check.reason,
    fields: [...PURPOSE_RULES[purpose].fields],
    respondWithinDays: PURPOSE_RULES[purpose].respondWithinDays,
  };
}
