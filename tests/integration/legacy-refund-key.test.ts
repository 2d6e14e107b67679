import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, expect, it } from 'vitest'
import { createCoreContext } from '../../src/main/core/context'
import { createRefunds } from '../../src/main/core/payments/refunds'
import { migrate, openDatabase } from '../../src/main/core/store/db'
import { migrations } from '../../src/main/core/store/migrations'
import { createStripeGateway } from '../../src/main/core/stripe/gateway'
import { startSandbox, type SandboxHandle } from '@coursetill/stripe-sandbox'
import { tempDir } from '../helpers/temp-store'
import { payAs, sandboxClient } from '../helpers/test-till'

let sandbox: SandboxHandle | undefined
afterEach(async () => {
  await sandbox?.close()
})

it('a refund an earlier version left pending is retried with the key it was first sent with, so it never refunds twice', async () => {
  sandbox = await startSandbox()
  const stripe = sandboxClient(sandbox)
  const intent = await stripe.paymentIntents.create({ amount: 4900, currency: 'gbp', allowed_payment_method_types: ['card'], metadata: { order_id: '1', attempt: '1' } })
  await payAs(stripe, intent.id, 'pm_card_visa')

  // Schema 4, as the earlier version left it: refund #1 recorded, its request reached Stripe, the answer was lost.
  const file = join(tempDir(), 'coursetill.db')
  const old = new Database(file)
  migrate(old, migrations.slice(0, 4))
  old.exec(`INSERT INTO account (id, email, name, created_at, updated_at) VALUES (1, 'amelia@example.com', 'Amelia Hart', 0, 0);
            INSERT INTO course (id, code, title, price_amount, currency, created_at, updated_at) VALUES (1, 'BK-1', 'Bookkeeping', 4900, 'GBP', 0, 0);`)
  old.close()
  const before = openDatabase(file, { migrations: migrations.slice(0, 4) })
  before.exec(`INSERT INTO purchase_order (id, account_id, amount, currency, status, created_at, updated_at) VALUES (1, 1, 4900, 'GBP', 'pending', 0, 0);
               INSERT INTO purchase_order_item (order_id, course_id, title, unit_amount) VALUES (1, 1, 'Bookkeeping', 4900);`)
  before.prepare(`INSERT INTO payment (id, order_id, method, amount, amount_received, currency, status, stripe_payment_intent_id, created_at, updated_at)
                  VALUES (1, 1, 'card', 4900, 4900, 'GBP', 'succeeded', ?, 0, 0)`).run(intent.id)
  before.prepare(`INSERT INTO refund (id, payment_id, amount, currency, status, reason, requested_by, created_at, updated_at)
                  VALUES (1, 1, 1500, 'GBP', 'pending', 'other', 'manager', 0, 0)`).run()
  before.close()
  const sent = await stripe.refunds.create({ payment_intent: intent.id, amount: 1500, metadata: { coursetill_refund_id: '1', order_id: '1' } }, { idempotencyKey: 'coursetill-refund-1' })

  const db = openDatabase(file)
  const ctx = createCoreContext(db)
  const refunds = createRefunds(ctx, createStripeGateway(stripe, ctx.installationId))
  expect(await refunds.retryPendingRefunds(0)).toBe(1)
  expect((await stripe.refunds.list({ payment_intent: intent.id })).data.map((r) => r.id)).toEqual([sent.id])
  expect(db.prepare('SELECT status, stripe_refund_id FROM refund WHERE id = 1').get()).toEqual({ status: 'succeeded', stripe_refund_id: sent.id })
  db.close()
})
