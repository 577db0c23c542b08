// Which parts of the case workspace a viewer sees. These mirror the server's policies
// (process, referral, permit, criminal and support policies) so that a tab is offered only when
// its data may be read; a 403 from a tab's read hides it as well.
import type { CaseView } from '../../api-types.js';
import type { ProcessView } from '../../api-types-process.js';

export type CaseSection = 'overview' | 'assessment' | 'referrals' | 'permits' | 'criminal' | 'support';

export const CASE_SECTIONS: readonly CaseSection[] = ['overview', 'assessment', 'referrals', 'permits', 'criminal', 'support'];

const LEGAL_READERS = ['social_services', 'police', 'prosecution', 'migration_agency'];

export function visibleSections(view: CaseView, process: ProcessView | null, organisationKind: string): CaseSection[] {
  const coordinates = view.abilities.coordinate;
  const viaShare = view.access === 'shared' || view.access === 'assigned';
  const shown: Record<CaseSection, boolean> = {
    overview: true,
    assessment: process?.detailsVisible === true,
    referrals: coordinates || viaShare,
    permits: coordinates || (viaShare && LEGAL_READERS.includes(organisationKind)),
    criminal: coordinates || (viaShare && LEGAL_READERS.includes(organisationKind)),
    support: coordinates || view.access === 'assigned' || (viaShare && ['nsp_provider', 'iom'].includes(organisationKind)),
  };
  return CASE_SECTIONS.filter((s) => shown[s]);
}
