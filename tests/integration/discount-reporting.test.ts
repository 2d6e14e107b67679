// Discounts after they are given: in the orders CSV and Reports, the limit set in Settings, and taken back off.
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import type { DiscountTotals } from '../../src/shared/contract/discounts'
import type { OrderDetail } from '../../src/shared/domain'
import type { OrderExport } from '../../src/shared/history'
import type { RevenueReport } from '../../src/shared/insight'
import type { ChannelInput, Channel } from '../../src/shared/ipc-contract'
import { dispatchAs, ownerAndCashierOnShift, valueOf } from '../helpers/staff-calls'
import { snapshot } from '../helpers/temp-store'
import { startTestTill, type TestTill } from '../helpers/test-till'

let t: TestTill
afterEach(async () => {
  await t?.close()
})

const as = <C extends Channel>(token: string | null, channel: C, input: ChannelInput<C>) => dispatchAs(t, token, channel, input)
const value = valueOf
const db = () => t.till.ctx.db

const people = () => ownerAndCashierOnShift(t)

/** RFC 4180 lines of the export (our test data has no quoted line breaks). */
function csvRows(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean)
    .map((line) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].slice(0, -1).map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"')))
}

const today = () => new Date().toISOString().slice(0, 10)

describe('discounts in the CSV and Reports', () => {
  it('the CSV has each order’s discount and Reports total them per currency for paid sales only, equal to the store', async () => {
    t = await startTestTill()
    const { owner, cashier } = await people()
    const sale = async (courseIds: number[], discount: ChannelInput<'orders:discount'>['value'] | null, pay: boolean) => {
      const order = await value<OrderDetail>(as(cashier, 'orders:create', { accountId: 1, courseIds, confirmOwned: courseIds }))
      if (discount !== null) await value(as(cashier, 'orders:discount', { orderId: order.id, courseId: null, kind: 'percent', value: discount, reason: 'Regular' }))
      const priced = await value<OrderDetail>(as(cashier, 'orders:get', { orderId: order.id }))
      if (pay) await value(as(cashier, 'orders:recordCash', { orderId: order.id, tendered: priced.amount }))
      return priced
    }
    const gbp = await sale([1, 2], 1_000, true) // 10 % of £88.00 = £8.80
    const jpy = await sale([9], 500, true) // 5 % of ¥6,800 = ¥340
    const plain = await sale([2], null, true)
    const unpaid = await sale([1], 250, false) // 2.5 % of £49.00 = £1.23, never paid
    const canceled = await sale([2], 800, false)
    await value(as(cashier, 'orders:cancel', { orderId: canceled.id }))

    const file = await value<OrderExport>(as(owner, 'orders:export', { managerToken: owner }))
    const [header, ...rows] = csvRows(readFileSync(file.path, 'utf8'))
    const col = (name: string) => header!.indexOf(name)
    expect(col('discount')).toBe(header!.indexOf('payment_methods') + 1)
    const discountOf = (id: number) => rows.find((r) => Number(r[0]) === id)![col('discount')]
    expect([gbp, jpy, plain, unpaid, canceled].map((o) => discountOf(o.id))).toEqual(['8.80', '340', '0.00', '1.23', '3.12'])
    // Amount is what is charged, after the discount: amount + discount is the price.
    expect(rows.find((r) => Number(r[0]) === gbp.id)![col('amount')]).toBe('79.20')
    const byStore = db().prepare('SELECT order_id AS id, sum(amount) AS amount FROM order_discount GROUP BY order_id').all() as Array<{ id: number; amount: number }>
    for (const { id, amount } of byStore) expect(Number(discountOf(id)!.replace('.', ''))).toBe(amount)

    const report = await value<DiscountTotals>(as(cashier, 'reports:discounts', { from: today(), to: today(), timeZone: 'UTC' }))
    expect(report.currencies).toEqual([
      { currency: 'GBP', count: 1, amount: 880 },
      { currency: 'JPY', count: 1, amount: 340 },
    ])
    const query = db()
      .prepare(
        `SELECT o.currency, count(*) AS count, sum(d.amount) AS amount FROM order_discount d JOIN purchase_order o ON o.id = d.order_id
          WHERE o.status IN ('successful', 'partially_refunded', 'refunded') GROUP BY o.currency ORDER BY o.currency`,
      )
      .all()
    expect(report.currencies).toEqual(query)
    // Revenue per course counts what each course was sold for, so the courses add up to the takings.
    const revenue = await value<RevenueReport>(as(cashier, 'reports:revenue', { from: today(), to: today(), timeZone: 'UTC' }))
    const pounds = revenue.currencies.find((c) => c.currency === 'GBP')!
    expect(pounds.gross).toBe(7_920 + 3_900)
    expect(Object.fromEntries(pounds.courses.map((c) => [c.courseId, c.gross]))).toEqual({ 1: 4_410, 2: 3_510 + 3_900 })
    expect(revenue.currencies.find((c) => c.currency === 'JPY')!.courses.map((c) => c.gross)).toEqual([6_460])
    // Another period holds none; a reversed one is refused.
    expect((await value<DiscountTotals>(as(cashier, 'reports:discounts', { from: '2020-01-01', to: '2020-01-31', timeZone: 'UTC' }))).currencies).toEqual([])
    expect(await as(cashier, 'reports:discounts', { from: '2020-02-01', to: '2020-01-31' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    // A day that is not a date is named alone, not also called a period too long.
    expect(await as(cashier, 'reports:discounts', { from: '2020-02-30', to: '2020-03-31' })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/from: a date as YYYY-MM-DD$/) } })
  })
})

