// The audit chain is linked after commit by a sequencer (server/audit/audit.chain.ts) instead of
// under one lock held by every audited transaction through its commit, which ran audited
// requests one at a time (bench/load). An event is written in its request's transaction without
// a link; the sequencer gives it its place in the chain (chain_seq), the previous event's hash
// and its own. The table stays append-only: the one update allowed is that linking, once, with
// every recorded field unchanged.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    sql`alter table audit_events alter column prev_hash drop not null, alter column hash drop not null, add column chain_seq bigint`,
    // Every event so far was linked in seq order as it was written.
    sql`alter table audit_events disable trigger audit_events_no_update`,
    sql`update audit_events set chain_seq = seq`,
    sql`alter table audit_events enable trigger audit_events_no_update`,
    sql`create unique index audit_events_chain_idx on audit_events (chain_seq) where chain_seq is not null`,
    sql`create index audit_events_unchained_idx on audit_events (seq) where chain_seq is null`,
    sql`alter table audit_events add constraint audit_events_link_complete
      check ((chain_seq is null and prev_hash is null and hash is null) or (chain_seq is not null and prev_hash is not null and hash is not null))`,
    sql`create or replace function audit_events_append_only() returns trigger language plpgsql as $$
      begin
        if tg_op = 'UPDATE' and old.chain_seq is null and new.chain_seq is not null
           and (new.seq, new.id, new.at, new.actor_user_id, new.actor_username, new.actor_org_id, new.action, new.outcome,
                new.resource_type, new.resource_id, new.person_id, new.case_id, new.request_id, new.details)
               is not distinct from
               (old.seq, old.id, old.at, old.actor_user_id, old.actor_username, old.actor_org_id, old.action, old.outcome,
                old.resource_type, old.resource_id, old.person_id, old.case_id, old.request_id, old.details)
        then
          return new;
        end if;
        raise exception 'audit_events is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
      end
    $$`,
  ];
  for (const s of statements) await s.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted');
}
