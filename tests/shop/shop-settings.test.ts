import { afterAll, describe, expect, it } from 'vitest'
import { AppError } from '../../src/shared/errors'
import { snapshot } from '../helpers/temp-store'
import { startLiveTill, testCipher, type LiveTill } from '../integration/live-fixtures'
import { shopQuery, useShop } from './shop-fixtures'

// Settings → Shop database (issue 16): an owner enters the PostgreSQL URL; it is checked, tried, stored encrypted
// like the Stripe secret key, never shown back with its password, and shop mode starts and stops without a restart.
const shop = useShop()
const cipherKey = Buffer.alloc(32, 7)
const tills: LiveTill[] = []
afterAll(async () => {
  await Promise.all(tills.map((t) => t.close()))
})

const PASSWORD = 'pw-Sh0p-s3cret'
const withPassword = (url: string) => url.replace('postgresql://shop@', `postgresql://shop:${PASSWORD}@`)

async function till(options: { env?: Record<string, string>; dataDir?: string; cipher?: boolean; key?: ReturnType<typeof Buffer.alloc> } = {}) {
  const started = await startLiveTill(options.env ?? {}, {
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    secrets: options.cipher === false ? { cipher: null } : { cipher: testCipher(options.key ?? cipherKey) },
  })
  tills.push(started)
  return started
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e)
  expect(error).toBeInstanceOf(AppError)
  return error as AppError
}

const triggers = (t: LiveTill) => t.till.ctx.db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'shop_outbox_%'").pluck().get() as number

async function sell(t: LiveTill): Promise<number> {
  const order = await t.call('orders:create', { accountId: 1, courseIds: [1], confirmOwned: [1] })
  return order.id
}