describe('the discount limit in Settings', () => {
  it('is a manager’s setting, 0–100 whole percent; a changed limit decides what a cashier may give alone', async () => {
    t = await startTestTill()
    const { owner, cashier } = await people()
    const before = snapshot(db())
    expect(await as(cashier, 'settings:setDiscountLimit', { percent: 20, managerToken: cashier })).toMatchObject({ ok: false, error: { code: 'manager_required' } })
    for (const percent of [-1, 101, 12.5]) expect(await as(owner, 'settings:setDiscountLimit', { percent, managerToken: owner })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(snapshot(db())).toBe(before)

    const order = await value<OrderDetail>(as(cashier, 'orders:create', { accountId: 1, courseIds: [1], confirmOwned: [1] }))
    const fifteen = { orderId: order.id, courseId: null, kind: 'percent' as const, value: 1_500, reason: 'Staff friend' }
    expect(await as(cashier, 'orders:discount', fifteen)).toMatchObject({ ok: false, error: { code: 'manager_required', message: expect.stringMatching(/above 10 %/) } })
    expect(await value(as(owner, 'settings:setDiscountLimit', { percent: 20, managerToken: owner }))).toEqual({ percent: 20 })
    expect(await value(as(cashier, 'settings:discountLimit', {}))).toEqual({ percent: 20 })
    expect((await value<OrderDetail>(as(cashier, 'orders:discount', fifteen))).amount).toBe(4_165)
    expect(db().prepare("SELECT detail, staff_id AS staffId FROM audit_log WHERE action = 'settings.discount_limit'").get()).toEqual({ detail: '{"percent":20}', staffId: 1 })
  })
})

describe('removing a discount', () => {
  it('takes it off an unpaid order, restores the price, records who removed it; refused once paid and changes nothing', async () => {
    t = await startTestTill()
    const { cashier, cashierId, ownerId } = await people()
    const order = await value<OrderDetail>(as(cashier, 'orders:create', { accountId: 1, courseIds: [1, 2], confirmOwned: [1, 2] }))
    const approval = await value<{ token: string }>(as(cashier, 'staff:approve', { staffId: ownerId, pin: '1111' }))
    const line = await value<OrderDetail>(as(cashier, 'orders:discount', { orderId: order.id, courseId: 2, kind: 'amount', value: 500, reason: 'Scuffed' }))
    const both = await value<OrderDetail>(as(cashier, 'orders:discount', { orderId: order.id, courseId: null, kind: 'amount', value: 1_000, reason: 'Launch', managerToken: approval.token }))
    expect(both.amount).toBe(7_300)

    const unchanged = snapshot(db())
    expect(await as(cashier, 'orders:removeDiscount', { orderId: order.id, discountId: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(await as(null, 'orders:removeDiscount', { orderId: order.id, discountId: line.discounts[0]!.id })).toMatchObject({ ok: false, error: { code: 'signin_required' } })
    expect(snapshot(db())).toBe(unchanged)

    const orderWide = both.discounts.find((d) => d.courseId === null)!
    const removed = await value<OrderDetail>(as(cashier, 'orders:removeDiscount', { orderId: order.id, discountId: orderWide.id }))
    expect(removed.amount).toBe(8_300)
    expect(removed.discounts.map((d) => d.reason)).toEqual(['Scuffed'])
    expect(removed.items.map((i) => i.netAmount)).toEqual([4_900, 3_400])
    const trail = db().prepare("SELECT staff_id AS staffId, detail FROM audit_log WHERE action = 'order.discount_removed'").all() as Array<{ staffId: number; detail: string }>
    expect(trail).toHaveLength(1)
    expect(trail[0]!.staffId).toBe(cashierId)
    expect(JSON.parse(trail[0]!.detail)).toMatchObject({ discountId: orderWide.id, amount: 1_000, reason: 'Launch', givenBy: 'Cass', approvedBy: 'Olivia' })
    // The line is free again: the same discount can be given anew.
    expect((await value<OrderDetail>(as(cashier, 'orders:discount', { orderId: order.id, courseId: null, kind: 'amount', value: 300, reason: 'Smaller' }))).amount).toBe(8_000)

    const paid = await value<OrderDetail>(as(cashier, 'orders:recordCash', { orderId: order.id, tendered: 8_000 }))
    expect(paid.status).toBe('successful')
    const after = snapshot(db())
    expect(await as(cashier, 'orders:removeDiscount', { orderId: order.id, discountId: paid.discounts[0]!.id })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/before payment/) } })
    expect(snapshot(db())).toBe(after)
  })
})
