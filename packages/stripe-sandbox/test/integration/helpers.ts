// Shared fixtures: a sandbox on loopback, the official SDK pointed at it, and an Express webhook
// receiver that verifies every delivery with stripe.webhooks.constructEvent.

import express from 'express'
import { mkdtempSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Stripe from 'stripe'
import { startSandbox, type DeliveryFaults, type SandboxHandle, type SandboxOptions } from '../../src'

export function sdkFor(sandbox: SandboxHandle, key = 'sk_test_sandbox'): Stripe {
  return new Stripe(key, { host: '127.0.0.1', port: sandbox.port, protocol: 'http', maxNetworkRetries: 0 })
}

export async function startWithSdk(
  options: SandboxOptions = {},
  faults: DeliveryFaults = {},
): Promise<{ sandbox: SandboxHandle; stripe: Stripe }> {
  const sandbox = await startSandbox(options, faults)
  return { sandbox, stripe: sdkFor(sandbox) }
}

export function tempDbFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'sandbox-test-')), 'stripe.sqlite')
}

/** Raw HTTP against the sandbox, for what the SDK cannot send (publishable key routes, bad headers). */
export async function rawRequest(
  sandbox: SandboxHandle,
  method: string,
  path: string,
  options: { key?: string; form?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const headers: Record<string, string> = { ...options.headers }
  if (options.key) headers.Authorization = `Bearer ${options.key}`
  if (options.form !== undefined) headers['Content-Type'] = 'application/x-www-form-urlencoded'
  const response = await fetch(`${sandbox.url}${path}`, {
    method,
    headers,
    ...(options.form !== undefined ? { body: options.form } : {}),
  })
  const text = await response.text()
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, headers: response.headers }
}

export interface Delivery {
  event: Stripe.Event
  timestamp: number
  receivedAt: number
}

export interface Receiver {
  url: string
  /** Verified deliveries, in arrival order (failed answers included). */
  deliveries: Delivery[]
  /** Bodies whose signature did not verify. */
  rejected: string[]
  setSecret(secret: string): void
  /** Runs before each verified delivery is answered (a slow receiver, for concurrency tests). */
  onArrival?: () => Promise<void>
  waitFor(count: number, timeoutMs?: number): Promise<Delivery[]>
  close(): Promise<void>
}

/**
 * `answer(n)` decides the status of the n-th verified delivery (1-based); default 200.
 * Signature failures are answered 400 and recorded in `rejected`.
 */
export async function startReceiver(answer: (n: number, event: Stripe.Event) => number = () => 200): Promise<Receiver> {
  const verifier = new Stripe('sk_test_receiver')
  let secret = ''
  const deliveries: Delivery[] = []
  const rejected: string[] = []
  const waiters: Array<{ count: number; resolve: () => void }> = []
  const app = express()
  app.post('/webhook', express.raw({ type: 'application/json' }), async (req, res) => {
    const header = req.header('stripe-signature') ?? ''
    try {
      const event = verifier.webhooks.constructEvent(req.body as Buffer, header, secret)
      const timestamp = Number(/t=(\d+)/.exec(header)?.[1])
      deliveries.push({ event, timestamp, receivedAt: Date.now() })
      const status = answer(deliveries.length, event)
      await receiver.onArrival?.()
      res.status(status).send('ok')
      for (const waiter of waiters.filter((w) => deliveries.length >= w.count)) {
        waiters.splice(waiters.indexOf(waiter), 1)
        waiter.resolve()
      }
    } catch {
      rejected.push(String(req.body))
      res.status(400).send('bad signature')
    }
  })
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening))
  })
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`
  const receiver: Receiver = {
    url,
    deliveries,
    rejected,
    setSecret: (value) => void (secret = value),
    async waitFor(count, timeoutMs = 10_000) {
      if (deliveries.length >= count) return deliveries
      // Woken by the delivery itself, not by polling; the timeout only turns a hang into a clear failure.
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`only ${deliveries.length} of ${count} deliveries arrived`)), timeoutMs)
        waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) })
      })
      return deliveries
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
  return receiver
}

/** Runs `fn` expecting the SDK to throw; returns the error for assertions. */
export async function stripeError(fn: () => Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await fn()
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) return error
    throw error
  }
  throw new Error('expected the call to fail')
}

/** The id of the object an event carries (the SDK's union type does not promise one). */
export function objectId(event: Stripe.Event | undefined): string | undefined {
  return (event?.data.object as { id?: string } | undefined)?.id
}
