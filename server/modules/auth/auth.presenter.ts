// The session as the web app sees it: who, which organisation, and what they may do.
import type { Actor } from '../../auth/actor.js';
import { globalAbilities } from '../../policies/abilities.js';

export function presentSession(actor: Actor, csrfToken: string, demo: boolean) {
  return {
    user: {
      id: actor.userId ?? '',
      username: actor.username,
      displayName: actor.displayName,
      roles: [...actor.roles],
      organisation: {
        id: actor.organisationId ?? '',
        name: actor.organisationName ?? '',
        kind: actor.organisationKind ?? '',
        region: actor.region,
      },
    },
    csrfToken,
    abilities: globalAbilities(actor),
    demo,
  };
}
