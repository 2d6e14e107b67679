import { mkdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { AppInfo } from '@shared/domain'
import { createDispatch, type Dispatch } from './api/dispatch'
import { createHandlers, type Handlers } from './api/handlers'
import { createManagerAccess } from './manager/pin'
import type { Config } from './config'
import { ConfigError } from './config'
import { createCoreContext, type CoreContext } from './context'
import { loadDemoDataOnFirstStart } from './demo-data'
import { openDatabase } from './store/db'
import { readSetting } from './settings'
import { setupPayments, type PaymentsOptions, type PaymentsRuntime } from './payments/setup'
import { createEncryptedSecrets, type SecretCipher } from './keys/encrypted-secrets'
import { logLiveEvents } from './live/log-events'
import { shouldActOnWake, watchForSleep } from './live/wake'
import { createRotatingFile } from './logging/log-file'
import { createLogger, type Logger } from './logging/logger'
import { readShopLocale } from './shop-locale'

export const DATABASE_FILE = 'coursetill.db'

export interface CourseTill {
  config: Config
  ctx: CoreContext
  handlers: Handlers
  /** The entry every window call goes through (IPC and HTTP alike). */
  dispatch: Dispatch
  payments: PaymentsRuntime
  log: Logger
  /** The machine resumed, the screen unlocked or the network returned: catch up now. */
  wake(reason: string): void
  close(): Promise<void>
}

export interface StartOptions {
  version: string
  payments?: PaymentsOptions
  /** Electron passes safeStorage; the browser host has no secret store (keys only from the environment). */
  secrets?: { cipher: SecretCipher | null; unavailableReason?: string }
}

/** Starts everything that is not Electron: the store and the API. Both the Electron shell and the browser host call this. */
export async function startCourseTill(config: Config, app: StartOptions): Promise<CourseTill> {
  ensureDirectory(config.dataDir)
  const db = openDatabase(join(config.dataDir, DATABASE_FILE))
  const ctx = createCoreContext(db)
  loadDemoDataOnFirstStart(db, ctx.now())
  let payments: PaymentsRuntime | undefined
  // Every line is scrubbed of the keys and tokens in use, whatever shape an error gives them.
  const log = createLogger({ file: createRotatingFile({ dir: join(config.dataDir, 'logs') }), secrets: () => payments?.connection.secretsInUse() ?? [] })
  const secrets = createEncryptedSecrets(db, app.secrets?.cipher ?? null, app.secrets?.unavailableReason)
  const stopLogging = logLiveEvents(ctx.bus, log)
  try {
    payments = await setupPayments(ctx, config, { secrets, log, ...app.payments })
  } catch (error) {
    log.error('till.start_failed', { error })
    stopLogging()
    log.close()
    db.close()
    throw error
  }
  const running = payments
  log.info('till.started', { version: app.version, mode: running.client.mode, webhookPort: running.webhook.port })
  let lastWake: number | null = null
  const wake = (reason: string) => {
    if (!shouldActOnWake(lastWake, Date.now())) return
    lastWake = Date.now()
    log.info('till.wake', { reason })
    running.connection.wake()
    void running.catchUp.run()
  }
  const stopWatching = watchForSleep((sleptMs) => wake(`timers resumed ${Math.round(sleptMs / 1000)} s late (sleep)`))
  const info = (): AppInfo => ({
    name: 'CourseTill',
    version: app.version,
    // From the runtime, not the environment: keys saved in Settings switch the mode without a restart.
    mode: running.client.mode,
    shopName: readSetting(db, 'shop_name') ?? 'CourseTill',
    ...readShopLocale(db),
    stripe: { publishableKey: running.client.publishableKey, sandboxApiUrl: running.client.sandboxApiUrl },
  })
  const manager = createManagerAccess(ctx)
  const handlers = createHandlers({ ctx, config, info, payments: running, manager })
  return {
    config,
    ctx,
    handlers,
    dispatch: createDispatch(handlers, manager),
    payments: running,
    log,
    wake,
    close: async () => {
      stopWatching()
      await running.close()
      log.info('till.stopped', {})
      stopLogging()
      log.close()
      db.close()
    },
  }
}

function ensureDirectory(dir: string) {
  try {
    mkdirSync(dir, { recursive: true })
  } catch (error) {
    throw new ConfigError(`COURSETILL_DATA_DIR ${dir} cannot be created: ${(error as Error).message}`)
  }
  if (!statSync(dir).isDirectory()) throw new ConfigError(`COURSETILL_DATA_DIR ${dir} is not a folder`)
}
