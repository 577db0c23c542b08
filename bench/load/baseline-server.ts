// The baseline of the load benchmark: a bare Fastify server, none of Lots' hooks (no session
// lookup, CSRF, rate limit, security headers, zod, audit trail, presenters, encryption), whose
// routes run the same data statements as the Lots routes in the mix (bench/load/statements.ts
// lists both): the same scope predicate, columns, joins, order and paging, the same inserts in
// one transaction. What it writes is sealed as Lots seals it (names, summary, event text), so its
// rows are valid Lots rows in a database measured again (--reuse); what it reads stays sealed.
// The user is named in the x-bench-user header and looked up in memory.
//
// Started by bench/load/run.ts: DATABASE_URL (or LOTS_DATA_DIR for PGlite), PORT.
import Fastify from 'fastify';
import { sql } from 'kysely';
import { openDatabase } from '../../server/db/database.js';
import { caseScope } from '../../server/policies/case.policy.js';
import { CASE_COLUMNS, findSealedCasesInScope } from '../../server/modules/cases/case.repository.js';
import type { Actor } from '../../server/auth/actor.js';
import type { Role } from '../../domain/codelists/roles.js';
import { municipalityByCode } from '../../domain/reference/municipalities.js';
import { parseKeyring, useKeyring } from '../../server/crypto/keyring.js';
import { seal, sealList } from '../../server/crypto/field-cipher.js';
import { FIELD, sealEventData } from '../../server/crypto/fields.js';

useKeyring(parseKeyring(process.env.LOTS_DATA_KEYS ?? '', 'LOTS_DATA_KEYS'));
const database = await openDatabase(process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { dataDir: `${process.env.LOTS_DATA_DIR}/pglite` });
const db = database.db;

const users = await db
  .selectFrom('users')
  .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
  .select(['users.id', 'users.username', 'users.display_name', 'organisations.id as org_id', 'organisations.name as org_name', 'organisations.kind', 'organisations.region'])
  .execute();
const roles = await db.selectFrom('user_roles').select(['user_id', 'role']).execute();
const actors = new Map<string, Actor>(
  users.map((u) => [
    u.username,
    {
      userId: u.id,
      username: u.username,
      displayName: u.display_name,
      organisationId: u.org_id,
      organisationName: u.org_name,
      organisationKind: u.kind as Actor['organisationKind'],
      region: u.region as Actor['region'],
      roles: roles.filter((r) => r.user_id === u.id).map((r) => r.role as Role),
      via: 'session',
      requestId: 'bench',
    },
  ]),
);

const app = Fastify({ logger: false });
const actorOf = (headers: Record<string, unknown>): Actor => {
  const a = actors.get(String(headers['x-bench-user']));
  if (!a) throw Object.assign(new Error('unknown bench user'), { statusCode: 401 });
  return a;
};
const PERSON_READ = [
  'persons.given_names',
  'persons.family_names',
  'persons.protected_identity',
  'persons.aliases',
  'persons.sex',
  'persons.birth_date',
  'persons.birth_year',
  'persons.estimated_age',
  'persons.estimated_age_on',
  'persons.citizenships',
  'persons.version as person_version',
] as const;

app.get<{ Querystring: { page?: string } }>('/b/cases', async (req) => {
  const actor = actorOf(req.headers);
  const page = Number(req.query.page ?? 1);
  // The very statements of Lots' case list (count and page per part of the scope), names left sealed.
  const { total, rows } = await findSealedCasesInScope(db, actor, { page, pageSize: 25 });
  return { total, page, pageSize: 25, items: rows };
});

async function readCase(q: typeof db, actor: Actor, id: string) {
  const row = await q.selectFrom('cases').innerJoin('persons', 'persons.id', 'cases.person_id').select([...CASE_COLUMNS, ...PERSON_READ]).where('cases.id', '=', id).where(caseScope(actor)).executeTakeFirst();
  if (!row) return null;
  const shares = await q.selectFrom('case_shares').select(['purpose', 'fields']).where('case_id', '=', id).where('organisation_id', '=', actor.organisationId!).where('revoked_at', 'is', null).execute();
  return { row, shares };
}

