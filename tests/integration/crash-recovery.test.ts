import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import Stripe from 'stripe'
import { afterEach, describe, expect, it } from 'vitest'
import { SUBSCRIBED_EVENTS } from '../../src/main/core/payments/subscribed-events'
import { startSandbox, type SandboxHandle } from '@coursetill/stripe-sandbox'
import { tempDir } from '../helpers/temp-store'

// The till runs as its own process (the real host entry, via tsx) against a sandbox that outlives it,
// exactly as a till runs against Stripe: so it can be SIGKILLed mid-storm while Stripe keeps retrying.

const children: ChildProcess[] = []
let sandbox: SandboxHandle | undefined
afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL')
  await sandbox?.close()
})

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}

async function startTillProcess(env: Record<string, string>): Promise<{ child: ChildProcess; api: Api }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/host.ts'], {
    env: { PATH: process.env.PATH ?? '', HOME: env.COURSETILL_DATA_DIR!, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  await expect.poll(() => output, { timeout: 30_000 }).toMatch(/Stripe webhooks are received at/)
  // The launch token from the address the host printed, sent as the cookie a browser would hold.
  const token = /serving http:\/\/127\.0\.0\.1:\d+\/\?token=([a-f0-9]{64})/.exec(output)![1]
  return { child, api: { url: `http://127.0.0.1:${env.COURSETILL_PORT}/api`, cookie: `coursetill_${env.COURSETILL_PORT}=${token}` } }
}

interface Api {
  url: string
  cookie: string
}

async function call<T>(api: Api, channel: string, input: unknown): Promise<T> {
  const response = await fetch(`${api.url}/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: api.cookie }, body: JSON.stringify(input) })
  const envelope = (await response.json()) as { ok: boolean; value: T; error?: { message: string } }
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error?.message}`)
  return envelope.value
}

/** Events the sandbox delivered and saw answered 2xx: what Stripe would never send again. */
function sandboxAcknowledged(sandboxFile: string): string[] {
  const sent = new Database(sandboxFile, { readonly: true })
  const ids = sent.prepare('SELECT DISTINCT event_id FROM webhook_attempts WHERE status_code BETWEEN 200 AND 299').pluck().all() as string[]
  sent.close()
  return ids
}

