// The composition root: the one place that assembles CourseTill, for both entry points (the Electron shell and
// the browser host). It alone imports the shells — the sandbox, the webhook listener, the ngrok tunnel driver and
// the Stripe SDK's client — and plugs them into core's ports. Parts start in one order and stop in the reverse.
import { statSync } from 'node:fs'
import { join } from 'node:path'
import type { AppInfo, CatchUpStatus } from '@shared/domain'
import { createDispatch, type Dispatch } from './core/api/dispatch'
import { createHandlers, type Handlers } from './core/api/handlers'
import { logLiveEvents } from './core/bus/log-events'
import type { Config } from './core/config'
import { ConfigError } from './core/config'
import { openAccountHolder } from './core/connection/account-holder'
import type { BackoffPolicy } from './core/connection/backoff'
import { createConnection } from './core/connection/connection'
import { createEndpointSync } from './core/connection/endpoint-sync'
import type { TunnelDriver } from './core/connection/tunnel-driver'
import { shouldActOnWake, watchForSleep } from './core/connection/wake'
import { createCoreContext, type CoreContext } from './core/context'
import { loadDemoDataOnFirstStart } from './core/demo-data'
import { loadDemoOffersOnce } from './core/memberships/catalog'
import { createEncryptedSecrets, type SecretCipher } from './core/keys/encrypted-secrets'
import { resolveKeys } from './core/keys/saved-keys'
import { createRotatingFile } from './core/logging/log-file'
import { createLogger, type Logger } from './core/logging/logger'
import { createManagerAccess } from './core/manager/pin'
import { publishCatalog } from './core/catalog-stripe/publish'
import { createCommitBatcher } from './core/payments/commit-batcher'
import type { CorePorts } from './core/ports'
import { readSetting } from './core/settings'
import { readShopLocale } from './core/shop-locale'
import { openDatabase } from './core/store/db'
import { ensurePrivateDir, narrowTree } from './core/private-files'
import { openSqlite } from './core/store/sqlite'
import { contentSecurityPolicy } from './electron/csp'
import { startSandbox, type DeliveryFaults, type SandboxOptions } from '@coursetill/stripe-sandbox'
import { createStripeClient } from './stripe-sdk/client'
import { ngrokDriver } from './tunnel/ngrok-driver'
import { startWebhookServer } from './webhooks/server'
import { paymentsView, type PaymentsView } from './compose-view'
import type { ShopSync, ShopSyncOptions } from './core/shop/shop-sync'
import { createShopSwitch } from './core/shop/shop-switch'
import type { OpenShopDatabase } from './core/shop/shop-database'
import { openPgShopDatabase } from './shop-pg/pg-database'
import { readReceiptDetails } from './core/receipt-details'
import { startCreditExpirySweep } from './core/credit/expiry-sweep'

export const DATABASE_FILE = 'coursetill.db'

export interface CourseTill {
  config: Config
  ctx: CoreContext
  handlers: Handlers
  /** The entry every window call goes through (IPC and HTTP alike). */
  dispatch: Dispatch
  payments: PaymentsView
  /** Shop mode's sync in use now (the environment's or Settings' URL); null when this till is on its own. */
  readonly shop: ShopSync | null
  log: Logger
  /** The page's Content-Security-Policy for the keys in use (saving keys in Settings can change it). */
  csp(): string
  /** The machine resumed, the screen unlocked or the network returned: catch up now. */
  wake(reason: string): void
  close(): Promise<void>
}

export interface StartOptions {
  version: string
  /** A seam for tests: the store's clock (unix ms), so payment plans' due dates can pass. */
  clock?: () => number
  /** Seams for tests: how the sandbox delivers webhooks, how often catch-up runs, a fake tunnel. */
  payments?: {
    /** The sandbox's webhook retry schedule and timeout (tests shorten them). */
    sandboxDelivery?: SandboxOptions['delivery']
    /** Tests only: the sandbox's deliveries switched off, repeated, shuffled or late. */
    sandboxFaults?: DeliveryFaults
    catchUpIntervalMs?: number
    tunnel?: { driver?: TunnelDriver; backoff?: BackoffPolicy }
  }
  /** Electron passes safeStorage; the browser host has no secret store (keys only from the environment). */
  secrets?: { cipher: SecretCipher | null; unavailableReason?: string }
  /** Seams for tests and the benchmark: shop sync batch sizes and poll, another shop database driver. */
  shop?: ShopSyncOptions & { open?: OpenShopDatabase }
}

