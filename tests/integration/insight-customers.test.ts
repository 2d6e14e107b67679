import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getCustomer, listCustomerOrders, listCustomers } from '../../src/main/core/insight/customers'
import type { CustomerSummary } from '../../src/shared/insight'
import { addAccount, addCourse, snapshot } from '../helpers/temp-store'
import { startTestTill, type TestTill } from '../helpers/test-till'
import { insightStore } from './insight-fixtures'

const at = (iso: string) => Date.parse(iso)

function allPages(s: ReturnType<typeof insightStore>, query: string | undefined, limit: number): CustomerSummary[] {
  const seen: CustomerSummary[] = []
  let after: { name: string; id: number } | undefined
  for (let guard = 0; guard < 100; guard++) {
    const page = listCustomers(s.db, { query, after, limit })
    expect(page.customers.length).toBeLessThanOrEqual(limit)
    seen.push(...page.customers)
    if (!page.next) return seen
    after = page.next
  }
  throw new Error('paging did not end')
}

describe('customers', () => {
  it('pages by name then id with no row lost or repeated, even among equal names', () => {
    const s = insightStore()
    const names = ['sam lee', 'Sam Lee', 'Zoë Adams', 'Sam Lee', 'amelia Hart', 'Bob 100% Real', 'Ann_Marie', 'Anne Smith']
    const ids = names.map((name) => addAccount(s.db, name))
    const everyone = allPages(s, undefined, 2)
    expect(everyone.map((c) => c.id).sort((a, b) => a - b)).toEqual(ids)
    const expected = names.map((name, i) => ({ name, id: ids[i]! })).sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()) || a.id - b.id)
    expect(everyone.map((c) => c.id)).toEqual(expected.map((c) => c.id))
    expect(allPages(s, undefined, 100)).toEqual(everyone)
  })

  it('searches name and email, case-insensitively, taking % and _ literally', () => {
    const s = insightStore()
    for (const name of ['Sam Lee', 'Samuel Stone', 'Bob 100% Real', 'Ann_Marie', 'Anne Smith']) addAccount(s.db, name)
    expect(allPages(s, 'SAM', 1).map((c) => c.name)).toEqual(['Sam Lee', 'Samuel Stone'])
    expect(allPages(s, '100%', 5).map((c) => c.name)).toEqual(['Bob 100% Real'])
    expect(allPages(s, 'ann_', 5).map((c) => c.name)).toEqual(['Ann_Marie'])
    const email = s.db.prepare('SELECT email FROM account WHERE name = ?').pluck().get('Anne Smith') as string
    expect(allPages(s, email.toUpperCase(), 5).map((c) => c.name)).toEqual(['Anne Smith'])
    expect(listCustomers(s.db, { query: 'nobody' })).toEqual({ customers: [], next: null })
  })

  it('totals orders, paid, refunded and net per currency, never across currencies', async () => {
    const s = insightStore()
    const gbp = addCourse(s.db, { price: 4900, currency: 'GBP', title: 'Bookkeeping' })
    const gbp2 = addCourse(s.db, { price: 3900, currency: 'GBP', title: 'Excel' })
    const jpy = addCourse(s.db, { price: 6800, currency: 'JPY', title: 'Shodo' })
    const kwd = addCourse(s.db, { price: 15000, currency: 'KWD', title: 'Calligraphy' })
    const amelia = addAccount(s.db, 'Amelia')
    const other = addAccount(s.db, 'Other')
    const first = s.sell(amelia, [gbp], at('2026-11-01T10:00:00Z'))
    s.sell(amelia, [gbp2], at('2026-11-02T10:00:00Z'), 1000)
    const yen = s.sell(amelia, [jpy], at('2026-11-03T10:00:00Z'))
    const dinar = s.sell(amelia, [kwd], at('2026-11-04T10:00:00Z'))
    s.sell(other, [gbp], at('2026-11-04T11:00:00Z'))
    await s.refund(first, 900, at('2026-11-05T10:00:00Z'))
    await s.refund(yen, 6800, at('2026-11-05T11:00:00Z'))

    const [row] = listCustomers(s.db, { query: 'amelia' }).customers
    expect(row!.totals).toEqual([
      { currency: 'GBP', orders: 2, paid: 5900, refunded: 900, net: 5000 },
      { currency: 'JPY', orders: 1, paid: 6800, refunded: 6800, net: 0 },
      { currency: 'KWD', orders: 1, paid: 15000, refunded: 0, net: 15000 },
    ])
    const detail = getCustomer(s.db, amelia)
    expect(detail.totals).toEqual(row!.totals)
    // Owned: the fully paid GBP course (a partial refund keeps it) and KWD; not the part-paid one nor the refunded yen.
    expect(detail.courses.map((c) => [c.title, c.orderId])).toEqual([
      ['Calligraphy', dinar.id],
      ['Bookkeeping', first.id],
    ])
    expect(detail.courses[0]).toMatchObject({ code: expect.stringMatching(/^C-/), grantedAt: at('2026-11-04T10:00:00Z') })
    expect(getCustomer(s.db, other).totals).toEqual([{ currency: 'GBP', orders: 1, paid: 4900, refunded: 0, net: 4900 }])
  })

  it("lists a customer's orders newest first, a page at a time, through equal creation times", () => {
    const s = insightStore()
    const course = addCourse(s.db, { price: 1000, currency: 'EUR' })
    const who = addAccount(s.db)
    const times = ['2026-11-01T10:00:00Z', '2026-11-02T10:00:00Z', '2026-11-02T10:00:00Z', '2026-11-02T10:00:00Z', '2026-11-03T10:00:00Z']
    const ids = times.map((time) => s.sell(who, [course], at(time)).id)
    const seen: number[] = []
    let before: { createdAt: number; id: number } | undefined
    do {
      const page = listCustomerOrders(s.db, { customerId: who, before, limit: 2 })
      seen.push(...page.orders.map((o) => o.id))
      before = page.next ?? undefined
    } while (before)
    expect(seen).toEqual([ids[4], ids[3], ids[2], ids[1], ids[0]])
    const [newest] = listCustomerOrders(s.db, { customerId: who, limit: 1 }).orders
    expect(newest).toMatchObject({ id: ids[4], accountId: who, amount: 1000, currency: 'EUR', status: 'successful', accountName: 'Test Customer' })
  })
})

