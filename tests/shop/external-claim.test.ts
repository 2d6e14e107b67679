// Shop mode: a payment taken in Stripe outside the tills — a Checkout Session from a Payment Link, a one-off invoice
// from the dashboard — reaches every till's webhook, and with "This till records payments taken in Stripe" on at
// all of them it is still recorded by exactly one: the till holding its PaymentIntent in shop_external_payment.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startSandbox, type SandboxHandle } from '@coursetill/stripe-sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SUBSCRIBED_EVENTS } from '../../src/main/core/payments/subscribed-events'
import { payOnPage } from '../helpers/pay-page'
import type { ProcessTill } from '../helpers/shop-tills'
import { sandboxClient } from '../helpers/test-till'
import { settleAll, shopQuery, useShop } from './shop-fixtures'

const shop = useShop()
let sandbox: SandboxHandle
let sandboxDir: string
let tills: ProcessTill[]
const admin = () => sandboxClient(sandbox)

beforeAll(async () => {
  // Its own folder: temp-store's tempDir() is removed after the first test, and both tests share this sandbox.
  sandboxDir = mkdtempSync(join(tmpdir(), 'coursetill-shop-sandbox-'))
  sandbox = await startSandbox({ dataFile: join(sandboxDir, 'shared-sandbox.db'), port: 0, delivery: { retryScheduleMs: [100, 200, 400, 800] } })
  const endpoints: string[] = []
  tills = await shop.startTills(3, async (index) => {
    const endpoint = await admin().webhookEndpoints.create({ url: 'http://127.0.0.1:9/not-yet', enabled_events: [...SUBSCRIBED_EVENTS] })
    endpoints[index] = endpoint.id
    return { STRIPE_SECRET_KEY: 'sk_test_shared_account', STRIPE_PUBLISHABLE_KEY: 'pk_test_shared_account', STRIPE_API_URL: sandbox.url, STRIPE_WEBHOOK_SECRET: endpoint.secret! }
  })
  // Each till's own endpoint (made for it, in its index's order), pointed at its webhook listener.
  await Promise.all(tills.map((till, index) => admin().webhookEndpoints.update(endpoints[index]!, { url: till.webhookUrl })))
  await settleAll(tills)
}, 120_000)

afterAll(async () => {
  await sandbox?.close()
  if (sandboxDir) rmSync(sandboxDir, { recursive: true, force: true })
})

/** Where each till stands on one outside payment: its external_payment rows and its claim. */
async function recordedAt(stripeObjectId: string) {
  return Promise.all(
    tills.map(async (till) => ({
      installation: till.installation,
      recorded: (await till.query<{ n: number }>('SELECT count(*) AS n FROM external_payment WHERE stripe_object_id = ?', [stripeObjectId]))[0]!.n,
      claim: (await till.query<{ claim: string | null }>('SELECT claim FROM external_claim WHERE stripe_object_id = ?', [stripeObjectId]))[0]?.claim ?? null,
    })),
  )
}

async function expectRecordedOnce(stripeObjectId: string, intentId: string, amount: number) {
  await sandbox.idle()
  await settleAll(tills)
  const claimed = await shopQuery<{ claimed_by: string; amount: number }>(shop.cluster, 'SELECT claimed_by, amount::int FROM shop_external_payment WHERE stripe_payment_intent_id = $1', [intentId])
  expect(claimed).toEqual([{ claimed_by: expect.any(String), amount }])
  const states = await recordedAt(stripeObjectId)
  // Every till got the webhook (signed with its own endpoint's secret) and queued it; one recorded it, the one the
  // shop book names.
  expect(states.every((s) => s.claim !== null)).toBe(true)
  expect(states.map((s) => s.recorded).sort()).toEqual([0, 0, 1])
  expect(states.map((s) => s.claim).sort()).toEqual(['lost', 'lost', 'won'])
  expect(states.find((s) => s.recorded === 1)!.installation).toBe(claimed[0]!.claimed_by)
  expect(states.find((s) => s.claim === 'won')!.installation).toBe(claimed[0]!.claimed_by)
}

describe('shop mode: a payment taken in Stripe outside the tills', () => {
  it('an outside Checkout Session is recorded by exactly one till', async () => {
    const session = await admin().checkout.sessions.create({
      mode: 'payment',
      line_items: [{ price_data: { currency: 'gbp', unit_amount: 2500, product_data: { name: 'Gift voucher' } }, quantity: 1 }],
      success_url: 'https://shop.example/thanks',
    })
    expect((await payOnPage(session.url!, '4242 4242 4242 4242', 'someone@example.com')).status).toBe(303)
    const paid = await admin().checkout.sessions.retrieve(session.id)
    await expectRecordedOnce(session.id, paid.payment_intent as string, 2500)
  }, 120_000)

  it('an outside one-off invoice is recorded by exactly one till', async () => {
    const customer = await admin().customers.create({ email: 'invoiced@example.com' })
    const draft = await admin().invoices.create({ customer: customer.id })
    await admin().invoiceItems.create({ customer: customer.id, invoice: draft.id, amount: 4000, currency: 'gbp', description: 'Workshop seat' })
    await admin().invoices.finalizeInvoice(draft.id)
    await admin().invoices.pay(draft.id, { payment_method: 'pm_card_visa' })
    const paid = await admin().invoices.retrieve(draft.id, { expand: ['payments'] })
    await expectRecordedOnce(draft.id, paid.payments!.data[0]!.payment.payment_intent as string, 4000)
  }, 120_000)

  it('a till told not to record payments taken in Stripe neither records nor claims it: another till does', async () => {
    const [off, ...on] = tills
    const { token } = await off!.call<{ token: string }>('manager:setPin', { pin: '2468' })
    await off!.call('external:setEnabled', { enabled: false, managerToken: token })
    const session = await admin().checkout.sessions.create({
      mode: 'payment',
      line_items: [{ price_data: { currency: 'gbp', unit_amount: 1800, product_data: { name: 'Gift voucher' } }, quantity: 1 }],
      success_url: 'https://shop.example/thanks',
    })
    expect((await payOnPage(session.url!, '4242 4242 4242 4242', 'someone.else@example.com')).status).toBe(303)
    const intentId = (await admin().checkout.sessions.retrieve(session.id)).payment_intent as string
    await sandbox.idle()
    await settleAll(tills)
    // Not even its PaymentIntent: holding that claim would keep the tills that record from recording it.
    expect(await off!.query('SELECT 1 FROM unowned_payment WHERE stripe_payment_intent_id = ?', [intentId])).toEqual([])
    expect(await off!.query('SELECT 1 FROM external_claim WHERE stripe_object_id = ?', [session.id])).toEqual([])
    const [claimed] = await shopQuery<{ claimed_by: string }>(shop.cluster, 'SELECT claimed_by FROM shop_external_payment WHERE stripe_payment_intent_id = $1', [intentId])
    expect(on.map((t) => t.installation)).toContain(claimed!.claimed_by)
    const recorded = await Promise.all(on.map(async (t) => (await t.query<{ n: number }>('SELECT count(*) AS n FROM external_payment WHERE stripe_object_id = ?', [session.id]))[0]!.n))
    expect(recorded.sort()).toEqual([0, 1])
  }, 120_000)
})
