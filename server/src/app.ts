import crypto from 'node:crypto';
import Koa from 'koa';
import type { Config } from './config';
import type { Db } from './db';
import { Api, openApiDocument } from './lib/api';
import type { AppContext, AppState } from './lib/context';
import { systemClock, type Clock } from './lib/time';
import { authenticate } from './middleware/auth';
import { jsonBody } from './middleware/body';
import { memoPureAnswers } from './middleware/memo';
import { serveConsole } from './middleware/console';
import { errorHandler } from './middleware/errorHandler';
import { idempotency } from './middleware/idempotency';
import { serveLanding } from './middleware/landing';
import { createLogger, requestLogger, type Logger } from './middleware/requestLogger';
import { registerApplications } from './routes/applications';
import { registerBenefits } from './routes/benefits';
import { registerBot } from './routes/bot';
import { BotService } from './bot/service';
import { sharedClassifier } from './bot/nlu';
import type { Classifier } from '@changhu/intents';
import { registerAuth } from './routes/auth';
import { registerCalculations } from './routes/calculations';
import type { RouteDeps } from './routes/deps';
import { registerDev } from './routes/dev';
import { registerDocuments } from './routes/documents';
import { registerFeedback } from './routes/feedback';
import { registerHealth } from './routes/health';
import { registerInbox } from './routes/inbox';
import { registerMaterials } from './routes/materials';
import { registerPersons } from './routes/persons';
import { registerProviders } from './routes/providers';
import { registerReference } from './routes/reference';
import { registerSelfCheck } from './routes/self-check';
import { registerServiceRecords } from './routes/service-records';
import { registerSettlements } from './routes/settlements';
import { registerUsers } from './routes/users';
import { createServices } from './services';
import { smsSenderFor, type SmsSender } from './sms/sender';

export interface AppDeps {
  prisma: Db;
  config: Config;
  /** Where sign-in codes go; defaults to the configured gateway, or the development outbox outside production. */
  outbox?: SmsSender;
  clock?: Clock;
  logger?: Logger;
  /** The built officer console (server/console/dist by default), served at /console. */
  consoleDir?: string;
  /** Extra middleware mounted after the API (e.g. the H5 static files); one that serves `/` replaces the landing page. */
  extra?: Koa.Middleware<AppState>[];
  /** The chatbot's trained intent model; default: loaded once per process on the first message. */
  classifier?: () => Promise<Classifier>;
}

// Request ids: 12 hex digits from a pool of random bytes (one system call per 512 requests, not one each).
let idPool = Buffer.alloc(0);
let idOffset = 0;
function requestId(): string {
  if (idOffset + 6 > idPool.length) {
    idPool = crypto.randomBytes(6 * 512);
    idOffset = 0;
  }
  idOffset += 6;
  return idPool.toString('hex', idOffset - 6, idOffset);
}

/** POST calls whose answer is the rules' answer to the body on today's date, nothing stored or signed-in. */
const PURE_CALCULATIONS = [
  '/api/v1/estimates',
  '/api/v1/eligibility',
  '/api/v1/comparisons',
  '/api/v1/quick-screen',
  '/api/v1/self-check',
];

export function createApp(deps: AppDeps) {
  const clock = deps.clock ?? systemClock;
  const logger = deps.logger ?? createLogger();
  const services = createServices(
    deps.prisma,
    deps.config,
    deps.outbox ?? smsSenderFor(deps.config, deps.prisma, clock),
    clock,
  );
  const routeDeps: RouteDeps = { prisma: deps.prisma, config: deps.config, clock, services };

  const api = new Api();
  registerHealth(api, routeDeps);
  registerAuth(api, routeDeps);
  registerReference(api, routeDeps);
  registerDocuments(api, routeDeps);
  registerCalculations(api, routeDeps);
  registerSelfCheck(api, routeDeps);
  registerFeedback(api, routeDeps);
  registerPersons(api, routeDeps);
  registerApplications(api, routeDeps);
  registerMaterials(api, routeDeps);
  registerInbox(api, routeDeps);
  registerUsers(api, routeDeps);
  const providers = registerProviders(api, routeDeps);
  registerBenefits(api, routeDeps);
  registerSettlements(api, routeDeps);
  registerServiceRecords(api, routeDeps);
  registerDev(api, routeDeps);
  const bot = new BotService({
    prisma: deps.prisma,
    clock,
    classifier: deps.classifier ?? sharedClassifier,
    applications: services.applications,
    providers,
  });
  registerBot(api, { ...routeDeps, bot });
  const openapi = openApiDocument(api.specs);
  api.router.get('/openapi.json', (ctx) => {
    ctx.body = openapi;
  });

  const app = new Koa<AppState>();
  app.proxy = deps.config.trustProxy;
  // The client is the address our proxy appended (the last X-Forwarded-For entry): the ones before it are
  // whatever the client sent, and would let it pick its own address past the per-address limits.
  app.maxIpsCount = 1;
  app.use((ctx, next) => {
    ctx.state.requestId = requestId();
    ctx.state.valid = {};
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Cache-Control', 'no-store');
    return next();
  });
  // The logger wraps the error handler so it records the final status; the error handler is the
  // first middleware that can fail a request, so every failure gets the contract's shape.
  app.use(requestLogger(logger));
  app.use(errorHandler(logger));
  app.use(jsonBody(1024 * 1024));
  app.use(authenticate(services.auth));
  // Keys are kept per signed-in user; sign-in answers (session tokens) are never stored.
  app.use(idempotency({ prisma: deps.prisma, clock, skip: ['/api/v1/auth/'] }));
  app.use(memoPureAnswers({ paths: PURE_CALCULATIONS, clock }));
  app.use(api.router.routes());
  app.use(api.router.allowedMethods({ throw: false }));
  app.use(serveConsole(deps.consoleDir));
  for (const mw of deps.extra ?? []) app.use(mw);
  // Until the mini-program's H5 build is served (by an `extra` above), `/` is a small page for people.
  app.use(serveLanding());
  // A client that leaves mid-response (a closed tab, a dropped phone connection) is not a server
  // fault: without this listener Koa prints its stack. Real faults are logged by the error handler.
  app.on('error', (err: NodeJS.ErrnoException, ctx?: AppContext) => {
    if (err.code === 'ERR_STREAM_PREMATURE_CLOSE' || err.code === 'ECONNRESET' || err.code === 'EPIPE') return;
    logger.error(ctx, err);
  });
  return app;
}
