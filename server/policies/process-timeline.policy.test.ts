// Process events on the timeline follow the section's read rule.
import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actor.js';
import type { OrganisationKind } from '../../domain/codelists/organisation-kinds.js';
import type { CaseSeen } from './permit.policy.js';
import { canSeeProcessEvent } from './process-timeline.policy.js';

function seen(kind: OrganisationKind, access: CaseSeen['access']): CaseSeen {
  const actor: Actor = {
    userId: 'u', username: 'u', displayName: 'U', organisationId: 'o', organisationName: 'O', organisationKind: kind,
    region: null, roles: ['partner'], via: 'session', requestId: 'r',
  };
  const coordinate = access === 'full';
  return { actor, access, abilities: { read: true, update: coordinate, transfer: coordinate, addInformation: coordinate, coordinate } };
}

describe('process events on the timeline', () => {
  it('are shown per section', () => {
    const nsp = seen('nsp_provider', 'shared');
    expect(canSeeProcessEvent(nsp, 'nsp_enrolled')).toBe(true);
    expect(canSeeProcessEvent(nsp, 'amp_applied')).toBe(false);
    expect(canSeeProcessEvent(nsp, 'police_report_recorded')).toBe(false);
    expect(canSeeProcessEvent(nsp, 'permit_applied')).toBe(false);
    expect(canSeeProcessEvent(nsp, 'referral_received')).toBe(true);
    const police = seen('police', 'shared');
    expect(canSeeProcessEvent(police, 'police_report_recorded')).toBe(true);
    expect(canSeeProcessEvent(police, 'permit_decided')).toBe(true);
    expect(canSeeProcessEvent(police, 'compensation_filed')).toBe(false);
    const coordinator = seen('regional_coordination', 'full');
    expect(['permit_applied', 'police_report_updated', 'amp_updated', 'compensation_updated'].every((k) => canSeeProcessEvent(coordinator, k))).toBe(true);
  });
});
