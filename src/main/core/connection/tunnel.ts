import type { TunnelState } from '@shared/live'
import { redact } from '../logging/redact'
import { messageOf, type Logger } from '../logging/logger'
import { backoffDelay, TUNNEL_BACKOFF, type BackoffPolicy } from './backoff'
import type { TunnelConnection, TunnelDriver } from './tunnel-driver'

export interface TunnelOptions {
  driver: TunnelDriver
  /** The webhook listener's port: the only thing the tunnel ever forwards to (never the browser host). */
  webhookPort: number
  authtoken: string
  domain: string | null
  /** Called each time the tunnel comes online (after a reconnect the URL may differ). */
  onOnline(url: string): void
  onChange(): void
  log: Logger
  backoff?: BackoffPolicy
  random?: () => number
  now?: () => number
}

export interface TunnelSnapshot {
  state: TunnelState
  url: string | null
  lastError: string | null
  attempts: number
  nextRetryAt: number | null
}

export interface Tunnel {
  status(): TunnelSnapshot
  /** After a wake or when the network returns: skip the rest of the backoff wait. */
  retryNow(): void
  stop(): Promise<void>
}

/** Only loopback and only the given port: a tunnel must never expose anything else on this machine. */
export function tunnelAddress(webhookPort: number): string {
  if (!Number.isInteger(webhookPort) || webhookPort <= 0 || webhookPort > 65535) throw new Error(`Cannot tunnel to port ${webhookPort}`)
  return `127.0.0.1:${webhookPort}`
}

/** Keeps one tunnel up: connects, reconnects with backoff and jitter when it fails or drops, stops on quit. */
export function startTunnel(options: TunnelOptions): Tunnel {
  const now = options.now ?? Date.now
  const addr = tunnelAddress(options.webhookPort)
  let state: TunnelState = 'connecting'
  let url: string | null = null
  let lastError: string | null = null
  let attempts = 0
  let nextRetryAt: number | null = null
  let timer: NodeJS.Timeout | null = null
  let connection: TunnelConnection | null = null
  let generation = 0
  let stopped = false

  async function connect() {
    timer = null
    nextRetryAt = null
    state = 'connecting'
    options.onChange()
    const mine = ++generation
    try {
      const opened = await options.driver.connect({ addr, authtoken: options.authtoken, domain: options.domain })
      if (stopped || mine !== generation) return void opened.close().catch(() => undefined)
      connection = opened
      attempts = 0
      url = opened.url
      lastError = null
      state = 'online'
      options.log.info('tunnel.online', { url, forwardsTo: addr })
      opened.onDisconnect((reason) => connection === opened && lost(opened, reason))
      options.onChange()
      options.onOnline(opened.url)
    } catch (error) {
      if (!stopped && mine === generation) fail(messageOf(error))
    }
  }

  function lost(dropped: TunnelConnection, reason: string) {
    connection = null
    void dropped.close().catch(() => undefined)
    fail(`Tunnel lost: ${reason}`)
  }

  function fail(message: string) {
    attempts += 1
    // Shown in Settings and the log: an error that quotes the token must not carry it any further.
    lastError = redact(message, [options.authtoken])
    state = 'error'
    const delay = backoffDelay(attempts, options.backoff ?? TUNNEL_BACKOFF, options.random)
    nextRetryAt = now() + delay
    timer = setTimeout(() => void connect(), delay)
    timer.unref()
    options.log.warn('tunnel.error', { error: lastError, attempt: attempts, retryInMs: delay })
    options.onChange()
  }

  void connect()

  return {
    status: () => ({ state, url: state === 'online' ? url : null, lastError, attempts, nextRetryAt }),
    retryNow() {
      if (stopped || state !== 'error' || !timer) return
      clearTimeout(timer)
      void connect()
    },
    async stop() {
      if (stopped) return
      stopped = true
      generation += 1
      if (timer) clearTimeout(timer)
      timer = null
      state = 'stopped'
      nextRetryAt = null
      const open = connection
      connection = null
      options.log.info('tunnel.stopped', {})
      options.onChange()
      await open?.close().catch(() => undefined)
    },
  }
}
