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

export const DATABASE_FILE = 'coursetill.db'

export interface CourseTill {
  config: Config
  ctx: CoreContext
  handlers: Handlers
  /** The entry every window call goes through (IPC and HTTP alike). */
  dispatch: Dispatch
  payments: PaymentsRuntime
  close(): Promise<void>
}

/** Starts everything that is not Electron: the store and the API. Both the Electron shell and the browser host call this. */
export async function startCourseTill(config: Config, app: { version: string; payments?: PaymentsOptions }): Promise<CourseTill> {
  ensureDirectory(config.dataDir)
  const db = openDatabase(join(config.dataDir, DATABASE_FILE))
  const ctx = createCoreContext(db)
  loadDemoDataOnFirstStart(db, ctx.now())
  let payments: PaymentsRuntime
  try {
    payments = await setupPayments(ctx, config, app.payments)
  } catch (error) {
    db.close()
    throw error
  }
  const info = (): AppInfo => ({
    name: 'CourseTill',
    version: app.version,
    mode: config.mode,
    shopName: readSetting(db, 'shop_name') ?? 'CourseTill',
    stripe: { publishableKey: payments.client.publishableKey, sandboxApiUrl: payments.client.sandboxApiUrl },
  })
  const manager = createManagerAccess(ctx)
  const handlers = createHandlers({ ctx, config, info, payments, manager })
  return {
    config,
    ctx,
    handlers,
    dispatch: createDispatch(handlers, manager),
    payments,
    close: async () => {
      await payments.close()
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
