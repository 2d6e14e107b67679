import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import type { LiveStatus } from '../../src/shared/live'
import { NO_TUNNEL_NOTE } from '../../src/main/core/connection/status'
import { MANAGED_METADATA_KEY } from '../../src/main/core/stripe/webhook-endpoint'
import { payAs } from '../helpers/test-till'
import { fakeStripe, loopbackTunnelDriver, startLiveTill, testCipher, type LiveTill } from './live-fixtures'

const TOKEN = '2Rd7mdaX8s5XnE7Wz3dB0Hqg7wA_4Gq9Ugn6pYbX9oXqYvZmV'
let t: LiveTill | undefined
let account: Awaited<ReturnType<typeof fakeStripe>> | undefined
afterEach(async () => {
  await t?.close()
  await account?.close()
  t = account = undefined
})

const testKeys = (apiUrl: string) => ({ STRIPE_SECRET_KEY: 'sk_test_tillkey1234', STRIPE_PUBLISHABLE_KEY: 'pk_test_tillkey1234', STRIPE_API_URL: apiUrl })
const status = () => t!.call('settings:status', {}) as Promise<LiveStatus>

async function payOrder(courseId: number) {
  const order = t!.till.handlers['orders:create']({ accountId: 1, courseIds: [courseId] }) as { id: number }
  const checkout = await t!.till.handlers['payments:startCard']({ orderId: order.id })
  await payAs(account!.stripe, checkout.paymentIntentId, 'pm_card_visa')
  return order.id
}
const orderStatus = (orderId: number) => (t!.till.handlers['orders:get']({ orderId }) as { status: string }).status