describe('customer channels through the API', () => {
  let t: TestTill
  beforeAll(async () => {
    t = await startTestTill()
  })
  afterAll(async () => {
    await t?.close()
  })

  it('answers the demo customers and refuses bad input clearly without writing', async () => {
    const before = snapshot(t.till.ctx.db)
    const page = await t.call('customers:list', { limit: 3 })
    expect(page.customers).toHaveLength(3)
    expect(page.next).not.toBeNull()
    const next = await t.call('customers:list', { limit: 3, after: page.next! })
    expect(next.customers.map((c) => c.id)).not.toContain(page.customers[0]!.id)
    const cases: Array<[string, Record<string, unknown>, string, RegExp]> = [
      ['customers:list', { limit: 0 }, 'invalid_input', /limit/],
      ['customers:list', { limit: 101 }, 'invalid_input', /limit/],
      ['customers:list', { query: 'x'.repeat(201) }, 'invalid_input', /query/],
      ['customers:list', { after: { name: 'a', id: -1 } }, 'invalid_input', /after\.id/],
      ['customers:list', { after: { name: 'a' } }, 'invalid_input', /after\.id/],
      ['customers:get', { customerId: 999999 }, 'not_found', /Customer 999999 does not exist/],
      ['customers:get', { customerId: '1' }, 'invalid_input', /customerId/],
      ['customers:orders', { customerId: 999999 }, 'not_found', /Customer 999999 does not exist/],
      ['customers:orders', { customerId: 1, before: { createdAt: -5, id: 1 } }, 'invalid_input', /before\.createdAt/],
    ]
    for (const [channel, input, code, message] of cases) {
      await expect(t.call(channel as 'customers:list', input as never)).rejects.toMatchObject({ code, message: expect.stringMatching(message) })
    }
    expect(snapshot(t.till.ctx.db)).toBe(before)
  })
})
