// A withdrawn referral keeps why it was withdrawn: the coordinator's reason, or
// 'consent_withdrawn' when the person's withdrawal of consent ended it.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table referrals add column withdraw_reason text`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted');
}
