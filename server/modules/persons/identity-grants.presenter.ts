// Shapes the named users of a protected identity: for the named users themselves (only those
// who can read this case), and the full history for auditors.
import type { GrantRow } from './identity-grants.repository.js';
import type { GrantHistory, NamedUsersView } from './identity-grants.schema.js';

const iso = (d: Date | string | null): string | null => (d === null ? null : (d instanceof Date ? d : new Date(d)).toISOString());

export function presentNamedUser(r: GrantRow, actorUserId: string | null, canRevoke: boolean): NamedUsersView['namedUsers'][number] {
  return {
    userId: r.user_id,
    name: r.user_name,
    organisation: { id: r.organisation_id, name: r.organisation_name },
    kind: r.kind,
    grantedAt: iso(r.granted_at) as string,
    grantedBy: r.granted_by_name,
    reason: r.reason,
    isYou: r.user_id === actorUserId,
    canRevoke,
  };
}

export function presentGrantHistory(personId: string, rows: GrantRow[]): GrantHistory {
  return {
    personId,
    grants: rows.map((r) => ({
      id: r.id,
      userId: r.user_id,
      name: r.user_name,
      organisation: { id: r.organisation_id, name: r.organisation_name },
      kind: r.kind,
      grantedAt: iso(r.granted_at) as string,
      grantedBy: r.granted_by_name,
      reason: r.reason,
      revokedAt: iso(r.revoked_at),
      revokedBy: r.revoked_by_name,
      revokeReason: r.revoke_reason,
    })),
  };
}
