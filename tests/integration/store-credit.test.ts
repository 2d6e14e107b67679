import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../src/shared/errors'
import { adjustCredit } from '../../src/main/core/credit/adjust'
import { snapshot } from '../helpers/temp-store'
import { payAs, startTestTill, type TestTill } from '../helpers/test-till'
import { trackLedger } from '../helpers/credit-ledger'

const open: TestTill[] = []
afterEach(async () => {
  while (open.length > 0) await open.pop()!.close()
})

// Demo data: customer 1 (Amelia), courses 1 (GBP 49.00), 4 (GBP 29.00), 9 (JPY 6,800), 11 (KWD 15.000).
async function till() {
  const t = await startTestTill()
  open.push(t)
  trackLedger(join(t.dataDir, 'coursetill.db'))
  return t
}

// One PIN per till: set on first use, then unlocked with it.
const sessions = new WeakMap<TestTill, Promise<string>>()
function manager(t: TestTill): Promise<string> {
  const earlier = sessions.get(t)
  const next = earlier ? earlier.then(() => t.call('manager:unlock', { pin: '2468' })).then((s) => s.token) : t.managerToken()
  sessions.set(t, next)
  return next
}

async function grant(t: TestTill, customerId: number, amount: number, currency = 'GBP') {
  const managerToken = await manager(t)
  return t.call('credit:adjust', { customerId, currency, amount, reason: 'Goodwill for a late course', requestKey: crypto.randomUUID(), managerToken })
}

const key = () => crypto.randomUUID()

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e)
  expect(error).toBeInstanceOf(AppError)
  return error as AppError
}

