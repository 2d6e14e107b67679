import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { LiveEvent } from '../../src/shared/domain'
import type { LiveStatus } from '../../src/shared/live'
import { snapshot } from '../helpers/temp-store'
import { fakeStripe, startLiveTill, testCipher, type LiveTill } from './live-fixtures'

const SECRET = 'sk_test_51SecretPart9876'
const PUBLISHABLE = 'pk_test_51PublicPart1234'
/** Any secret key material: a prefix followed by key characters (the masked hint has "…" there instead). */
const KEY_MATERIAL = /(sk|rk)_(test|live)_[A-Za-z0-9]/

let t: LiveTill | undefined
let account: Awaited<ReturnType<typeof fakeStripe>> | undefined
afterEach(async () => {
  await t?.close()
  await account?.close()
  t = account = undefined
})

const refusal = (promise: Promise<unknown>) => promise.then(() => { throw new Error('was accepted') }, (error: { code: string; message: string; details?: { field?: string } }) => error)

describe('saving Stripe keys in Settings', () => {
  it('checks the key with Stripe first: a key Stripe refuses is a clear error on its field and nothing is saved', async () => {
    account = await fakeStripe({ enabled: false })
    t = await startLiveTill({ STRIPE_API_URL: account.url }, { secrets: { cipher: testCipher() } })
    const managerToken = await t.managerToken()
    const before = snapshot(t.till.ctx.db)
    // The sandbox, like Stripe for a wrong key, answers 401 to anything but a test key.
    const refused = await refusal(t.call('settings:saveKeys', { managerToken, secretKey: 'sk_live_51WrongKey0000', publishableKey: 'pk_live_51WrongKey0000' }))
    expect(refused).toMatchObject({ code: 'invalid_input', details: { field: 'secretKey' }, message: expect.stringMatching(/Stripe did not accept sk_live_…0000/) })
    const mixed = await refusal(t.call('settings:saveKeys', { managerToken, secretKey: SECRET, publishableKey: 'pk_live_51WrongKey0000' }))
    expect(mixed).toMatchObject({ code: 'invalid_input', details: { field: 'publishableKey' } })
    expect(snapshot(t.till.ctx.db)).toBe(before)
    expect((await t.call('settings:status', {})).keys).toMatchObject({ mode: 'sandbox', source: 'sandbox' })
  })

  it('needs the manager', async () => {
    account = await fakeStripe({ enabled: false })
    t = await startLiveTill({ STRIPE_API_URL: account.url }, { secrets: { cipher: testCipher() } })
    await t.managerToken()
    const refused = await refusal(t.till.dispatch('settings:saveKeys', { managerToken: 'f'.repeat(64), secretKey: SECRET, publishableKey: PUBLISHABLE }).then((e) => (e.ok ? e : Promise.reject(e.error))))
    expect(refused.code).toBe('manager_required')
  })

  it('stores the secret encrypted, switches payments to Stripe at once, and never hands the secret back', async () => {
    account = await fakeStripe({ enabled: false })
    const key = randomBytes(32)
    t = await startLiveTill({ STRIPE_API_URL: account.url }, { secrets: { cipher: testCipher(key) } })
    const events: LiveEvent[] = []
    t.till.ctx.bus.subscribe((event) => events.push(event))
    const managerToken = await t.managerToken()
    const saved = await t.call('settings:saveKeys', { managerToken, secretKey: ` ${SECRET} `, publishableKey: PUBLISHABLE })
    expect(saved.keys).toEqual({ mode: 'test', source: 'saved', publishableKey: PUBLISHABLE, secretKeyHint: 'sk_test_…9876', cannotSave: null, problem: null })
    expect(saved.tunnel.note).toMatch(/will not arrive/)

    // Applied without a restart: the app reports test mode, and a card payment is created on the Stripe account.
    const info = await t.call('app:info', {})
    expect(info).toMatchObject({ mode: 'test', stripe: { publishableKey: PUBLISHABLE, sandboxApiUrl: null } })
    expect(t.till.payments.sandbox).toBeNull()
    const order = await t.call('orders:create', { accountId: 1, courseIds: [1] })
    const checkout = await t.call('payments:startCard', { orderId: order.id })
    expect((await account.stripe.paymentIntents.retrieve(checkout.paymentIntentId)).amount).toBe(4900)
    expect((await t.call('sync:run', {})).state).toBe('idle')

    // Every result a window can get, and every live event, is free of key material.
    const results = await Promise.all([
      t.call('app:info', {}),
      t.call('settings:status', {}),
      t.call('sync:status', {}),
      t.call('manager:status', {}),
      t.call('logs:tail', { managerToken, lines: 2000 }),
      t.call('settings:setShopName', { managerToken, shopName: 'Till One' }),
      t.call('orders:get', { orderId: order.id }),
    ])
    for (const result of [saved, ...results, ...events]) {
      expect(JSON.stringify(result)).not.toMatch(KEY_MATERIAL)
      expect(JSON.stringify(result)).not.toContain('SecretPart')
    }

    // On disk: encrypted in the store (main file and WAL), never in the log, audited without the key.
    t.till.ctx.db.pragma('wal_checkpoint(TRUNCATE)')
    const files = ['coursetill.db', 'coursetill.db-wal', 'logs/coursetill.log'].map((name) => {
      try {
        return readFileSync(join(t!.dataDir, name)).toString('latin1')
      } catch {
        return ''
      }
    })
    for (const content of files) expect(content).not.toContain('SecretPart')
    const audit = t.till.ctx.db.prepare("SELECT detail FROM audit_log WHERE action = 'settings.stripe_keys_saved'").pluck().get() as string
    expect(JSON.parse(audit)).toEqual({ mode: 'test', secretKey: 'sk_test_…9876', publishableKey: PUBLISHABLE })

    // A restart with the same keychain reads the keys back; another keychain cannot, and says so.
    const dataDir = t.dataDir
    await t.close()
    t = await startLiveTill({ STRIPE_API_URL: account.url }, { dataDir, secrets: { cipher: testCipher(key) } })
    await t.managerToken() // a restart signs everyone out
    expect((await t.call('settings:status', {})).keys).toMatchObject({ mode: 'test', source: 'saved', secretKeyHint: 'sk_test_…9876' })
    await t.close()
    t = await startLiveTill({ STRIPE_API_URL: account.url }, { dataDir, secrets: { cipher: testCipher() } })
    await t.managerToken()
    expect((await t.call('settings:status', {})).keys).toMatchObject({ mode: 'sandbox', problem: expect.stringMatching(/cannot be decrypted/) })
  })

  it('forgetting the keys goes back to the sandbox, which delivers webhooks again', async () => {
    account = await fakeStripe({ enabled: false })
    t = await startLiveTill({ STRIPE_API_URL: account.url }, { secrets: { cipher: testCipher() } })
    const managerToken = await t.managerToken()
    await t.call('settings:saveKeys', { managerToken, secretKey: SECRET, publishableKey: PUBLISHABLE })
    const back: LiveStatus = await t.call('settings:forgetKeys', { managerToken })
    expect(back).toMatchObject({ keys: { mode: 'sandbox', source: 'sandbox' }, endpoint: { state: 'registered' }, webhooksArrive: true })
    expect((await t.call('app:info', {})).mode).toBe('sandbox')
    expect(t.till.payments.sandbox).not.toBeNull()
    expect(t.till.ctx.db.prepare("SELECT count(*) FROM app_setting WHERE key LIKE 'secret:stripe%' OR key = 'stripe_publishable_key'").pluck().get()).toBe(0)
  })

  it('the browser host (no secret store) refuses to save keys or a token, clearly, and changes nothing', async () => {
    t = await startLiveTill({})
    const managerToken = await t.managerToken()
    const before = snapshot(t.till.ctx.db)
    const keys = await refusal(t.call('settings:saveKeys', { managerToken, secretKey: SECRET, publishableKey: PUBLISHABLE }))
    expect(keys).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/browser host has no encrypted store.*STRIPE_SECRET_KEY/) })
    const token = await refusal(t.call('settings:saveNgrokToken', { managerToken, authtoken: 'abcdefgh_12345678' }))
    expect(token.code).toBe('unavailable')
    expect(snapshot(t.till.ctx.db)).toBe(before)
    expect((await t.call('settings:status', {})).keys.cannotSave).toMatch(/browser host/)
  })

  it('keys from the environment cannot be replaced from Settings', async () => {
    account = await fakeStripe({ enabled: false })
    t = await startLiveTill({ STRIPE_API_URL: account.url, STRIPE_SECRET_KEY: SECRET, STRIPE_PUBLISHABLE_KEY: PUBLISHABLE }, { secrets: { cipher: testCipher() } })
    const managerToken = await t.managerToken()
    const refused = await refusal(t.call('settings:saveKeys', { managerToken, secretKey: 'sk_test_otherkey1234', publishableKey: 'pk_test_otherkey1234' }))
    expect(refused).toMatchObject({ code: 'conflict', message: expect.stringMatching(/environment/) })
    expect((await t.call('settings:status', {})).keys).toMatchObject({ source: 'environment', secretKeyHint: 'sk_test_…9876' })
  })
})