/** Starts everything that is not Electron. Both the Electron shell and the browser host call this. */
export async function startCourseTill(config: Config, app: StartOptions): Promise<CourseTill> {
  const options = app.payments ?? {}
  const ports: CorePorts = {
    startWebhookIngress: startWebhookServer,
    startLocalStripe: (local) => startSandbox({ ...local, openDatabase: openSqlite, port: 0, delivery: options.sandboxDelivery }, options.sandboxFaults),
    stripeFactory: createStripeClient,
  }
  // Everything started pushes how to stop it: close() and a failed start both unwind in reverse order.
  const stops: Array<() => unknown> = []
  const unwind = async () => {
    while (stops.length > 0) await stops.pop()!()
  }

  ensureDirectory(config.dataDir)
  const db = openDatabase(join(config.dataDir, DATABASE_FILE))
  stops.push(() => db.close())
  let secretsInUse: () => string[] = () => []
  // Every line is scrubbed of the keys and tokens in use, whatever shape an error gives them.
  const log = createLogger({ file: createRotatingFile({ dir: join(config.dataDir, 'logs') }), secrets: () => secretsInUse() })
  let started = false
  stops.push(() => {
    if (started) log.info('till.stopped', {})
    log.close()
  })
  const ctx = createCoreContext(db, app.clock ?? Date.now, log)
  try {
    loadDemoDataOnFirstStart(db, ctx.now())
    loadDemoOffersOnce(db, ctx.now())
    const secrets = createEncryptedSecrets(db, app.secrets?.cipher ?? null, app.secrets?.unavailableReason)
    // Shop mode: the outbox triggers and the sync loop, on the URL from the environment or Settings (switchable
    // while running); without a shop database nothing is synced or queued.
    const { open: openShop = openPgShopDatabase, ...shopOptions } = app.shop ?? {}
    const shopSwitch = createShopSwitch({ ctx, log, secrets, environmentUrl: config.shopDatabaseUrl, open: openShop, options: shopOptions })
    stops.push(() => shopSwitch.close())
    stops.push(logLiveEvents(ctx.bus, log))
    const batcher = createCommitBatcher(ctx)
    const onProgress = (status: CatchUpStatus) => ctx.bus.publish({ type: 'sync.progress', status })
    const account = await openAccountHolder({ ctx, config, batcher, log, ...ports, onProgress }, resolveKeys(ctx, config, secrets), options.catchUpIntervalMs)
    stops.push(() => account.close())
    const endpoint = createEndpointSync({ ctx, log, onChange: () => ctx.bus.publish({ type: 'live.changed' }) })
    const webhook = await ports.startWebhookIngress({
      port: config.webhookPort,
      // Read on every delivery: a newly registered endpoint's secret applies at once.
      secrets: () => [config.stripe.webhookSecret, endpoint.secret()].filter((secret): secret is string => !!secret),
      process: (event) => account.current().process(event),
      // The failure itself is logged where it happened (stripe.event_failed); this records the 500 sent back.
      onError: (_error, event) => log.warn('webhook.answered_500', { id: event.id, type: event.type, retry: 'Stripe will retry' }),
    })
    stops.push(() => webhook.close())
    const connection = createConnection({
      ctx,
      config,
      log,
      secrets,
      endpoint,
      webhook,
      account,
      stripeFactory: ports.stripeFactory,
      driver: options.tunnel?.driver ?? ngrokDriver(),
      tunnelBackoff: options.tunnel?.backoff,
    })
    secretsInUse = () => [...connection.secretsInUse(), ...shopSwitch.secretsInUse()]
    stops.push(() => connection.close())
    await connection.start()
    account.start()
    stops.push(() => account.current().catchUp.stop())
    // Bonus credit past its expiry (a setting, off by default), at start and every 15 minutes: local, no Stripe.
    stops.push(startCreditExpirySweep(ctx, log))

    log.info('till.started', { version: app.version, installation: ctx.installationId, mode: account.current().client.mode, webhookPort: webhook.port })
    started = true
    let lastWake: number | null = null
    const wake = (reason: string) => {
      if (!shouldActOnWake(lastWake, Date.now())) return
      lastWake = Date.now()
      log.info('till.wake', { reason })
      connection.wake()
      void account.current().catchUp.run()
    }
    stops.push(watchForSleep((sleptMs) => wake(`timers resumed ${Math.round(sleptMs / 1000)} s late (sleep)`)))

    const info = (): AppInfo => ({
      name: 'CourseTill',
      version: app.version,
      // From the runtime, not the environment: keys saved in Settings switch the mode without a restart.
      mode: account.current().client.mode,
      shopName: readSetting(db, 'shop_name') ?? 'CourseTill',
      ...readReceiptDetails(db),
      ...readShopLocale(db),
      installationId: ctx.installationId,
      stripe: { publishableKey: account.current().client.publishableKey, sandboxApiUrl: account.current().client.sandboxApiUrl },
    })
    const manager = createManagerAccess(ctx)
    const handlers = createHandlers({
      ctx,
      dataDir: config.dataDir,
      info,
      log,
      manager,
      connection,
      cardPayments: () => account.current().payments,
      refunds: () => account.current().refunds,
      catchUp: () => account.current().catchUp,
      recurring: () => account.current().recurring,
      payLinks: () => account.current().payLinks,
      publishCatalog: () => publishCatalog(ctx, account.current().gateway),
      shop: shopSwitch.current,
      shopSwitch,
    })
    const csp = () => {
      const client = account.current().client
      return contentSecurityPolicy({ realStripe: client.mode !== 'sandbox', connect: client.sandboxApiUrl ? [client.sandboxApiUrl] : [] })
    }
    return {
      config,
      ctx,
      handlers,
      dispatch: createDispatch(handlers, manager, log),
      payments: paymentsView(account, webhook, connection),
      get shop() {
        return shopSwitch.current()
      },
      log,
      csp,
      wake,
      close: unwind,
    }
  } catch (error) {
    log.error('till.start_failed', { error })
    await unwind()
    throw error
  }
}

function ensureDirectory(dir: string) {
  try {
    ensurePrivateDir(dir)
    narrowTree(dir)
  } catch (error) {
    throw new ConfigError(`COURSETILL_DATA_DIR ${dir} cannot be created: ${(error as Error).message}`)
  }
  if (!statSync(dir).isDirectory()) throw new ConfigError(`COURSETILL_DATA_DIR ${dir} is not a folder`)
}
