import type { ShopDatabaseSettings } from '@shared/contract/shop-settings'
import type { ShopStatus } from '@shared/contract/shop'
import { conflict } from '@shared/errors'
import { audit } from '../audit'
import { inTransaction, type CoreContext } from '../context'
import { BROWSER_HOST_NO_STORE, SecretUnreadable, type EncryptedSecrets } from '../keys/encrypted-secrets'
import type { Logger } from '../logging/logger'
import { removeOutbox } from './outbox-triggers'
import { checkShopConnection } from './shop-connect-check'
import type { OpenShopDatabase } from './shop-database'
import { startShopSync, type ShopSync, type ShopSyncOptions } from './shop-sync'
import { checkShopUrl, describeShopUrl, maskShopUrl } from './shop-url'
import { forgetOtherShopBook } from './shop-book'

// Shop mode switched on, changed and off while the till runs: the URL comes from COURSETILL_SHOP_DATABASE_URL
// (which wins) or from Settings, where it is stored encrypted exactly like the Stripe secret key. Saving
// connects first, then stops the running sync, stores the URL and starts the sync on it; removing stops it.

export const SHOP_URL_SECRET = 'shop_database_url'
const OFF: ShopStatus = { enabled: false, connected: false, asOf: null, pendingPush: 0, lastError: null }

export interface ShopSwitch {
  current(): ShopSync | null
  settings(): ShopDatabaseSettings
  save(url: string, actor: string): Promise<ShopDatabaseSettings>
  remove(actor: string): Promise<ShopDatabaseSettings>
  /** The password in use, for the log's redaction. */
  secretsInUse(): string[]
  close(): Promise<void>
}

export interface ShopSwitchDeps {
  ctx: CoreContext
  log: Logger
  secrets: EncryptedSecrets
  /** COURSETILL_SHOP_DATABASE_URL, already checked by loadConfig; null when unset. */
  environmentUrl: string | null
  open: OpenShopDatabase
  options?: ShopSyncOptions
}

export function createShopSwitch({ ctx, log, secrets, environmentUrl, open, options }: ShopSwitchDeps): ShopSwitch {
  let running: ShopSync | null = null
  let url: string | null = null
  let problem: string | null = null
  let changing = false

  const start = (next: string | null) => {
    url = next
    if (next === null) return removeOutbox(ctx.db)
    forgetOtherShopBook(ctx.db, next)
    running = startShopSync(ctx, open(next), log, options)
  }
  const stop = async () => {
    const stopping = running
    running = null
    await stopping?.close()
  }

  function savedUrl(): string | null {
    try {
      return secrets.read(SHOP_URL_SECRET)
    } catch (error) {
      if (!(error instanceof SecretUnreadable)) throw error
      problem = `${error.message}: shop mode is off until the URL is entered again`
      log.warn('shop.saved_url_unreadable', { error })
      return null
    }
  }

  const cannotSave = (): string | null => {
    if (environmentUrl) return 'COURSETILL_SHOP_DATABASE_URL is set in the environment and wins over Settings: change or unset it there and restart'
    if (secrets.available) return null
    if (secrets.unavailableReason === BROWSER_HOST_NO_STORE) {
      return 'The browser host has no encrypted store for secrets: set COURSETILL_SHOP_DATABASE_URL in its environment and restart it'
    }
    return `${secrets.unavailableReason ?? 'No encrypted store for secrets'} (for the shop database: COURSETILL_SHOP_DATABASE_URL)`
  }

  const settings = (): ShopDatabaseSettings => ({
    source: url === null ? null : environmentUrl ? 'environment' : 'saved',
    target: url === null ? null : describeOrNull(url),
    cannotSave: cannotSave(),
    problem,
    status: running?.status() ?? OFF,
  })

  /** One change at a time: a second Save while the first is connecting is refused, not interleaved. */
  async function change(work: () => Promise<void>): Promise<ShopDatabaseSettings> {
    const refusal = cannotSave()
    if (refusal) throw conflict(refusal, { field: 'url' })
    if (changing) throw conflict('The shop database is being changed already: wait for that to finish')
    changing = true
    try {
      await work()
    } finally {
      changing = false
    }
    ctx.bus.publish({ type: 'live.changed' })
    return settings()
  }

  start(environmentUrl ?? savedUrl())

  return {
    current: () => running,
    settings,
    save: (raw, actor) => {
      const next = checkShopUrl(raw)
      return change(async () => {
        await checkShopConnection(open, next)
        await stop()
        inTransaction(ctx, () => {
          secrets.write(SHOP_URL_SECRET, next)
          audit(ctx.db, ctx.now(), { actor, action: 'settings.shop_database_saved', entityType: 'setting', entityId: SHOP_URL_SECRET, detail: { url: maskShopUrl(next) } })
        })
        problem = null
        log.info('shop.url_saved', { url: maskShopUrl(next) })
        start(next)
      })
    },
    remove: (actor) =>
      change(async () => {
        await stop()
        inTransaction(ctx, () => {
          secrets.remove(SHOP_URL_SECRET)
          audit(ctx.db, ctx.now(), { actor, action: 'settings.shop_database_removed', entityType: 'setting', entityId: SHOP_URL_SECRET })
        })
        problem = null
        log.info('shop.url_removed', {})
        start(null)
      }),
    secretsInUse: () => {
      const password = url ? passwordOf(url) : ''
      return password ? [password] : []
    },
    close: stop,
  }
}

/** The environment's URL passed a looser check at start; one the URL parser cannot read is shown as unknown. */
function describeOrNull(url: string) {
  try {
    return describeShopUrl(url)
  } catch {
    return null
  }
}

function passwordOf(url: string): string {
  try {
    return decodeURIComponent(new URL(url).password)
  } catch {
    return ''
  }
}