describe('store credit as a tender', () => {
  it('credit + card: the card intent is kept to exactly what credit left, and the order is paid by both', async () => {
    const t = await till()
    await grant(t, 1, 1500)
    const order = t.order([1])
    // The card form opened first, at the full amount.
    const before = await t.call('payments:startCard', { orderId: order.id })
    expect(before.amount).toBe(4900)
    const afterCredit = await t.call('credit:apply', { orderId: order.id, amount: 1500, currency: 'GBP', requestKey: key() })
    expect(afterCredit.amountDue).toBe(3400)
    expect(afterCredit.status).toBe('partially_paid')
    const card = await t.call('payments:startCard', { orderId: order.id })
    expect(card.paymentIntentId).toBe(before.paymentIntentId)
    expect((await t.stripe.paymentIntents.retrieve(card.paymentIntentId)).amount).toBe(3400)
    await payAs(t.stripe, card.paymentIntentId, 'pm_card_visa')
    const paid = await t.call('payments:sync', { orderId: order.id })
    expect(paid.status).toBe('successful')
    expect(paid.payments.map((p) => [p.method, p.amountReceived, p.status])).toEqual([['card', 3400, 'succeeded'], ['credit', 1500, 'succeeded']].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)))
    const credit = await t.call('credit:get', { customerId: 1 })
    expect(credit.balances).toEqual([{ currency: 'GBP', balance: 0 }])
    expect(credit.entries.map((e) => [e.kind, e.amount, e.balanceAfter])).toEqual([['spend', -1500, 0], ['adjust', 1500, 1500]])
    expect(t.count('account_has_course', 'account_id = 1 AND course_id = 1')).toBe(1)
  })

  it('credit + cash pays an order with no card; credit that pays everything needs no card at all', async () => {
    const t = await till()
    await grant(t, 1, 6000)
    const first = t.order([4])
    await t.call('credit:apply', { orderId: first.id, amount: 1000, currency: 'GBP', requestKey: key() })
    const paid = await t.call('orders:recordCash', { orderId: first.id, tendered: 2000, requestKey: key() })
    expect(paid.status).toBe('successful')
    expect(paid.payments.map((p) => [p.method, p.amountReceived])).toEqual([['credit', 1000], ['cash', 1900]])
    const second = t.order([4])
    const whole = await t.call('credit:apply', { orderId: second.id, amount: 2900, currency: 'GBP', requestKey: key() })
    expect(whole.status).toBe('successful')
    expect((await t.call('credit:get', { customerId: 1 })).balances).toEqual([{ currency: 'GBP', balance: 6000 - 1000 - 2900 }])
  })

  it('zero- and three-decimal currencies: credit in yen and in dinars, the card rest still collectable', async () => {
    const t = await till()
    await grant(t, 1, 800, 'JPY')
    await grant(t, 1, 5000, 'KWD')
    const yen = await t.call('credit:apply', { orderId: t.order([9]).id, amount: 800, currency: 'JPY', requestKey: key() })
    expect(yen.amountDue).toBe(6000)
    const kwdOrder = t.order([11])
    // 15.000 − 4.995 leaves 10.005 KWD, which no card can take (KWD card amounts end in 0): refused, nothing written.
    const before = snapshot(t.till.ctx.db)
    const stuck = await refusal(t.call('credit:apply', { orderId: kwdOrder.id, amount: 4995, currency: 'KWD', requestKey: key() }))
    expect(stuck.message).toMatch(/must end in 0/)
    expect(snapshot(t.till.ctx.db)).toBe(before)
    const dinars = await t.call('credit:apply', { orderId: kwdOrder.id, amount: 5000, currency: 'KWD', requestKey: key() })
    expect(dinars.amountDue).toBe(10000)
    const card = await t.call('payments:startCard', { orderId: kwdOrder.id })
    expect((await t.stripe.paymentIntents.retrieve(card.paymentIntentId)).amount).toBe(10000)
  })

  it('a refund of the credit-paid part returns credit, never more than that part paid; card and credit refunded per tender', async () => {
    const t = await till()
    await grant(t, 1, 1500)
    const order = t.order([1])
    await t.call('credit:apply', { orderId: order.id, amount: 1500, currency: 'GBP', requestKey: key() })
    const card = await t.call('payments:startCard', { orderId: order.id })
    await payAs(t.stripe, card.paymentIntentId, 'pm_card_visa')
    const paid = await t.call('payments:sync', { orderId: order.id })
    const creditPayment = paid.payments.find((p) => p.method === 'credit')!
    const cardPayment = paid.payments.find((p) => p.method === 'card')!
    const managerToken = await manager(t)

    const part = await t.call('payments:refund', { paymentId: creditPayment.id, amount: 500, reason: 'requested_by_customer', managerToken })
    expect(part.status).toBe('partially_refunded')
    expect(part.refunds.find((r) => r.paymentId === creditPayment.id)).toMatchObject({ status: 'succeeded', amount: 500, stripeRefundId: null })
    expect((await t.call('credit:get', { customerId: 1 })).balances).toEqual([{ currency: 'GBP', balance: 500 }])

    // More than the credit part still holds: refused, nothing written (the card's money is not credit's to give).
    const before = snapshot(t.till.ctx.db)
    const tooMuch = await refusal(t.call('payments:refund', { paymentId: creditPayment.id, amount: 1001, reason: 'requested_by_customer', managerToken }))
    expect(tooMuch.code).toBe('invalid_input')
    expect(tooMuch.message).toMatch(/Only 1000/)
    expect(snapshot(t.till.ctx.db)).toBe(before)

    await t.call('payments:refund', { paymentId: creditPayment.id, amount: 1000, reason: 'requested_by_customer', managerToken })
    await t.call('payments:refund', { paymentId: cardPayment.id, amount: 3400, reason: 'requested_by_customer', managerToken })
    await t.deliveriesSettled()
    expect(t.detail(order.id).status).toBe('refunded')
    expect((await t.call('credit:get', { customerId: 1 })).balances).toEqual([{ currency: 'GBP', balance: 1500 }])
    expect(t.count('account_has_course', 'account_id = 1 AND course_id = 1')).toBe(0)
  })

  it('a refund by course takes card first, then credit, and gives the credit part back as credit', async () => {
    const t = await till()
    await grant(t, 1, 7000)
    const order = t.order([1, 4])
    await t.call('credit:apply', { orderId: order.id, amount: 7000, currency: 'GBP', requestKey: key() })
    const card = await t.call('payments:startCard', { orderId: order.id })
    expect(card.amount).toBe(800)
    await payAs(t.stripe, card.paymentIntentId, 'pm_card_visa')
    await t.call('payments:sync', { orderId: order.id })
    const managerToken = await manager(t)
    const after = await t.call('payments:refundLine', { orderId: order.id, courseId: 4, reason: 'requested_by_customer', managerToken })
    await t.deliveriesSettled()
    expect(after.refunds.map((r) => [after.payments.find((p) => p.id === r.paymentId)!.method, r.amount])).toEqual([['card', 800], ['credit', 2100]])
    expect((await t.call('credit:get', { customerId: 1 })).balances).toEqual([{ currency: 'GBP', balance: 2100 }])
  })

  it('a refund by course gives back cash before credit, whatever order they were taken in', async () => {
    const t = await till()
    await grant(t, 1, 1000)
    const order = t.order([1, 4])
    await t.call('credit:apply', { orderId: order.id, amount: 1000, currency: 'GBP', requestKey: key() })
    await t.call('orders:recordCash', { orderId: order.id, tendered: 6800, requestKey: key() })
    const managerToken = await manager(t)
    const after = await t.call('payments:refundLine', { orderId: order.id, courseId: 4, reason: 'requested_by_customer', managerToken })
    expect(after.refunds.map((r) => [after.payments.find((p) => p.id === r.paymentId)!.method, r.amount])).toEqual([['cash', 2900]])
    expect((await t.call('credit:get', { customerId: 1 })).balances).toEqual([{ currency: 'GBP', balance: 0 }])
  })

  it('canceling an order that took credit gives the credit back', async () => {
    const t = await till()
    await grant(t, 1, 1000)
    const order = t.order([1])
    await t.call('credit:apply', { orderId: order.id, amount: 1000, currency: 'GBP', requestKey: key() })
    const canceled = await t.call('orders:cancel', { orderId: order.id })
    expect(canceled.status).toBe('canceled')
    const credit = await t.call('credit:get', { customerId: 1 })
    expect(credit.balances).toEqual([{ currency: 'GBP', balance: 1000 }])
    expect(credit.entries[0]).toMatchObject({ kind: 'refund', source: 'order_canceled', amount: 1000 })
  })
})

