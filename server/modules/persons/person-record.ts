// A row of the persons table as the matching engine sees it (domain/matching MatchRecord). An
// estimated age becomes an estimated birth year; a 1 January date is already treated as an
// estimate by the engine, because registrations default unknown dates to it.
import type { MatchRecord } from '../../../domain/matching/types.js';

export interface PersonMatchRow {
  id: string;
  given_names: string;
  family_names: string;
  aliases: string[];
  sex: string;
  birth_date: string | null;
  birth_year: number | null;
  estimated_age: number | null;
  estimated_age_on: string | null;
  citizenships: string[];
  protected_identity: boolean;
}

export const PERSON_MATCH_COLUMNS = [
  'persons.id',
  'persons.given_names',
  'persons.family_names',
  'persons.aliases',
  'persons.sex',
  'persons.birth_date',
  'persons.birth_year',
  'persons.estimated_age',
  'persons.estimated_age_on',
  'persons.citizenships',
  'persons.protected_identity',
] as const;

export interface PersonFacts {
  givenNames: string;
  familyNames: string;
  aliases?: readonly string[];
  birthDate?: string | null;
  birthYear?: number | null;
  estimatedAge?: number | null;
  /** The date the estimate was made; defaults to today. */
  estimatedAgeOn?: string | null;
  sex?: string | null;
  citizenships?: readonly string[];
}

function estimatedBirthYear(age: number | null | undefined, on: string | null | undefined): number | null {
  if (age === null || age === undefined || !Number.isInteger(age) || age < 0) return null;
  const year = on ? Number(on.slice(0, 4)) : new Date().getUTCFullYear();
  return Number.isFinite(year) ? year - age : null;
}

export function matchRecordOf(id: string, p: PersonFacts): MatchRecord {
  const fromEstimate = p.birthDate || p.birthYear ? null : estimatedBirthYear(p.estimatedAge, p.estimatedAgeOn);
  return {
    id,
    givenNames: p.givenNames,
    familyNames: p.familyNames,
    aliases: p.aliases ?? [],
    birthDate: p.birthDate ?? null,
    birthYear: p.birthYear ?? fromEstimate,
    birthDateImputed: fromEstimate !== null,
    sex: p.sex ?? null,
    citizenships: p.citizenships ?? [],
  };
}

export function matchRecordOfRow(row: PersonMatchRow): MatchRecord {
  return matchRecordOf(row.id, {
    givenNames: row.given_names,
    familyNames: row.family_names,
    aliases: row.aliases,
    birthDate: row.birth_date,
    birthYear: row.birth_year,
    estimatedAge: row.estimated_age,
    estimatedAgeOn: row.estimated_age_on,
    sex: row.sex,
    citizenships: row.citizenships,
  });
}
