// Which of the referral mechanism's pages a session may use. The server decides every request;
// these mirror its policies (referral.policy canReadInbox, task.service, group.policy,
// process.policy canNotifyAnonymously) only to show the right navigation.
import type { Session } from './api-types.js';

export interface WorkAbilities {
  inbox: boolean;
  tasks: boolean;
  groups: boolean;
  notifyAnonymously: boolean;
  /** person.policy canOnPersons('review'): the region's coordinator reviews possible duplicates. */
  reviewPersons: boolean;
}

export function workAbilities(session: Session): WorkAbilities {
  const roles = session.user.roles;
  const has = (role: string) => roles.includes(role);
  const org = session.user.organisation;
  const receives = has('partner') || has('social_services') || has('coordinator');
  return {
    inbox: receives,
    tasks: receives,
    groups: has('coordinator') && org.kind === 'regional_coordination' && org.region !== null,
    notifyAnonymously: has('first_responder') || has('coordinator'),
    reviewPersons: has('coordinator') && org.kind === 'regional_coordination' && org.region !== null,
  };
}
