// Support programmes and compensation on a case. NSP providers record NSP support, IOM records
// ÅMP returns, the coordinator records all and alone records compensation claims. Need-to-know on
// reads: a programme partner sees only its own programme; the coordinator and social services on
// the case see all three.
import { sharedWithKind, viaShare, type CaseSeen } from './permit.policy.js';

export type SupportSection = 'nsp' | 'amp' | 'compensation';

export function canReadSupport(c: CaseSeen, section: SupportSection): boolean {
  if (c.abilities.coordinate || c.access === 'assigned') return true;
  switch (section) {
    case 'nsp':
      return sharedWithKind(c, ['nsp_provider']);
    case 'amp':
      return sharedWithKind(c, ['iom']);
    case 'compensation':
      return false;
  }
}

export function canWriteSupport(c: CaseSeen, section: SupportSection): boolean {
  if (c.abilities.coordinate) return true;
  switch (section) {
    case 'nsp':
      return sharedWithKind(c, ['nsp_provider']);
    case 'amp':
      return sharedWithKind(c, ['iom']);
    case 'compensation':
      return false;
  }
}

export function canReadAnySupport(c: CaseSeen): boolean {
  return c.abilities.coordinate || (viaShare(c) && (['nsp', 'amp', 'compensation'] as const).some((s) => canReadSupport(c, s)));
}

export function supportAbilities(c: CaseSeen): Record<SupportSection, boolean> {
  return { nsp: canWriteSupport(c, 'nsp'), amp: canWriteSupport(c, 'amp'), compensation: canWriteSupport(c, 'compensation') };
}
