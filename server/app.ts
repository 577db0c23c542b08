// Builds the Fastify application: plugins, authentication, routes, the web app, health checks.
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Database } from './db/database.js';
import type { Config } from './config.js';
import { isMigrated } from './db/migrate.js';
import { registerAuthentication, sessionCookieName } from './http/authenticate.js';
import { registerErrorHandler, RETRY_AFTER_SECONDS } from './http/error-handler.js';
import { registerControlCharacterGuard } from './http/control-characters.js';
import { registerHardening } from './http/hardening.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { caseRoutes } from './modules/cases/case.routes.js';
import { organisationRoutes } from './modules/organisations/organisation.routes.js';
import { userRoutes } from './modules/users/user.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { referenceRoutes } from './modules/reference/reference.routes.js';
import { processRoutes } from './modules/process/process.routes.js';
import { referralRoutes } from './modules/referrals/referral.routes.js';
import { permitRoutes } from './modules/permits/permit.routes.js';
import { criminalRoutes } from './modules/criminal/criminal.routes.js';
import { supportRoutes } from './modules/support/support.routes.js';
import { taskRoutes } from './modules/tasks/task.routes.js';
import { groupRoutes } from './modules/groups/group.routes.js';
import { statisticsRoutes } from './modules/statistics/statistics.routes.js';
import { personRoutes } from './modules/persons/person.routes.js';
import { accessReportRoutes } from './modules/access-report/access-report.routes.js';
import { identityGrantRoutes } from './modules/persons/identity-grants.routes.js';
import { noteRoutes } from './modules/notes/notes.routes.js';

export interface AppDeps {
  database: Database;
  config: Config;
  logger?: boolean | object;
}

/** One log line per request, when it is answered (with its method and path), instead of Fastify's two. */
class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}
  override requestCompleted(error: Error | null, request: FastifyRequest, reply: FastifyReply): void {
    if (error) reply.log.error({ req: request, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    else reply.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}

export async function buildApp({ database, config, logger }: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ?? false,
    bodyLimit: 1_048_576,
    genReqId: () => randomUUID(),
    trustProxy: false,
    logController: new OneLinePerRequest(),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  registerControlCharacterGuard(app);

  await app.register(fastifyCookie);
  await registerHardening(app, { cookieSecure: config.cookieSecure, rateLimitPerMinute: config.rateLimitPerMinute });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Lots API', version: '1.0.0', description: "Sweden's national referral mechanism against human trafficking" },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: sessionCookieName(config.cookieSecure) },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  registerAuthentication(app, database.db, config.session, config.cookieSecure);

  const db = database.db;
  await app.register(
    async (api) => {
      await api.register(authRoutes({ db, config }));
      await api.register(caseRoutes({ db }));
      await api.register(organisationRoutes({ db }));
      await api.register(userRoutes({ db }));
      await api.register(auditRoutes({ db }));
      await api.register(referenceRoutes({ db }));
      await api.register(processRoutes({ db }));
      await api.register(referralRoutes({ db }));
      await api.register(permitRoutes({ db }));
      await api.register(criminalRoutes({ db }));
      await api.register(supportRoutes({ db }));
      await api.register(taskRoutes({ db }));
      await api.register(groupRoutes({ db }));
      await api.register(statisticsRoutes({ db }));
      await api.register(personRoutes({ db }));
      await api.register(accessReportRoutes({ db }));
      await api.register(identityGrantRoutes({ db }));
      await api.register(noteRoutes({ db }));
    },
    { prefix: '/api/v1' },
  );

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await sql`select 1`.execute(db);
      if (!(await isMigrated(db))) return reply.code(503).send({ status: 'migrations_pending' });
      return { status: 'ready', database: database.kind };
    } catch {
      // Down, restarting, or (embedded) stopped after a fatal error: see docs/security.md, "Faults and load".
      return reply.code(503).header('retry-after', String(RETRY_AFTER_SECONDS)).send({ status: 'database_unreachable' });
    }
  });

  if (existsSync(config.webDist)) {
    await app.register(fastifyStatic, { root: config.webDist, prefix: '/', wildcard: false });
    // Client-side routes: any GET that is not the API or a file gets the app shell.
    app.get('/*', { schema: { hide: true } }, (req, reply) => {
      if (req.url.startsWith('/api/')) {
        return reply.code(404).send({ error: { code: 'not_found', message: 'No such route' } });
      }
      return reply.type('text/html').sendFile('index.html');
    });
  }
  return app;
}
