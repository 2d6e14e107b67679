import { afterEach, describe, expect, it } from 'vitest'
import { snapshot } from '../helpers/temp-store'
import { startTestTill, type TestTill } from '../helpers/test-till'

let t: TestTill
afterEach(async () => {
  await t?.close()
})

async function refusal(call: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await call
  } catch (error) {
    const { code, message } = error as { code: string; message: string }
    return { code, message }
  }
  throw new Error('expected a refusal')
}

describe("the shop's time zone and locale", () => {
  it("buckets report days in the shop's zone, not the zone of the machine asking", async () => {
    t = await startTestTill()
    const managerToken = await t.managerToken()
    // 11:30 UTC on 10 March is already 00:30 on 11 March in Auckland (UTC+13 then).
    const sale = Date.parse('2026-03-10T11:30:00Z')
    const clock = t.till.ctx.now
    t.till.ctx.now = () => sale
    try {
      t.till.handlers['orders:recordCash']({ orderId: t.order([1]).id, tendered: 4900 })
    } finally {
      t.till.ctx.now = clock
    }
    const gross = async (day: string) => (await t.call('reports:revenue', { from: day, to: day })).currencies[0]?.gross ?? 0

    const auckland = await t.call('settings:setShopLocale', { managerToken, timeZone: 'Pacific/Auckland', locale: 'en-NZ' })
    expect(auckland).toMatchObject({ timeZone: 'Pacific/Auckland', locale: 'en-NZ' })
    expect(await gross('2026-03-11')).toBe(4900)
    expect(await gross('2026-03-10')).toBe(0)

    await t.call('settings:setShopLocale', { managerToken, timeZone: 'Europe/London', locale: 'en-GB' })
    expect((await t.call('app:info', {})).timeZone).toBe('Europe/London')
    expect(await gross('2026-03-10')).toBe(4900)
    expect(await gross('2026-03-11')).toBe(0)
    // A caller may still ask for another zone explicitly.
    expect((await t.call('reports:revenue', { from: '2026-03-11', to: '2026-03-11', timeZone: 'Pacific/Auckland' })).timeZone).toBe('Pacific/Auckland')
  })

  it('refuses an unknown zone or locale and changes nothing; only a manager may set them', async () => {
    t = await startTestTill()
    const managerToken = await t.managerToken()
    const before = snapshot(t.till.ctx.db)
    expect(await refusal(t.call('settings:setShopLocale', { managerToken, timeZone: 'Mars/Olympus_Mons', locale: 'en-GB' }))).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/not a time zone/) })
    expect(await refusal(t.call('settings:setShopLocale', { managerToken, timeZone: 'Europe/Paris', locale: 'not a locale!' }))).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/not a language/) })
    expect((await t.till.dispatch('settings:setShopLocale', { managerToken: 'c'.repeat(64), timeZone: 'Europe/Paris', locale: 'fr-FR' })).ok).toBe(false)
    expect(snapshot(t.till.ctx.db)).toBe(before)
  })
})