describe('store credit: bad input changes nothing', () => {
  it.each([
    ['an unknown customer', (t: TestTill) => t.call('credit:get', { customerId: 999 }), 'not_found', /Customer 999 does not exist/],
    ['an unknown order', (t: TestTill) => t.call('credit:apply', { orderId: 999, amount: 100, currency: 'GBP', requestKey: key() }), 'not_found', /Order 999/],
    ['a negative amount', (t: TestTill, _token: string) => t.call('credit:apply', { orderId: 1, amount: -100, currency: 'GBP', requestKey: key() }), 'invalid_input', /amount/],
    ['a fractional amount', (t: TestTill) => t.call('credit:apply', { orderId: 1, amount: 10.5, currency: 'GBP', requestKey: key() }), 'invalid_input', /amount/],
    ['the wrong currency', (t: TestTill) => t.call('credit:apply', { orderId: 1, amount: 100, currency: 'EUR', requestKey: key() }), 'invalid_input', /is in GBP; credit in EUR/],
    ['a lower-case currency', (t: TestTill) => t.call('credit:apply', { orderId: 1, amount: 100, currency: 'gbp', requestKey: key() }), 'invalid_input', /currency/],
    ['more than the balance', (t: TestTill) => t.call('credit:apply', { orderId: 1, amount: 1001, currency: 'GBP', requestKey: key() }), 'conflict', /Not enough credit: Amelia Hart has £10.00/],
    ['more than is due', (t: TestTill) => t.call('credit:apply', { orderId: 3, amount: 1000, currency: 'GBP', requestKey: key() }), 'invalid_input', /Only £9.00 is due/],
    ['an order already paid', (t: TestTill) => t.call('credit:apply', { orderId: 2, amount: 100, currency: 'GBP', requestKey: key() }), 'conflict', /is successful and takes no more payments/],
    ['an adjustment for an unknown customer', (t: TestTill, managerToken: string) => t.call('credit:adjust', { customerId: 999, currency: 'GBP', amount: 100, reason: 'Goodwill', requestKey: key(), managerToken }), 'not_found', /Customer 999/],
    ['an adjustment below zero', (t: TestTill, managerToken: string) => t.call('credit:adjust', { customerId: 1, currency: 'GBP', amount: -1001, reason: 'Mistake', requestKey: key(), managerToken }), 'conflict', /The balance is £10.00; at most that can be taken away/],
    ['an adjustment without a reason', (t: TestTill, managerToken: string) => t.call('credit:adjust', { customerId: 1, currency: 'GBP', amount: 100, reason: ' ', requestKey: key(), managerToken }), 'invalid_input', /reason/],
    ['an adjustment of a float', (t: TestTill, managerToken: string) => t.call('credit:adjust', { customerId: 1, currency: 'GBP', amount: 0.5, reason: 'Goodwill', requestKey: key(), managerToken }), 'invalid_input', /amount/],
    ['an adjustment without the manager PIN', (t: TestTill) => t.call('credit:adjust', { customerId: 1, currency: 'GBP', amount: 100, reason: 'Goodwill', requestKey: key(), managerToken: 'a'.repeat(64) }), 'manager_required', /./],
  ] as const)('%s', async (_what, call, code, message) => {
    const t = await till()
    await grant(t, 1, 1000)
    t.order([1])
    const second = t.order([4])
    await t.call('orders:recordCash', { orderId: second.id, tendered: 2900, requestKey: key() })
    const third = t.order([4])
    await t.call('orders:recordCash', { orderId: third.id, tendered: 2000, requestKey: key() })
    // The session is opened before the snapshot: unlocking writes to the store, the refused call must not.
    const managerToken = await manager(t)
    const before = snapshot(t.till.ctx.db)
    const error = await refusal(call(t, managerToken))
    expect(error.code).toBe(code)
    expect(error.message).toMatch(message)
    expect(snapshot(t.till.ctx.db)).toBe(before)
  })

  it('credit waits while a card payment is being authorised (3-D Secure), so both cannot pay the same debt', async () => {
    const t = await till()
    await grant(t, 1, 1000)
    const order = t.order([1])
    const card = await t.call('payments:startCard', { orderId: order.id })
    await payAs(t.stripe, card.paymentIntentId, 'pm_card_authenticationRequired')
    await t.call('payments:sync', { orderId: order.id })
    const before = snapshot(t.till.ctx.db)
    const error = await refusal(t.call('credit:apply', { orderId: order.id, amount: 1000, currency: 'GBP', requestKey: key() }))
    expect(error.message).toMatch(/card payment for order \d+ is in progress/)
    expect(snapshot(t.till.ctx.db)).toBe(before)
  })

  it('a double click on apply (the same request twice at once) applies the credit once', async () => {
    const t = await till()
    await grant(t, 1, 2000)
    const order = t.order([1])
    const requestKey = key()
    const [a, b] = await Promise.all([
      t.call('credit:apply', { orderId: order.id, amount: 1000, currency: 'GBP', requestKey }),
      t.call('credit:apply', { orderId: order.id, amount: 1000, currency: 'GBP', requestKey }),
    ])
    expect(a.amountDue).toBe(3900)
    expect(b).toEqual(a)
    const afterFirst = snapshot(t.till.ctx.db)
    await t.call('credit:apply', { orderId: order.id, amount: 1000, currency: 'GBP', requestKey })
    expect(snapshot(t.till.ctx.db)).toBe(afterFirst)
    expect(t.count('payment', "method = 'credit'")).toBe(1)
    // The same key for another amount is refused, not guessed at.
    const other = await refusal(t.call('credit:apply', { orderId: order.id, amount: 500, currency: 'GBP', requestKey }))
    expect(other.message).toMatch(/already used/)
    expect(snapshot(t.till.ctx.db)).toBe(afterFirst)
  })

  it('two different spends racing for one balance: one is taken, the other refused', async () => {
    const t = await till()
    await grant(t, 1, 2900)
    const [x, y] = [t.order([4]), t.order([4])]
    const results = await Promise.allSettled([
      t.call('credit:apply', { orderId: x.id, amount: 2900, currency: 'GBP', requestKey: key() }),
      t.call('credit:apply', { orderId: y.id, amount: 2900, currency: 'GBP', requestKey: key() }),
    ])
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected'])
    expect((await t.call('credit:get', { customerId: 1 })).balances).toEqual([{ currency: 'GBP', balance: 0 }])
  })

  it('the store refuses an entry that would overdraw, even from a writer that skipped every check', async () => {
    const t = await till()
    await grant(t, 1, 100)
    const before = snapshot(t.till.ctx.db)
    expect(() =>
      t.till.ctx.db.prepare("INSERT INTO credit_entry (account_id, currency, kind, amount, source, reason, actor, created_at) VALUES (1, 'GBP', 'expire', -101, 'manager', 'x', 'test', 0)").run(),
    ).toThrow(/credit_overdraw/)
    expect(() => t.till.ctx.db.prepare('UPDATE credit_entry SET amount = 5').run()).toThrow(/append-only/)
    expect(() => t.till.ctx.db.prepare('DELETE FROM credit_entry').run()).toThrow(/append-only/)
    expect(snapshot(t.till.ctx.db)).toBe(before)
  })

  it('an adjustment needs a reason even when called from inside the main process (not only through the contract)', async () => {
    const t = await till()
    const before = snapshot(t.till.ctx.db)
    expect(() => adjustCredit(t.till.ctx, { customerId: 1, currency: 'GBP', amount: 100, reason: '  ', actor: 'manager', requestKey: key() })).toThrow(/needs a reason/)
    expect(snapshot(t.till.ctx.db)).toBe(before)
  })

  it('a manager adjustment is audited with its reason, and its key adjusts once', async () => {
    const t = await till()
    const managerToken = await manager(t)
    const requestKey = key()
    const input = { customerId: 2, currency: 'EUR', amount: 750, reason: 'Voucher from the fair', requestKey, managerToken }
    await t.call('credit:adjust', input)
    const again = await t.call('credit:adjust', input)
    expect(again.balances).toEqual([{ currency: 'EUR', balance: 750 }])
    expect(again.entries).toHaveLength(1)
    expect(again.entries[0]).toMatchObject({ kind: 'adjust', source: 'manager', reason: 'Voucher from the fair', actor: 'manager' })
    const audit = t.till.ctx.db.prepare("SELECT actor, entity_id, detail FROM audit_log WHERE action = 'credit.adjusted'").all() as Array<{ actor: string; entity_id: string; detail: string }>
    expect(audit).toHaveLength(1)
    expect(audit[0]!.actor).toBe('manager')
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ amount: 750, currency: 'EUR', reason: 'Voucher from the fair', balance: 750 })
  })
})