describe('the tunnel, with a fake ngrok that really forwards', () => {
  it('forwards only to the webhook listener, registers the endpoint, and webhooks arrive through it', async () => {
    account = await fakeStripe()
    const tunnel = loopbackTunnelDriver()
    t = await startLiveTill({ ...testKeys(account.url), NGROK_AUTHTOKEN: TOKEN, COURSETILL_PORT: '4999' }, { payments: { tunnel: { driver: tunnel.driver } } })
    await expect.poll(async () => (await status()).endpoint.state).toBe('registered')
    const live = await status()
    expect(live).toMatchObject({ webhooksArrive: true, tunnel: { state: 'online', configured: true, tokenSource: 'environment', url: tunnel.connections[0]!.url } })
    expect(tunnel.connections).toHaveLength(1)
    expect(tunnel.connections[0]!.options).toEqual({ addr: `127.0.0.1:${t.till.payments.webhook.port}`, authtoken: TOKEN, domain: null })
    expect(tunnel.connections[0]!.options.addr).not.toContain('4999')
    const endpoints = (await account.stripe.webhookEndpoints.list()).data
    expect(endpoints).toEqual([expect.objectContaining({ url: `${tunnel.connections[0]!.url}/webhooks/stripe`, metadata: expect.objectContaining({ [MANAGED_METADATA_KEY]: 'true' }) })])

    // A payment settles by webhook: Stripe → tunnel → listener, signed with the managed endpoint's secret.
    const orderId = await payOrder(1)
    await account.sandbox.idle()
    await expect.poll(() => orderStatus(orderId)).toBe('successful')
  })

  it('after a drop reconnects with backoff, re-points the endpoint at the new URL, and deliveries follow', async () => {
    account = await fakeStripe()
    const tunnel = loopbackTunnelDriver()
    t = await startLiveTill({ ...testKeys(account.url), NGROK_AUTHTOKEN: TOKEN }, { payments: { tunnel: { driver: tunnel.driver, backoff: { baseMs: 20, maxMs: 80 } } } })
    await expect.poll(async () => (await status()).endpoint.state).toBe('registered')
    const endpointId = (await status()).endpoint.endpointId
    tunnel.failNext(2)
    await tunnel.connections[0]!.drop()
    await expect.poll(async () => (await status()).tunnel.attempts).toBeGreaterThanOrEqual(2)
    const failing = await status()
    expect(failing.webhooksArrive).toBe(false)
    // The driver's error quoted the token; Settings and the log never do.
    expect(JSON.stringify(failing)).not.toContain(TOKEN)
    await expect.poll(async () => (await status()).tunnel.state).toBe('online')
    const newUrl = tunnel.connections[1]!.url
    expect(newUrl).not.toBe(tunnel.connections[0]!.url)
    await expect.poll(async () => (await status()).endpoint.url).toBe(`${newUrl}/webhooks/stripe`)
    await expect.poll(async () => (await status()).endpoint.state).toBe('registered')
    expect((await status()).endpoint.endpointId).toBe(endpointId)
    expect((await account.stripe.webhookEndpoints.retrieve(endpointId!)).url).toBe(`${newUrl}/webhooks/stripe`)
    const orderId = await payOrder(2)
    await account.sandbox.idle()
    await expect.poll(() => orderStatus(orderId)).toBe('successful')

    const log = readFileSync(t.till.log.file!, 'utf8')
    expect(log).toContain('"event":"tunnel.online"')
    expect(log).toContain('"event":"tunnel.error"')
    expect(log).toContain('"event":"endpoint.registered"')
    expect(log).not.toContain(TOKEN)
  })

  it('closes the tunnel when the till quits, and keeps the endpoint secret encrypted', async () => {
    account = await fakeStripe({ enabled: false })
    const tunnel = loopbackTunnelDriver()
    t = await startLiveTill({ ...testKeys(account.url), NGROK_AUTHTOKEN: TOKEN }, { payments: { tunnel: { driver: tunnel.driver } }, secrets: { cipher: testCipher() } })
    await expect.poll(async () => (await status()).endpoint.state).toBe('registered')
    const stored = t.till.ctx.db.prepare("SELECT value FROM app_setting WHERE key = 'secret:webhook_endpoint_test'").pluck().get() as string
    expect(stored).toMatch(/^enc1:/)
    expect(stored).not.toContain('whsec_')
    await t.close()
    t = undefined
    expect(tunnel.connections.every((connection) => connection.closed)).toBe(true)
  })

  it('without a secret store, the next start replaces the endpoint of the previous one instead of piling up', async () => {
    account = await fakeStripe({ enabled: false })
    const tunnel = loopbackTunnelDriver()
    t = await startLiveTill({ ...testKeys(account.url), NGROK_AUTHTOKEN: TOKEN }, { payments: { tunnel: { driver: tunnel.driver } } })
    await expect.poll(async () => (await status()).endpoint.state).toBe('registered')
    const dataDir = t.dataDir
    await t.close()
    t = await startLiveTill({ ...testKeys(account.url), NGROK_AUTHTOKEN: TOKEN }, { dataDir, payments: { tunnel: { driver: tunnel.driver } } })
    await expect.poll(async () => (await status()).endpoint.state).toBe('registered')
    const endpoints = (await account.stripe.webhookEndpoints.list()).data
    expect(endpoints).toEqual([expect.objectContaining({ url: `${tunnel.connections[1]!.url}/webhooks/stripe` })])
  })

  it('without an authtoken starts no tunnel and explains what the till relies on instead', async () => {
    account = await fakeStripe({ enabled: false })
    const tunnel = loopbackTunnelDriver()
    t = await startLiveTill(testKeys(account.url), { payments: { tunnel: { driver: tunnel.driver } } })
    const live = await status()
    expect(live).toMatchObject({ webhooksArrive: false, tunnel: { state: 'stopped', configured: false, note: NO_TUNNEL_NOTE }, endpoint: { state: 'off' } })
    expect(tunnel.connections).toEqual([])
    expect((await account.stripe.webhookEndpoints.list()).data).toEqual([])
  })

  it('in sandbox mode starts no tunnel even with a token: the sandbox delivers locally', async () => {
    const tunnel = loopbackTunnelDriver()
    t = await startLiveTill({ NGROK_AUTHTOKEN: TOKEN }, { payments: { tunnel: { driver: tunnel.driver } } })
    expect(await status()).toMatchObject({ webhooksArrive: true, keys: { mode: 'sandbox' }, tunnel: { state: 'stopped' }, endpoint: { state: 'registered' } })
    expect(tunnel.connections).toEqual([])
  })
})