describe('the shop database URL in Settings', () => {
  it('refuses a URL that is not PostgreSQL, names no host or database, or does not answer, and changes nothing', async () => {
    const t = await till()
    const managerToken = await t.managerToken()
    const before = snapshot(t.till.ctx.db)
    const badPort = shop.cluster.url.replace(`:${shop.cluster.port}/`, ':1/')
    const cases: Array<[string, string, RegExp]> = [
      ['mysql://shop@127.0.0.1/shop', 'invalid_input', /starts postgresql:\/\/ or postgres:\/\//],
      ['shop database please', 'invalid_input', /not a URL/],
      ['postgresql:///shop', 'invalid_input', /names no host/],
      [`postgresql://shop@127.0.0.1:${shop.cluster.port}`, 'invalid_input', /names no database/],
      [shop.cluster.url.replace(/\/shop$/, '/no_such_shop'), 'invalid_input', /no database "no_such_shop"/],
      [badPort, 'unavailable', /Nothing answers at 127\.0\.0\.1:1/],
    ]
    for (const [url, code, message] of cases) {
      const error = await refusal(t.call('settings:saveShopDatabaseUrl', { managerToken, url }))
      expect([error.code, error.message, error.details?.field]).toEqual([code, expect.stringMatching(message), 'url'])
    }
    expect(snapshot(t.till.ctx.db)).toBe(before)
    expect(t.till.shop).toBeNull()
    expect(triggers(t)).toBe(0)
  })

  it('saves it encrypted, shows it masked, starts shop mode at once, keeps it across a restart and stops on Remove', async () => {
    const t = await till()
    const managerToken = await t.managerToken()
    const url = withPassword(shop.cluster.url)
    const orderBefore = await sell(t)
    const saved = await t.call('settings:saveShopDatabaseUrl', { managerToken, url })
    expect(saved).toMatchObject({ source: 'saved', cannotSave: null, status: { enabled: true } })
    expect(saved.target).toEqual({ host: '127.0.0.1', port: shop.cluster.port, database: 'shop', user: 'shop', passwordSet: true })
    const shown = JSON.stringify([saved, await t.call('settings:shopDatabase', {})])
    expect(shown).not.toContain(PASSWORD)
    const { db } = t.till.ctx
    const stored = db.prepare("SELECT value FROM app_setting WHERE key = 'secret:shop_database_url'").pluck().get() as string
    expect(stored).toMatch(/^enc1:/)
    expect(Buffer.from(stored.slice(5), 'base64').toString('latin1')).not.toContain(PASSWORD)
    // The log scrubs the password wherever a driver's error might carry it.
    t.till.log.warn('shop.test_line', { error: new Error(`could not connect with ${url}`) })
    expect(t.till.log.tail(5).join('\n')).toContain('shop.test_line')
    expect(t.till.log.tail(5).join('\n')).not.toContain(PASSWORD)
    const audit = db.prepare("SELECT detail FROM audit_log WHERE action = 'settings.shop_database_saved'").pluck().get() as string
    expect(JSON.parse(audit)).toEqual({ url: `postgresql://shop:•••@127.0.0.1:${shop.cluster.port}/shop` })

    // No restart: an order from before and one from after are both in the shop book.
    const orderAfter = await sell(t)
    await t.till.shop!.settled()
    const inShop = await shopQuery<{ id: number }>(shop.cluster, 'SELECT id FROM shop_order WHERE installation = $1 ORDER BY id', [t.till.ctx.installationId])
    expect(inShop.map((r) => Number(r.id))).toEqual([orderBefore, orderAfter])

    await t.close()
    const again = await till({ dataDir: t.dataDir })
    await again.managerToken()
    expect((await again.call('settings:shopDatabase', {})).source).toBe('saved')
    expect(again.till.shop).not.toBeNull()
    await again.till.shop!.settled()

    const removed = await again.call('settings:removeShopDatabaseUrl', { managerToken: await again.managerToken() })
    expect(removed).toMatchObject({ source: null, target: null, status: { enabled: false } })
    expect(again.till.shop).toBeNull()
    expect(triggers(again)).toBe(0)
    const store = again.till.ctx.db
    expect(store.prepare("SELECT count(*) FROM app_setting WHERE key = 'secret:shop_database_url'").pluck().get()).toBe(0)
    store.prepare('DELETE FROM sync_outbox').run()
    await sell(again)
    expect(store.prepare('SELECT count(*) FROM sync_outbox').pluck().get()).toBe(0)
  })

  it('a second Save while the first is still connecting is refused, not interleaved', async () => {
    const t = await till()
    const managerToken = await t.managerToken()
    const first = t.call('settings:saveShopDatabaseUrl', { managerToken, url: shop.cluster.url })
    const second = await refusal(t.call('settings:saveShopDatabaseUrl', { managerToken, url: shop.cluster.url }))
    expect([second.code, second.message]).toEqual(['conflict', expect.stringMatching(/being changed already/)])
    expect((await first).status.enabled).toBe(true)
  })

  it('a saved URL this machine cannot decrypt leaves shop mode off and says why', async () => {
    const t = await till()
    await t.call('settings:saveShopDatabaseUrl', { managerToken: await t.managerToken(), url: shop.cluster.url })
    await t.close()
    const elsewhere = await till({ dataDir: t.dataDir, key: Buffer.alloc(32, 9) })
    await elsewhere.managerToken()
    const settings = await elsewhere.call('settings:shopDatabase', {})
    expect(settings).toMatchObject({ source: null, status: { enabled: false } })
    expect(settings.problem).toMatch(/cannot be decrypted on this machine.*shop mode is off until the URL is entered again/)
    expect(elsewhere.till.shop).toBeNull()
  })

  it('the environment wins: Settings shows its URL masked and refuses to save or remove one', async () => {
    const t = await till({ env: { COURSETILL_SHOP_DATABASE_URL: withPassword(shop.cluster.url) } })
    const managerToken = await t.managerToken()
    const settings = await t.call('settings:shopDatabase', {})
    expect(settings).toMatchObject({ source: 'environment', target: { host: '127.0.0.1', passwordSet: true }, status: { enabled: true } })
    expect(settings.cannotSave).toMatch(/COURSETILL_SHOP_DATABASE_URL is set in the environment and wins/)
    expect(JSON.stringify(settings)).not.toContain(PASSWORD)
    const before = snapshot(t.till.ctx.db, ['sync_outbox', 'shop_sync_state', 'shop_pull_cursor', 'shop_order_copy', 'shop_grant_copy', 'account', 'course'])
    for (const attempt of [t.call('settings:saveShopDatabaseUrl', { managerToken, url: shop.cluster.url }), t.call('settings:removeShopDatabaseUrl', { managerToken })]) {
      const error = await refusal(attempt)
      expect([error.code, error.message]).toEqual(['conflict', expect.stringMatching(/environment and wins/)])
    }
    expect(snapshot(t.till.ctx.db, ['sync_outbox', 'shop_sync_state', 'shop_pull_cursor', 'shop_order_copy', 'shop_grant_copy', 'account', 'course'])).toBe(before)
    expect(t.till.shop).not.toBeNull()
  })

  it('without an encrypted store (the browser host) nothing is saved and Settings says to use the environment', async () => {
    const t = await till({ cipher: false })
    const settings = await t.call('settings:shopDatabase', {})
    expect(settings.cannotSave).toMatch(/no encrypted store.*COURSETILL_SHOP_DATABASE_URL/)
    const managerToken = await t.managerToken()
    const before = snapshot(t.till.ctx.db)
    const error = await refusal(t.call('settings:saveShopDatabaseUrl', { managerToken, url: shop.cluster.url }))
    expect(error.code).toBe('conflict')
    expect(snapshot(t.till.ctx.db)).toBe(before)
    expect(t.till.shop).toBeNull()
  })

  it('pointing the till at another shop book forgets what it pulled from the old one and pushes everything again', async () => {
    await shopQuery(shop.cluster, 'CREATE DATABASE other_shop')
    const [a, b] = [await till(), await till()]
    for (const t of [a, b]) await t.call('settings:saveShopDatabaseUrl', { managerToken: await t.managerToken(), url: shop.cluster.url })
    const sold = await sell(a)
    await a.call('shifts:open', { floats: [] })
    await a.call('orders:recordCash', { orderId: sold, tendered: 100_000 })
    await sell(b)
    for (let round = 0; round < 2; round++) for (const t of [a, b]) await t.till.shop!.settled()
    const pulled = (table: string) => b.till.ctx.db.prepare(`SELECT count(*) FROM ${table} WHERE installation = ?`).pluck().get(a.till.ctx.installationId) as number
    const copies = () => pulled('shop_order_copy') + pulled('shop_payment_copy')
    expect([pulled('shop_order_copy'), pulled('shop_payment_copy')]).toEqual([1, 1])
    const otherUrl = shop.cluster.url.replace(/\/shop$/, '/other_shop')
    await b.call('settings:saveShopDatabaseUrl', { managerToken: await b.managerToken(), url: otherUrl })
    await b.till.shop!.settled()
    expect(copies()).toBe(0)
    const mine = b.till.ctx.db.prepare('SELECT id FROM purchase_order ORDER BY id').pluck().all()
    const other = await shopQuery<{ id: number }>({ ...shop.cluster, url: otherUrl }, 'SELECT id FROM shop_order WHERE installation = $1 ORDER BY id', [b.till.ctx.installationId])
    expect(other.map((r) => Number(r.id))).toEqual(mine)
  })
})
