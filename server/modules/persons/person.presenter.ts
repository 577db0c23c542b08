// How persons and match evidence are shown: per-field contributions of a scored pair, and a
// person as a coordinator of one of the person's regions sees it.
import { FIELD_SPECS } from '../../../domain/matching/model.js';
import type { FieldContribution, PairScore } from '../../../domain/matching/score.js';
import { MATCH_FIELDS, type Evidence, type PersonDetail, type Signal } from './person.schema.js';

export const SIGNAL_MESSAGES: Readonly<Record<Signal, string>> = {
  possible_match: 'Personen kan redan vara känd: kontakta regionkoordinatorn',
  none: 'Ingen möjlig träff bland kända personer',
};

const SHOWN_FIELDS = new Set<string>(MATCH_FIELDS);

/**
 * Agreement by comparison level, as the engine reads it (model.ts): the best level agrees (for
 * names also an alias or phonetic match), the last disagrees, those between agree in part. How
 * much that weighs is the contribution's weight.
 */
function agreementOf(c: FieldContribution): Evidence['agreement'] {
  if (c.level === null) return 'missing';
  const levels = FIELD_SPECS.find((f) => f.name === c.field)?.levels.length ?? 2;
  const name = c.field === 'given' || c.field === 'family';
  if (c.level === 0 || (name && c.level === 1)) return 'agree';
  if (c.level >= levels - 1) return 'disagree';
  return 'partial';
}

const round = (x: number, digits = 4) => Number(x.toFixed(digits));

export function evidenceOf(contributions: readonly FieldContribution[]): Evidence[] {
  return contributions
    .filter((c) => SHOWN_FIELDS.has(c.field))
    .map((c) => ({
      field: c.field as Evidence['field'],
      level: c.level,
      label: c.label,
      agreement: agreementOf(c),
      weight: round(c.weight, 3),
      m: c.m === null ? null : round(c.m, 6),
      u: c.u === null ? null : Number(c.u.toPrecision(3)),
      basis: c.basis,
    }));
}

/** The explanation stored with a candidate pair (jsonb): the score without the record objects. */
export function explanationOf(score: PairScore): { weight: number; priorWeight: number; evidence: Evidence[] } {
  return { weight: round(score.weight, 3), priorWeight: round(score.priorWeight, 3), evidence: evidenceOf(score.contributions) };
}

export interface PersonRow {
  id: string;
  given_names: string;
  family_names: string;
  aliases: string[];
  sex: string;
  birth_date: string | null;
  birth_year: number | null;
  estimated_age: number | null;
  citizenships: string[];
  protected_identity: boolean;
  /** The viewer may see the identity: not protected, or a named user (personRows with a viewer). */
  identity_visible?: boolean;
  version: number;
}

/** Without `identity_visible`, a protected identity is hidden from everyone. */
function identityHidden(row: Pick<PersonRow, 'protected_identity' | 'identity_visible'>): boolean {
  return row.identity_visible === undefined ? row.protected_identity : !row.identity_visible;
}

export function presentPerson(row: PersonRow, cases: PersonDetail['cases']): PersonDetail {
  const hidden = identityHidden(row);
  return {
    id: row.id,
    givenNames: hidden ? null : row.given_names,
    familyNames: hidden ? null : row.family_names,
    aliases: hidden ? [] : row.aliases,
    sex: row.sex,
    birthDate: row.birth_date,
    birthYear: row.birth_year,
    estimatedAge: row.estimated_age,
    citizenships: row.citizenships,
    protectedIdentity: row.protected_identity,
    version: row.version,
    cases,
  };
}

/** "Given Family", or null when the actor may not see the name. */
export function personLabel(row: Pick<PersonRow, 'given_names' | 'family_names' | 'protected_identity' | 'identity_visible'>): string | null {
  if (identityHidden(row)) return null;
  const label = `${row.given_names} ${row.family_names}`.trim();
  return label === '' ? null : label;
}
