// The child rule as the assessment form shows it before saving: the person's age on the
// assessment date, computed exactly as the server does (domain/age.ts ageAt), and whether improper
// means are then required (domain/process/legal-elements.ts meansRequired). An estimated age is
// counted from the referral date, the day the server records the estimate (the case view does
// not carry that date itself).
import { ageAt, CHILD_AGE_LIMIT, isIsoDate, type AgeBasis } from '../../domain/index.js';
import { meansRequired, type LegalBasis } from '../../domain/process/legal-elements.js';
import type { CasePerson } from './api-types.js';

export interface ChildRule {
  years: number | null;
  basis: AgeBasis;
  isChild: boolean | null;
  meansRequired: boolean;
}

export function childRuleOn(person: CasePerson, referredOn: string, assessedOn: string, legalBasis: string): ChildRule {
  const basis = (legalBasis === '' ? null : legalBasis) as LegalBasis | null;
  const age = isIsoDate(assessedOn)
    ? ageAt({ birthDate: person.birthDate, birthYear: person.birthYear, estimatedAge: person.estimatedAge, estimatedAgeOn: referredOn }, assessedOn)
    : { years: null, basis: 'unknown' as const };
  const isChild = age.years === null ? null : age.years < CHILD_AGE_LIMIT;
  return { years: age.years, basis: age.basis, isChild, meansRequired: meansRequired(basis, isChild) };
}
