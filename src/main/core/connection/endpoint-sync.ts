import type Stripe from 'stripe'
import type { EndpointStatus } from '@shared/live'
import type { CoreContext } from '../context'
import { messageOf, type Logger } from '../logging/logger'
import { redact } from '../logging/redact'
import { readSetting, writeSetting } from '../settings'
import { ensureWebhookEndpoint, type EndpointVault } from '../stripe/webhook-endpoint'
import { backoffDelay } from './backoff'

export interface EndpointTarget {
  stripe: Stripe
  vault: EndpointVault
  /** The full public URL of our webhook route. */
  url: string
}

const RETRY = { baseMs: 5_000, maxMs: 5 * 60_000 }

/**
 * Keeps the managed Stripe endpoint pointed at where the listener can be reached, one registration at a time:
 * a URL that changes while a registration runs is registered right after it (the last one wins), and a
 * failure is retried with backoff and shown in Settings instead of stopping the till.
 */
export function createEndpointSync(options: { ctx: CoreContext; log: Logger; onChange(): void }) {
  const installId = options.ctx.installationId
  let status: EndpointStatus = { state: 'off', endpointId: null, url: null, lastError: null, note: null, updatedAt: null }
  let secret: string | null = null
  let wanted: EndpointTarget | null = null
  let running: Promise<void> | null = null
  let epoch = 0
  let failures = 0
  let retryTimer: NodeJS.Timeout | null = null

  const set = (patch: Partial<EndpointStatus>) => {
    status = { ...status, ...patch, updatedAt: options.ctx.now() }
    options.onChange()
  }

  async function drain() {
    while (wanted) {
      const target = wanted
      const mine = epoch
      wanted = null
      set({ state: 'registering', url: target.url, lastError: null, note: null })
      try {
        const result = await ensureWebhookEndpoint(target.stripe, target.vault, target.url, installId)
        if (mine !== epoch) continue
        failures = 0
        secret = result.endpoint.secret
        set({ state: 'registered', endpointId: result.endpoint.id })
        if (result.action !== 'unchanged' || result.removed.length > 0) {
          options.log.info('endpoint.registered', { endpointId: result.endpoint.id, url: target.url, action: result.action, removedStale: result.removed })
        }
      } catch (error) {
        if (mine !== epoch) continue
        const message = redact(messageOf(error))
        set({ state: 'error', lastError: message })
        options.log.error('endpoint.failed', { url: target.url, error: message })
        scheduleRetry(target)
      }
    }
  }

  function scheduleRetry(target: EndpointTarget) {
    failures += 1
    if (retryTimer) clearTimeout(retryTimer)
    retryTimer = setTimeout(() => sync(target), backoffDelay(failures, RETRY))
    retryTimer.unref()
  }

  function sync(target: EndpointTarget): Promise<void> {
    if (retryTimer) clearTimeout(retryTimer)
    retryTimer = null
    wanted = target
    running ??= drain().finally(() => (running = null))
    return running
  }

  return {
    installId,
    sync,
    /** Nothing to register (no tunnel, or its URL is gone): keeps the last secret, deliveries may resume. */
    off(note: string) {
      wanted = null
      if (retryTimer) clearTimeout(retryTimer)
      retryTimer = null
      epoch += 1
      set({ state: 'off', url: null, lastError: null, note })
    },
    /** Another Stripe account: the old endpoint's secret no longer applies. */
    reset(note: string) {
      this.off(note)
      secret = null
      failures = 0
      set({ endpointId: null })
    },
    secret: () => secret,
    status: () => status,
    /** Resolves when no registration is running (tests, shutdown). */
    settled: () => running ?? Promise.resolve(),
  }
}

export type EndpointSync = ReturnType<typeof createEndpointSync>

/** Kept in the store's settings: fine for the sandbox, whose secrets belong to a local emulator. */
export function settingsVault(ctx: CoreContext, key: string): EndpointVault {
  return {
    load: () => {
      const raw = readSetting(ctx.db, key)
      return raw ? (JSON.parse(raw) as { id: string; secret: string }) : null
    },
    save: (endpoint) => writeSetting(ctx.db, key, JSON.stringify(endpoint)),
  }
}

/** With a real account the signing secret is encrypted; without a secret store it lives in memory only. */
export function secretVault(store: { available: boolean; read(name: string): string | null; write(name: string, value: string): void }, name: string): EndpointVault {
  let inMemory: { id: string; secret: string } | null = null
  return {
    load() {
      if (!store.available) return inMemory
      try {
        const raw = store.read(name)
        return raw ? (JSON.parse(raw) as { id: string; secret: string }) : null
      } catch {
        return null
      }
    },
    save(endpoint) {
      if (store.available) store.write(name, JSON.stringify(endpoint))
      else inMemory = endpoint
    },
  }
}
