// npm run bench:webhooks — throughput and latency of the webhook listener against the real store,
// beside the machine's floor (signature check + one SQLite commit, in-process) and a plain handler in the
// style of Stripe's samples (raw body, constructEvent, one insert). Prints figures; asserts nothing.
import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import express from 'express'
import Stripe from 'stripe'
import { createCoreContext } from '../src/main/core/context'
import { createOrder } from '../src/main/core/orders/create-order'
import { createCommitBatcher } from '../src/main/core/payments/commit-batcher'
import { processStripeEvent } from '../src/main/core/payments/process-event'
import { openDatabase } from '../src/main/core/store/db'
import { startWebhookServer } from '../src/main/webhooks/server'
import { writeFileSync } from 'node:fs'
import { formatLoad, runLoadInChild } from './load'

const EVENTS = Number(process.env.BENCH_EVENTS ?? 20_000)
const SENDERS = Number(process.env.BENCH_SENDERS ?? 32)
const SECRET = 'whsec_bench_secret'
// The store commits with synchronous=FULL (an acknowledged event survives a power cut); the comparisons get
// the same durability, or they would be measuring a promise they do not keep.
const SYNCHRONOUS = 'FULL'
const signer = new Stripe('sk_test_bench').webhooks
const dir = mkdtempSync(join(tmpdir(), 'coursetill-bench-'))

/** A store with one open card payment per event to come, so each event settles an order and grants a course. */
function prepareStore(file: string) {
  const db = openDatabase(file)
  const ctx = createCoreContext(db)
  const now = Date.now()
  db.prepare("INSERT INTO course (code, title, price_amount, currency, created_at, updated_at) VALUES ('B-1', 'Bench course', 4900, 'GBP', 0, 0)").run()
  const account = db.prepare('INSERT INTO account (email, name, created_at, updated_at) VALUES (?, ?, 0, 0)')
  const payment = db.prepare(`INSERT INTO payment (order_id, method, amount, currency, status, stripe_payment_intent_id, created_at, updated_at) VALUES (?, 'card', 4900, 'GBP', 'pending', ?, ?, ?)`)
  db.transaction(() => {
    for (let i = 0; i < EVENTS; i++) {
      const accountId = Number(account.run(`bench${i}@example.com`, `Bench ${i}`).lastInsertRowid)
      const order = createOrder(ctx, { accountId, courseIds: [1], confirmOwned: [1], actor: 'bench' })
      payment.run(order.id, `pi_bench_${i}`, now, now)
    }
  })()
  return { db, ctx }
}

function succeededEvents() {
  const created = Math.floor(Date.now() / 1000)
  return Array.from({ length: EVENTS }, (_, i) => {
    const body = JSON.stringify({
      id: `evt_bench_${i}`,
      object: 'event',
      type: 'payment_intent.succeeded',
      created,
      data: { object: { id: `pi_bench_${i}`, object: 'payment_intent', status: 'succeeded', amount: 4900, amount_received: 4900, currency: 'gbp', metadata: {}, last_payment_error: null } },
    })
    return { body, headers: { 'Stripe-Signature': signer.generateTestHeaderString({ payload: body, secret: SECRET }) } }
  })
}

function floor(events: ReturnType<typeof succeededEvents>) {
  const db = new Database(join(dir, 'floor.db'))
  db.pragma('journal_mode = WAL')
  db.pragma(`synchronous = ${SYNCHRONOUS}`)
  db.exec('CREATE TABLE event (id TEXT PRIMARY KEY, type TEXT NOT NULL, body TEXT NOT NULL) STRICT')
  const insert = db.prepare('INSERT INTO event (id, type, body) VALUES (?, ?, ?)')
  const started = process.hrtime.bigint()
  for (const { body, headers } of events) {
    const event = signer.constructEvent(body, headers['Stripe-Signature']!, SECRET)
    insert.run(event.id, event.type, body)
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  db.close()
  return events.length / seconds
}

async function plainHandler(bodiesFile: string) {
  const db = new Database(join(dir, 'plain.db'))
  db.pragma('journal_mode = WAL')
  db.pragma(`synchronous = ${SYNCHRONOUS}`)
  db.exec('CREATE TABLE event (id TEXT PRIMARY KEY, type TEXT NOT NULL, body TEXT NOT NULL) STRICT')
  const insert = db.prepare('INSERT OR IGNORE INTO event (id, type, body) VALUES (?, ?, ?)')
  const app = express()
  app.post('/webhook', express.raw({ type: 'application/json' }), (req, res) => {
    let event: Stripe.Event
    try {
      event = signer.constructEvent(req.body as Buffer, req.headers['stripe-signature'] as string, SECRET)
    } catch {
      return void res.status(400).send('bad signature')
    }
    insert.run(event.id, event.type, (req.body as Buffer).toString())
    res.json({ received: true })
  })
  const server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  const result = await runLoadInChild(`http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`, bodiesFile, SENDERS)
  server.close()
  db.close()
  return result
}

async function courseTill(bodiesFile: string) {
  const { db, ctx } = prepareStore(join(dir, 'coursetill.db'))
  const batcher = createCommitBatcher(ctx)
  const server = await startWebhookServer({ port: 0, secrets: () => [SECRET], process: (event) => processStripeEvent({ ctx, reader: null, batcher }, event) })
  const result = await runLoadInChild(server.url, bodiesFile, SENDERS)
  const granted = db.prepare('SELECT count(*) FROM account_has_course').pluck().get()
  const settled = db.prepare("SELECT count(*) FROM purchase_order WHERE status = 'successful'").pluck().get()
  await server.close()
  db.close()
  return { result, granted, settled }
}

async function main() {
  console.log(`webhook benchmark: ${EVENTS} signed payment_intent.succeeded events, ${SENDERS} concurrent senders from a second process, loopback, WAL + synchronous=FULL everywhere`)
  const events = succeededEvents()
  const only = process.env.BENCH_ONLY
  if (!only) {
    const floorRate = floor(events)
    console.log(`${'floor (constructEvent + 1 commit)'.padEnd(34)} ${floorRate.toFixed(0).padStart(7)} events/s   (in-process, no HTTP)`)
  }
  // The same signed bodies for both servers, sent from a separate process.
  const bodiesFile = join(dir, 'bodies.json')
  writeFileSync(bodiesFile, JSON.stringify(events))
  if (!only || only === 'plain') console.log(formatLoad('plain handler (Stripe sample)', await plainHandler(bodiesFile)))
  if (only === 'plain') return
  const ours = await courseTill(bodiesFile)
  console.log(formatLoad('CourseTill webhook server', ours.result))
  console.log(`  each event: signature, shape check, ledger row, payment update, order settled, course granted, audit — ${ours.settled} orders settled, ${ours.granted} grants`)
  rmSync(dir, { recursive: true, force: true })
}

void main()
