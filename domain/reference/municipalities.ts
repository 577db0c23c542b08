// Sweden's 290 municipalities with county and police region, generated into
// municipalities.data.ts from municipalities.csv (the repository's copy of the reference file).
// A case's region follows from the municipality where the person is.
import type { PoliceRegion } from '../codelists/police-regions.js';
import { MUNICIPALITIES } from './municipalities.data.js';

export interface Municipality {
  /** Four-digit municipality code (kommunkod), leading zero kept: "0114". */
  code: string;
  name: string;
  /** Two-digit county code (länskod): "01". */
  countyCode: string;
  countyName: string;
  region: PoliceRegion;
}

export { MUNICIPALITIES };

const BY_CODE = new Map(MUNICIPALITIES.map((m) => [m.code, m]));

/** Lookup by code; a three-digit code ("114", a spreadsheet that dropped the zero) is padded. */
export function municipalityByCode(code: string): Municipality | undefined {
  const trimmed = code.trim();
  return BY_CODE.get(/^\d{3}$/.test(trimmed) ? `0${trimmed}` : trimmed);
}

export function regionForMunicipality(code: string): PoliceRegion | undefined {
  return municipalityByCode(code)?.region;
}
