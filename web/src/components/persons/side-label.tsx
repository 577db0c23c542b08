// How one person of a candidate pair is named: the name for a person in the coordinator's
// region, "protected identity" or "no name" where there is none to show, and the other
// region's person by its regions only.
import type { TFunction } from 'i18next';
import { POLICE_REGIONS } from '../../../../domain/index.js';
import type { CandidateSide } from '../../api-types-persons.js';
import type { Labels } from '../../hooks/use-labels.js';

export function regionsText(regions: readonly string[], labels: Labels): string {
  return regions.map((r) => labels.label(POLICE_REGIONS, r)).join(', ');
}

export function sideLabel(side: CandidateSide, t: TFunction, labels: Labels): string {
  if (!side.exists) return t('persons.gone');
  if (!side.inYourRegion) return side.regions.length > 0 ? t('persons.otherRegion', { regions: regionsText(side.regions, labels) }) : t('persons.otherRegionUnknown');
  return side.label ?? t('persons.protectedName');
}