describe('a till killed mid-storm', () => {
  it('ends, after restart and Stripe’s retries, exactly where a crash-free run ends', { timeout: 120_000 }, async () => {
    const sandboxFile = join(tempDir(), 'stripe.db')
    sandbox = await startSandbox({
      dataFile: sandboxFile,
      delivery: { retryScheduleMs: [300, 600, 1200, 2400, 4800], timeoutMs: 2000 },
    }, { copies: 4, shuffle: true, delayMs: 400 })
    const stripe = new Stripe('sk_test_crash', { host: '127.0.0.1', port: sandbox.port, protocol: 'http', maxNetworkRetries: 0 })
    const webhookPort = await freePort()
    const endpoint = await stripe.webhookEndpoints.create({ url: `http://127.0.0.1:${webhookPort}/webhooks/stripe`, enabled_events: [...SUBSCRIBED_EVENTS] })
    const dataDir = tempDir()
    const env = {
      COURSETILL_DATA_DIR: dataDir,
      COURSETILL_PORT: String(await freePort()),
      COURSETILL_WEBHOOK_PORT: String(webhookPort),
      STRIPE_SECRET_KEY: 'sk_test_crash',
      STRIPE_PUBLISHABLE_KEY: 'pk_test_crash',
      STRIPE_API_URL: sandbox.url,
      STRIPE_WEBHOOK_SECRET: endpoint.secret!,
    }
    const first = await startTillProcess(env)
    const sales: Array<{ orderId: number; account: number; courses: number[] }> = []
    for (let i = 0; i < 12; i++) {
      const account = (i % 5) + 1
      const courses = i % 3 === 0 ? [1, 2] : i % 3 === 1 ? [6] : [9]
      const order = await call<{ id: number }>(first.api, 'orders:create', { accountId: account, courseIds: courses })
      const checkout = await call<{ paymentIntentId: string }>(first.api, 'payments:startCard', { orderId: order.id })
      if (i % 4 === 1) await stripe.paymentIntents.confirm(checkout.paymentIntentId, { payment_method: 'pm_card_chargeDeclined' }).catch(() => undefined)
      await stripe.paymentIntents.confirm(checkout.paymentIntentId, { payment_method: 'pm_card_visa' })
      sales.push({ orderId: order.id, account, courses })
    }
    // Kill it while deliveries are still arriving.
    const ledger = new Database(join(dataDir, 'coursetill.db'), { readonly: true })
    await expect.poll(() => ledger.prepare('SELECT count(*) FROM stripe_event').pluck().get() as number, { timeout: 20_000, interval: 20 }).toBeGreaterThan(3)
    first.child.kill('SIGKILL')
    await new Promise((resolve) => first.child.once('exit', resolve))
    const appliedBeforeCrash = ledger.prepare('SELECT count(*) FROM stripe_event').pluck().get() as number
    // Before any restart (so before catch-up): every event the sandbox saw answered 2xx is in the ledger.
    const inLedger = new Set(ledger.prepare('SELECT id FROM stripe_event').pluck().all())
    ledger.close()
    expect(sandboxAcknowledged(sandboxFile).filter((id) => !inLedger.has(id))).toEqual([])

    const second = await startTillProcess(env)
    await sandbox.idle()
    const statuses = async () => Promise.all(sales.map((s) => call<{ status: string }>(second.api, 'orders:get', { orderId: s.orderId }).then((o) => o.status)))
    await expect.poll(statuses, { timeout: 30_000 }).toEqual(sales.map(() => 'successful'))
    await sandbox.idle()
    second.child.kill('SIGTERM')
    await new Promise((resolve) => second.child.once('exit', resolve))

    const db = new Database(join(dataDir, 'coursetill.db'), { readonly: true })
    const intents = (await stripe.paymentIntents.list({ limit: 100 })).data
    expect(db.prepare("SELECT count(*) FROM payment WHERE status = 'succeeded'").pluck().get()).toBe(intents.length)
    expect(db.prepare('SELECT count(*) FROM payment').pluck().get()).toBe(sales.length)
    const grants = new Set(sales.flatMap((s) => s.courses.map((c) => `${s.account}:${c}`)))
    expect(db.prepare("SELECT account_id || ':' || course_id FROM account_has_course ORDER BY 1").pluck().all()).toEqual([...grants].sort())
    expect(db.prepare("SELECT count(*) FROM audit_log WHERE action = 'course.granted'").pluck().get()).toBe(grants.size)
    const produced: string[] = []
    for await (const event of stripe.events.list({ types: [...SUBSCRIBED_EVENTS], limit: 100 })) produced.push(event.id)
    expect(db.prepare('SELECT id FROM stripe_event ORDER BY id').pluck().all()).toEqual(produced.sort())
    // The kill really fell mid-storm: most events reached the till only after the restart.
    expect(appliedBeforeCrash).toBeLessThan(produced.length)
    expect(db.prepare("SELECT count(*) FROM stripe_event WHERE outcome = 'failed'").pluck().get()).toBe(0)
    db.close()
  })
  it('has in its ledger, when killed, every delivery it answered 2xx: nothing acknowledged is lost', { timeout: 120_000 }, async () => {
    // The test is the sender here, not the sandbox: it fires a burst of signed deliveries at once, notes which
    // got a 2xx, and SIGKILLs the till as soon as the first 2xx arrives, while the rest of the burst is still being
    // applied (an early 2xx is then caught in the act). The ledger is read straight from the
    // killed till's file: no restart, no catch-up, no retry can fill in what an early 2xx would have lost.
    sandbox = await startSandbox({ dataFile: join(tempDir(), 'stripe.db') }, { enabled: false })
    const stripe = new Stripe('sk_test_crash', { host: '127.0.0.1', port: sandbox.port, protocol: 'http', maxNetworkRetries: 0 })
    const dataDir = tempDir()
    const webhookPort = await freePort()
    const secret = 'whsec_crash_test_sender'
    const till = await startTillProcess({
      COURSETILL_DATA_DIR: dataDir,
      COURSETILL_PORT: String(await freePort()),
      COURSETILL_WEBHOOK_PORT: String(webhookPort),
      STRIPE_SECRET_KEY: 'sk_test_crash',
      STRIPE_PUBLISHABLE_KEY: 'pk_test_crash',
      STRIPE_API_URL: sandbox.url,
      STRIPE_WEBHOOK_SECRET: secret,
    })
    for (let i = 0; i < 10; i++) {
      const order = await call<{ id: number }>(till.api, 'orders:create', { accountId: (i % 5) + 1, courseIds: [(i % 11) + 1] })
      const checkout = await call<{ paymentIntentId: string }>(till.api, 'payments:startCard', { orderId: order.id })
      await stripe.paymentIntents.confirm(checkout.paymentIntentId, { payment_method: 'pm_card_chargeDeclined' }).catch(() => undefined)
      await stripe.paymentIntents.confirm(checkout.paymentIntentId, { payment_method: 'pm_card_visa' })
    }
    const events: Stripe.Event[] = []
    for await (const event of stripe.events.list({ types: [...SUBSCRIBED_EVENTS], limit: 100 })) events.push(event)
    const deliveries = events.flatMap((event) => [event, event, event]).sort(() => Math.random() - 0.5)

    const acknowledged = new Set<string>()
    let answered = 0
    let killed = false
    const url = `http://127.0.0.1:${webhookPort}/webhooks/stripe`
    await Promise.all(
      deliveries.map(async (event) => {
        const body = JSON.stringify(event)
        const headers = { 'Content-Type': 'application/json', 'Stripe-Signature': stripe.webhooks.generateTestHeaderString({ payload: body, secret }) }
        const response = await fetch(url, { method: 'POST', headers, body }).catch(() => null)
        if (!response || response.status < 200 || response.status >= 300) return
        acknowledged.add(event.id)
        answered += 1
        if (!killed) {
          killed = true
          till.child.kill('SIGKILL')
        }
      }),
    )
    if (!killed) till.child.kill('SIGKILL')
    if (till.child.exitCode === null && till.child.signalCode === null) await new Promise((resolve) => till.child.once('exit', resolve))

    const ledger = new Database(join(dataDir, 'coursetill.db'), { readonly: true })
    const inLedger = new Set(ledger.prepare('SELECT id FROM stripe_event').pluck().all())
    ledger.close()
    expect(acknowledged.size).toBeGreaterThan(0)
    expect([...acknowledged].filter((id) => !inLedger.has(id))).toEqual([])
    // The kill fell mid-burst: some deliveries were never acknowledged (the sender would retry those).
    expect(answered).toBeLessThan(deliveries.length)
  })
})