const timeline = (id: string) =>
  db
    .selectFrom('case_events')
    .leftJoin('users', 'users.id', 'case_events.actor_user_id')
    .leftJoin('organisations', 'organisations.id', 'case_events.actor_org_id')
    .select(['case_events.id', 'case_events.at', 'case_events.kind', 'case_events.data', 'case_events.actor_org_id', 'users.display_name as actor_name', 'organisations.name as actor_org_name'])
    .where('case_events.case_id', '=', id)
    .orderBy('case_events.id')
    .execute();

app.get<{ Params: { id: string } }>('/b/cases/:id', async (req, reply) => {
  const found = await readCase(db, actorOf(req.headers), req.params.id);
  if (!found) return reply.code(404).send({ error: 'not found' });
  return { ...found.row, shares: found.shares, events: await timeline(req.params.id) };
});

interface Referral {
  person: { givenNames: string; familyNames: string; sex: string; birthYear: number; citizenships: string[]; protectedIdentity: boolean };
  municipalityCode: string;
  referralSource: string;
  referredOn: string;
  exploitationForms: string[];
  summary: string;
}

app.post<{ Body: Referral }>('/b/cases', async (req, reply) => {
  const actor = actorOf(req.headers);
  const b = req.body;
  const id = await db.transaction().execute(async (trx) => {
    const person = await trx
      .insertInto('persons')
      .values({ given_names: seal(FIELD.givenNames, b.person.givenNames), family_names: seal(FIELD.familyNames, b.person.familyNames), aliases: sealList(FIELD.aliases, []), sex: b.person.sex, birth_year: b.person.birthYear, citizenships: b.person.citizenships, protected_identity: b.person.protectedIdentity, created_by_org: actor.organisationId } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    const { n } = (await sql<{ n: number }>`select nextval('case_ref_seq')::int as n`.execute(trx)).rows[0]!;
    const muni = municipalityByCode(b.municipalityCode)!;
    const org = await trx.selectFrom('organisations').select('id').where('kind', '=', 'regional_coordination').where('region', '=', muni.region).where('active', '=', true).orderBy('created_at').limit(1).executeTakeFirst();
    const c = await trx
      .insertInto('cases')
      .values({
        ref: `BASE-${n}`,
        person_id: person.id,
        region: muni.region,
        municipality_code: b.municipalityCode,
        responsible_org_id: org?.id ?? null,
        referring_org_id: actor.organisationId,
        referring_user_id: actor.userId,
        status: 'received',
        referral_source: b.referralSource,
        referred_on: b.referredOn,
        exploitation_forms: b.exploitationForms,
        summary: seal(FIELD.caseSummary, b.summary),
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('case_events').values({ case_id: c.id, actor_user_id: actor.userId, actor_org_id: actor.organisationId, kind: 'referral_received', data: JSON.stringify({ region: muni.region }) } as never).execute();
    return c.id;
  });
  return reply.code(201).send({ id });
});

app.post<{ Params: { id: string }; Body: { text: string } }>('/b/cases/:id/information', async (req, reply) => {
  const actor = actorOf(req.headers);
  const ok = await db.transaction().execute(async (trx) => {
    const found = await readCase(trx, actor, req.params.id);
    if (!found) return false;
    await trx.insertInto('case_events').values({ case_id: req.params.id, actor_user_id: actor.userId, actor_org_id: actor.organisationId, kind: 'information_added', data: JSON.stringify(sealEventData('information_added', { text: req.body.text })) } as never).execute();
    await trx.updateTable('cases').set({ updated_at: new Date() }).where('id', '=', req.params.id).execute();
    return true;
  });
  if (!ok) return reply.code(404).send({ error: 'not found' });
  return { ok };
});

app.get<{ Querystring: { from?: string; to?: string } }>('/b/statistics', async (req) => {
  actorOf(req.headers);
  await db.selectFrom('statistics_changes').select('id').limit(1).execute();
  return db.selectFrom('statistics_counts').select(['y', 'region', 'dim', 'code', 'n']).where('y', '>=', Number(req.query.from)).where('y', '<=', Number(req.query.to)).execute();
});

await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.stdout.write(`baseline listening on ${process.env.PORT}\n`);
const stop = async () => {
  await app.close();
  await database.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
