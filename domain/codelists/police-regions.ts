// The seven police regions (polisregioner). Each region has one regional-coordinator team, and
// cases, scoping and the regional statistics are keyed by region.
import type { CodeEntry } from './codelist.js';

export const POLICE_REGIONS = [
  { code: 'nord', sv: 'Nord', en: 'North' },
  { code: 'mitt', sv: 'Mitt', en: 'Central' },
  { code: 'stockholm', sv: 'Stockholm', en: 'Stockholm' },
  { code: 'ost', sv: 'Öst', en: 'East' },
  { code: 'vast', sv: 'Väst', en: 'West' },
  { code: 'syd', sv: 'Syd', en: 'South' },
  { code: 'bergslagen', sv: 'Bergslagen', en: 'Bergslagen' },
] as const satisfies readonly CodeEntry[];

export type PoliceRegion = (typeof POLICE_REGIONS)[number]['code'];

/**
 * Region from its Swedish name as written in the municipality file and CSV imports ("Öst",
 * "region Väst", "polisregion Nord") or from its code ("ost"), ignoring case, surrounding space
 * and Unicode normal form (macOS writes Ö decomposed). Null for anything else: no guessing.
 */
export function regionFromName(name: string): PoliceRegion | null {
  const key = name
    .normalize('NFC')
    .trim()
    .toLocaleLowerCase('sv')
    .replace(/^(polis)?region\s+/, '');
  const match = POLICE_REGIONS.find((r) => r.code === key || r.sv.toLocaleLowerCase('sv') === key);
  return match ? match.code : null;
}
