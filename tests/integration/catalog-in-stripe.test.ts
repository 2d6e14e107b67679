import { afterEach, describe, expect, it } from 'vitest'
import { startSandbox, type SandboxHandle } from '@coursetill/stripe-sandbox'
import { startTestTill, type TestTill } from '../helpers/test-till'

let tills: TestTill[] = []
let shared: SandboxHandle | null = null
afterEach(async () => {
  for (const till of tills) await till.close()
  tills = []
  await shared?.close()
  shared = null
})

async function till(options: Parameters<typeof startTestTill>[0] = {}) {
  const started = await startTestTill(options)
  tills.push(started)
  return started
}

const activeCourses = (t: TestTill) => t.count('course', 'active = 1')

describe('the catalog in Stripe', () => {
  it('publishes each course as a product with a price found by its lookup key; publishing again changes nothing', async () => {
    const t = await till()
    const token = await t.managerToken()
    const status = await t.call('catalog:setPublishing', { enabled: true, managerToken: token })
    expect(status).toMatchObject({ enabled: true, published: activeCourses(t), pending: 0, lastRun: { published: activeCourses(t), archived: 0 } })
    const [price] = (await t.stripe.prices.list({ lookup_keys: ['coursetill_course_BOOK-101'] })).data
    expect(price).toMatchObject({ unit_amount: 4900, currency: 'gbp', active: true, product: 'coursetill_course_BOOK-101' })
    expect(price!.metadata).toMatchObject({ coursetill_install: t.till.ctx.installationId, coursetill_course_code: 'BOOK-101' })
    const prices = (await t.stripe.prices.list({ limit: 100 })).data.length
    const again = await t.call('catalog:setPublishing', { enabled: true, managerToken: token })
    expect(again.lastRun).toEqual({ published: 0, archived: 0, unchanged: t.count('course') })
    expect((await t.stripe.prices.list({ limit: 100 })).data.length).toBe(prices)
  })

  it('a new price takes the lookup key and the old one is archived; a retired course is archived, at catch-up', async () => {
    const t = await till()
    await t.call('catalog:setPublishing', { enabled: true, managerToken: await t.managerToken() })
    const [old] = (await t.stripe.prices.list({ lookup_keys: ['coursetill_course_BOOK-101'] })).data
    t.till.ctx.db.prepare("UPDATE course SET price_amount = 5400 WHERE code = 'BOOK-101'").run()
    t.till.ctx.db.prepare("UPDATE course SET active = 0 WHERE code = 'XLS-110'").run()
    expect((await t.call('catalog:stripe', {})).pending).toBe(1)
    expect((await t.till.payments.catchUp.run()).state).toBe('idle')
    const [current] = (await t.stripe.prices.list({ lookup_keys: ['coursetill_course_BOOK-101'] })).data
    expect(current).toMatchObject({ unit_amount: 5400, active: true, product: 'coursetill_course_BOOK-101' })
    expect(await t.stripe.prices.retrieve(old!.id)).toMatchObject({ active: false, lookup_key: null })
    expect((await t.stripe.products.retrieve('coursetill_course_XLS-110')).active).toBe(false)
    expect(await t.call('catalog:stripe', {})).toMatchObject({ archived: 1, pending: 0, published: activeCourses(t) })
  })

  it('two tills on one account share one product and one price per course', async () => {
    shared = await startSandbox({ delivery: { retryScheduleMs: [100, 200] } })
    const a = await till({ sharedSandbox: shared })
    const b = await till({ sharedSandbox: shared })
    await a.call('catalog:setPublishing', { enabled: true, managerToken: await a.managerToken() })
    const afterA = (await a.stripe.prices.list({ limit: 100 })).data.length
    // Till B sells one course at a new price: it reuses the shop's product for it and adds only that price.
    b.till.ctx.db.prepare("UPDATE course SET price_amount = 5400 WHERE code = 'BOOK-101'").run()
    const byB = await b.call('catalog:setPublishing', { enabled: true, managerToken: await b.managerToken() })
    expect(byB.published).toBe(activeCourses(b))
    expect((await a.stripe.prices.list({ limit: 100 })).data.length).toBe(afterA + 1)
    const [book] = (await a.stripe.prices.list({ lookup_keys: ['coursetill_course_BOOK-101'] })).data
    expect(book).toMatchObject({ unit_amount: 5400, product: 'coursetill_course_BOOK-101' })
    const products = (await a.stripe.products.list({ limit: 100 })).data.filter((p) => p.id.startsWith('coursetill_course_'))
    expect(products).toHaveLength(activeCourses(a))
  })

  it('is off until a manager turns it on: nothing is created in Stripe', async () => {
    const t = await till()
    expect((await t.till.payments.catchUp.run()).state).toBe('idle')
    expect((await t.stripe.prices.list({ lookup_keys: ['coursetill_course_BOOK-101'] })).data).toEqual([])
    expect(await t.call('catalog:stripe', {})).toMatchObject({ enabled: false, published: 0 })
    await expect(t.call('catalog:setPublishing', { enabled: true, managerToken: 'f'.repeat(64) })).rejects.toThrow()
  })
})
