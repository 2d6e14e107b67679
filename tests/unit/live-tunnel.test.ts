import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createLogger } from '../../src/main/core/logging/logger'
import { backoffDelay } from '../../src/main/core/connection/backoff'
import type { TunnelConnectOptions, TunnelDriver } from '../../src/main/core/connection/tunnel-driver'
import { startTunnel, tunnelAddress } from '../../src/main/core/connection/tunnel'

describe('backoffDelay', () => {
  const policy = { baseMs: 1000, maxMs: 60_000 }
  it('doubles per attempt, half fixed and half random', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, policy, () => 0))).toEqual([500, 1000, 2000, 4000])
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, policy, () => 1))).toEqual([1000, 2000, 4000, 8000])
  })
  it('is capped, and jitter spreads retries within the step', () => {
    expect(backoffDelay(30, policy, () => 0.999)).toBeLessThanOrEqual(60_000)
    expect(backoffDelay(30, policy, () => 0)).toBe(30_000)
    const spread = new Set(Array.from({ length: 20 }, (_, i) => backoffDelay(5, policy, () => i / 20)))
    expect(spread.size).toBe(20)
  })
})

describe('tunnelAddress', () => {
  it('is always loopback and the given port', () => {
    expect(tunnelAddress(4748)).toBe('127.0.0.1:4748')
    expect(() => tunnelAddress(0)).toThrow()
    expect(() => tunnelAddress(70000)).toThrow()
  })
})

/** A driver scripted per attempt: 'fail' throws, otherwise it connects with that URL. */
function scriptedDriver(script: string[]) {
  const calls: TunnelConnectOptions[] = []
  const drops: Array<(reason: string) => void> = []
  let closed = 0
  const driver: TunnelDriver = {
    async connect(options) {
      calls.push(options)
      const step = script.shift() ?? 'fail'
      if (step === 'fail') throw new Error(`ERR_NGROK_105 bad token ${options.authtoken}`)
      return { url: step, close: async () => void (closed += 1), onDisconnect: (listener) => void drops.push(listener) }
    },
  }
  return { driver, calls, drop: (reason: string) => drops.at(-1)!(reason), closed: () => closed }
}

describe('startTunnel', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }))
  afterEach(() => vi.useRealTimers())
  const log = createLogger({ file: null, echoErrors: false })

  it('retries with backoff after failures, hides the token in the error, then comes online', async () => {
    const script = scriptedDriver(['fail', 'fail', 'https://a.ngrok.app'])
    const online: string[] = []
    const tunnel = startTunnel({ driver: script.driver, webhookPort: 4748, authtoken: 'tok_secret_123', domain: null, onOnline: (url) => online.push(url), onChange: () => undefined, log, backoff: { baseMs: 1000, maxMs: 8000 }, random: () => 0 })
    await vi.advanceTimersByTimeAsync(0)
    expect(tunnel.status()).toMatchObject({ state: 'error', attempts: 1, nextRetryAt: 1_000_500 })
    expect(tunnel.status().lastError).toBe('ERR_NGROK_105 bad token [redacted]')
    await vi.advanceTimersByTimeAsync(499)
    expect(script.calls).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(tunnel.status()).toMatchObject({ state: 'error', attempts: 2 })
    await vi.advanceTimersByTimeAsync(1000)
    expect(tunnel.status()).toMatchObject({ state: 'online', url: 'https://a.ngrok.app', attempts: 0, lastError: null })
    expect(online).toEqual(['https://a.ngrok.app'])
    expect(script.calls.every((call) => call.addr === '127.0.0.1:4748' && call.authtoken === 'tok_secret_123')).toBe(true)
    await tunnel.stop()
  })

  it('reconnects after a drop and reports the new URL; retryNow skips the wait; stop closes and stays stopped', async () => {
    const script = scriptedDriver(['https://a.ngrok.app', 'fail', 'https://b.ngrok.app'])
    const online: string[] = []
    const tunnel = startTunnel({ driver: script.driver, webhookPort: 5000, authtoken: 'tok', domain: 'till.ngrok.app', onOnline: (url) => online.push(url), onChange: () => undefined, log, random: () => 0 })
    await vi.advanceTimersByTimeAsync(0)
    expect(script.calls[0]!.domain).toBe('till.ngrok.app')
    script.drop('network gone')
    expect(tunnel.status()).toMatchObject({ state: 'error', lastError: 'Tunnel lost: network gone', url: null })
    expect(script.closed()).toBe(1)
    await vi.advanceTimersByTimeAsync(500)
    expect(tunnel.status()).toMatchObject({ state: 'error', attempts: 2 })
    // A wake does not wait out the backoff.
    tunnel.retryNow()
    await vi.advanceTimersByTimeAsync(0)
    expect(tunnel.status()).toMatchObject({ state: 'online', url: 'https://b.ngrok.app' })
    expect(online).toEqual(['https://a.ngrok.app', 'https://b.ngrok.app'])
    await tunnel.stop()
    expect(tunnel.status()).toMatchObject({ state: 'stopped', url: null })
    expect(script.closed()).toBe(2)
    await vi.advanceTimersByTimeAsync(600_000)
    expect(script.calls).toHaveLength(3)
  })

  it('closes a connection that opens after stop', async () => {
    let release: () => void = () => undefined
    let closed = false
    const driver: TunnelDriver = {
      connect: () => new Promise((resolve) => (release = () => resolve({ url: 'https://late.ngrok.app', close: async () => void (closed = true), onDisconnect: () => undefined }))),
    }
    const tunnel = startTunnel({ driver, webhookPort: 4748, authtoken: 'tok', domain: null, onOnline: () => { throw new Error('must not go online') }, onChange: () => undefined, log })
    await tunnel.stop()
    release()
    await vi.advanceTimersByTimeAsync(0)
    expect(closed).toBe(true)
    expect(tunnel.status().state).toBe('stopped')
  })
})
