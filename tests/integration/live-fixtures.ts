// Shared by the live-*.test.ts files: a test cipher, a "real Stripe" (a standalone sandbox), a till started
// with them, and a fake tunnel driver that really forwards (a loopback HTTP proxy) so webhooks travel through it.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import Stripe from 'stripe'
import { startCourseTill, type CourseTill, type StartOptions } from '../../src/main/compose'
import { loadConfig } from '../../src/main/core/config'
import type { SecretCipher } from '../../src/main/core/keys/encrypted-secrets'
import { startSandbox, type DeliveryFaults, type SandboxHandle } from '@coursetill/stripe-sandbox'
import type { TunnelConnectOptions, TunnelConnection, TunnelDriver } from '../../src/main/core/connection/tunnel-driver'
import { AppError } from '../../src/shared/errors'
import type { Channel, ChannelInput, ChannelResult } from '../../src/shared/ipc-contract'
import { tempDir } from '../helpers/temp-store'

/** AES-256-GCM with a random key: what safeStorage does, without a keychain. */
export function testCipher(key = randomBytes(32)): SecretCipher {
  return {
    encrypt(plain) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return Buffer.concat([iv, cipher.getAuthTag(), body])
    },
    decrypt(data) {
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12))
      decipher.setAuthTag(data.subarray(12, 28))
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8')
    },
  }
}

/** "Stripe" for these tests: a standalone sandbox the till reaches through STRIPE_API_URL, as it would reach api.stripe.com. */
export async function fakeStripe(faults: DeliveryFaults = {}) {
  const sandbox: SandboxHandle = await startSandbox({ port: 0, delivery: { retryScheduleMs: [50, 100, 200] } }, faults)
  const stripe = new Stripe('sk_test_dashboard', { host: '127.0.0.1', port: sandbox.port, protocol: 'http', maxNetworkRetries: 0 })
  return { sandbox, stripe, url: sandbox.url, close: () => sandbox.close() }
}

export interface LiveTill {
  till: CourseTill
  dataDir: string
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelResult<C>>
  managerToken(): Promise<string>
  close(): Promise<void>
}

export async function startLiveTill(env: Record<string, string>, options: Partial<StartOptions> & { dataDir?: string } = {}): Promise<LiveTill> {
  const dataDir = options.dataDir ?? tempDir()
  const config = loadConfig({ COURSETILL_DATA_DIR: dataDir, COURSETILL_WEBHOOK_PORT: '0', ...env }, { userDataDir: dataDir })
  const till = await startCourseTill(config, {
    version: '0.0.0-test',
    ...options,
    payments: { catchUpIntervalMs: 3_600_000, sandboxDelivery: { retryScheduleMs: [50, 100] }, ...options.payments },
  })
  let token: string | null = null
  // Once managerToken() has made the owner, every call is made as them (see helpers/test-till.ts).
  const dispatch = till.dispatch
  till.dispatch = (channel, payload, caller) =>
    dispatch(channel, token !== null && typeof payload === 'object' && payload !== null && !('staffToken' in payload) ? { ...payload, staffToken: token } : payload, caller)
  const call: LiveTill['call'] = async (channel, input) => {
    const envelope = await till.dispatch(channel, input)
    if (!envelope.ok) throw new AppError(envelope.error.code, envelope.error.message, envelope.error.details)
    return envelope.value as never
  }
  return {
    till,
    dataDir,
    call,
    async managerToken() {
      // A restarted till keeps its owner (PIN 2468) but no session: unlock instead of setting the PIN again.
      token ??= ((await call('manager:status', {})).pinSet ? await call('manager:unlock', { pin: '2468' }) : await call('manager:setPin', { pin: '2468' })).token
      return token
    },
    close: () => till.close(),
  }
}

/**
 * A tunnel driver that really forwards: each connect opens a loopback HTTP proxy to `addr` on a new port,
 * so each reconnect has a new public URL, as a free ngrok session does. `drop()` simulates losing ngrok.
 */
export function loopbackTunnelDriver() {
  const connections: Array<{ options: TunnelConnectOptions; url: string; closed: boolean; drop(): Promise<void> }> = []
  let failuresToInject = 0
  const driver: TunnelDriver = {
    async connect(options): Promise<TunnelConnection> {
      if (failuresToInject > 0) {
        failuresToInject -= 1
        throw new Error(`ERR_NGROK_3200: session failed for authtoken ${options.authtoken}`)
      }
      const [host, port] = options.addr.split(':')
      const server: Server = createServer((req, res) => {
        const upstream = request({ host, port: Number(port), method: req.method, path: req.url, headers: req.headers }, (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers)
          answer.pipe(res)
        })
        upstream.on('error', () => res.writeHead(502).end())
        req.pipe(upstream)
      })
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      const listeners: Array<(reason: string) => void> = []
      const close = () => new Promise<void>((resolve) => (entry.closed ? resolve() : ((entry.closed = true), server.close(() => resolve()), server.closeAllConnections())))
      const entry = {
        options,
        url,
        closed: false,
        async drop() {
          await close()
          for (const listener of listeners) listener('simulated network loss')
        },
      }
      connections.push(entry)
      return { url, close, onDisconnect: (listener) => void listeners.push(listener) }
    },
  }
  return {
    driver,
    connections,
    failNext(count: number) {
      failuresToInject = count
    },
  }
}
