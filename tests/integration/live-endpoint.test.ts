import type Stripe from 'stripe'
import { afterEach, describe, expect, it } from 'vitest'
import { createEndpointSync } from '../../src/main/core/connection/endpoint-sync'
import { createLogger } from '../../src/main/core/logging/logger'
import { SUBSCRIBED_EVENTS } from '../../src/main/core/payments/subscribed-events'
import {
  EndpointLimitError,
  ensureWebhookEndpoint,
  INSTALL_METADATA_KEY,
  MANAGED_METADATA_KEY,
  type EndpointVault,
  type ManagedEndpoint,
} from '../../src/main/core/stripe/webhook-endpoint'
import { tempStore } from '../helpers/temp-store'
import { fakeStripe } from './live-fixtures'

let stripeAccount: Awaited<ReturnType<typeof fakeStripe>>
afterEach(async () => {
  await stripeAccount?.close()
})

function memoryVault(): EndpointVault & { saved: ManagedEndpoint | null } {
  return {
    saved: null,
    load() {
      return this.saved
    },
    save(endpoint) {
      this.saved = endpoint
    },
  }
}

const INSTALL = 'install-a'
const list = async (stripe: Stripe) => (await stripe.webhookEndpoints.list({ limit: 100 })).data
const ours = (install = INSTALL) => ({ [MANAGED_METADATA_KEY]: 'true', [INSTALL_METADATA_KEY]: install })

describe('the managed webhook endpoint, against the sandbox', () => {
  it('creates one endpoint for the URL with the subscribed events, marked as ours, and keeps its secret', async () => {
    stripeAccount = await fakeStripe({ enabled: false })
    const vault = memoryVault()
    const result = await ensureWebhookEndpoint(stripeAccount.stripe, vault, 'https://a.ngrok.app/webhooks/stripe', INSTALL)
    expect(result.action).toBe('created')
    expect(result.endpoint.secret).toMatch(/^whsec_/)
    expect(vault.saved).toEqual(result.endpoint)
    const [endpoint, ...others] = await list(stripeAccount.stripe)
    expect(others).toEqual([])
    expect(endpoint).toMatchObject({ id: result.endpoint.id, url: 'https://a.ngrok.app/webhooks/stripe', status: 'enabled', metadata: ours() })
    expect([...endpoint!.enabled_events].sort()).toEqual([...SUBSCRIBED_EVENTS].sort())
  })

  it('updates the same endpoint when the URL changes, and leaves it alone when nothing did', async () => {
    stripeAccount = await fakeStripe({ enabled: false })
    const vault = memoryVault()
    const first = await ensureWebhookEndpoint(stripeAccount.stripe, vault, 'https://a.ngrok.app/webhooks/stripe', INSTALL)
    const moved = await ensureWebhookEndpoint(stripeAccount.stripe, vault, 'https://b.ngrok.app/webhooks/stripe', INSTALL)
    expect(moved).toMatchObject({ action: 'updated', endpoint: first.endpoint })
    expect(await list(stripeAccount.stripe)).toEqual([expect.objectContaining({ id: first.endpoint.id, url: 'https://b.ngrok.app/webhooks/stripe' })])
    expect((await ensureWebhookEndpoint(stripeAccount.stripe, vault, 'https://b.ngrok.app/webhooks/stripe', INSTALL)).action).toBe('unchanged')
    // Disabled in the dashboard: switched back on.
    await stripeAccount.stripe.webhookEndpoints.update(first.endpoint.id, { disabled: true })
    expect((await ensureWebhookEndpoint(stripeAccount.stripe, vault, 'https://b.ngrok.app/webhooks/stripe', INSTALL)).action).toBe('updated')
    expect((await stripeAccount.stripe.webhookEndpoints.retrieve(first.endpoint.id)).status).toBe('enabled')
  })

  it('deletes stale endpoints this installation made, never a person\'s or another till\'s', async () => {
    stripeAccount = await fakeStripe({ enabled: false })
    const { stripe } = stripeAccount
    const create = (url: string, metadata: Record<string, string>) => stripe.webhookEndpoints.create({ url, enabled_events: ['charge.succeeded'], metadata })
    const staleA = await create('https://old-1.ngrok.app/webhooks/stripe', ours())
    const staleB = await create('https://old-2.ngrok.app/webhooks/stripe', ours())
    const otherTill = await create('https://other.ngrok.app/webhooks/stripe', ours('install-b'))
    const manual = await create('https://shop.example/hooks', {})
    const result = await ensureWebhookEndpoint(stripe, memoryVault(), 'https://new.ngrok.app/webhooks/stripe', INSTALL)
    expect(result.removed.sort()).toEqual([staleA.id, staleB.id].sort())
    const remaining = (await list(stripe)).map((endpoint) => endpoint.id).sort()
    expect(remaining).toEqual([otherTill.id, manual.id, result.endpoint.id].sort())
  })

  it('recreates the endpoint when Stripe no longer has it', async () => {
    stripeAccount = await fakeStripe({ enabled: false })
    const vault = memoryVault()
    const first = await ensureWebhookEndpoint(stripeAccount.stripe, vault, 'https://a.ngrok.app/webhooks/stripe', INSTALL)
    await stripeAccount.stripe.webhookEndpoints.del(first.endpoint.id)
    const again = await ensureWebhookEndpoint(stripeAccount.stripe, vault, 'https://a.ngrok.app/webhooks/stripe', INSTALL)
    expect(again.action).toBe('created')
    expect(again.endpoint.id).not.toBe(first.endpoint.id)
    expect(again.endpoint.secret).not.toBe(first.endpoint.secret)
    expect(vault.saved).toEqual(again.endpoint)
    expect(await list(stripeAccount.stripe)).toHaveLength(1)
  })

  it('at Stripe\'s limit of 16 says so clearly and creates nothing, whether counted first or refused by Stripe', async () => {
    stripeAccount = await fakeStripe({ enabled: false })
    const { stripe } = stripeAccount
    for (let i = 0; i < 16; i++) await stripe.webhookEndpoints.create({ url: `https://shop.example/hook-${i}`, enabled_events: ['charge.succeeded'] })
    await expect(ensureWebhookEndpoint(stripe, memoryVault(), 'https://a.ngrok.app/webhooks/stripe', INSTALL)).rejects.toBeInstanceOf(EndpointLimitError)
    // The sandbox's own 400 (another endpoint added between our count and our create) reads the same.
    const blind = { webhookEndpoints: { ...bound(stripe), list: () => (async function* () {})() } } as unknown as Stripe
    const refused = await ensureWebhookEndpoint(blind, memoryVault(), 'https://a.ngrok.app/webhooks/stripe', INSTALL).catch((error: Error) => error)
    expect(refused).toBeInstanceOf(EndpointLimitError)
    expect((refused as Error).message).toMatch(/maximum of 16 webhook endpoints.*delete unused ones in the Stripe dashboard.*direct check and catch-up/)
    expect(await list(stripe)).toHaveLength(16)
  })
})

function bound(stripe: Stripe) {
  const endpoints = stripe.webhookEndpoints
  return {
    create: endpoints.create.bind(endpoints),
    retrieve: endpoints.retrieve.bind(endpoints),
    update: endpoints.update.bind(endpoints),
    del: endpoints.del.bind(endpoints),
  }
}

describe('endpoint sync', () => {
  it('registers the last URL asked for, one registration at a time', async () => {
    stripeAccount = await fakeStripe({ enabled: false })
    const { ctx } = tempStore()
    const sync = createEndpointSync({ ctx, log: createLogger({ file: null, echoErrors: false }), onChange: () => undefined })
    const vault = memoryVault()
    void sync.sync({ stripe: stripeAccount.stripe, vault, url: 'https://a.ngrok.app/webhooks/stripe' })
    void sync.sync({ stripe: stripeAccount.stripe, vault, url: 'https://b.ngrok.app/webhooks/stripe' })
    await sync.sync({ stripe: stripeAccount.stripe, vault, url: 'https://c.ngrok.app/webhooks/stripe' })
    expect(sync.status()).toMatchObject({ state: 'registered', url: 'https://c.ngrok.app/webhooks/stripe', lastError: null })
    expect(sync.secret()).toBe(vault.saved!.secret)
    expect(await list(stripeAccount.stripe)).toEqual([expect.objectContaining({ url: 'https://c.ngrok.app/webhooks/stripe' })])
  })

  it('turns the limit into a status and a log line, not a crash, and recovers once there is room', async () => {
    stripeAccount = await fakeStripe({ enabled: false })
    const { stripe } = stripeAccount
    const manual: string[] = []
    for (let i = 0; i < 16; i++) manual.push((await stripe.webhookEndpoints.create({ url: `https://shop.example/h${i}`, enabled_events: ['charge.succeeded'] })).id)
    const { ctx } = tempStore()
    const lines: string[] = []
    const log = createLogger({ file: { path: 'memory', append: (line) => void lines.push(line), tail: () => lines, close: () => undefined }, echoErrors: false })
    const sync = createEndpointSync({ ctx, log, onChange: () => undefined })
    const target = { stripe, vault: memoryVault(), url: 'https://a.ngrok.app/webhooks/stripe' }
    await sync.sync(target)
    expect(sync.status()).toMatchObject({ state: 'error', lastError: expect.stringMatching(/maximum of 16/) })
    expect(sync.secret()).toBeNull()
    expect(lines.some((line) => line.includes('"endpoint.failed"') && line.includes('maximum of 16'))).toBe(true)
    await stripe.webhookEndpoints.del(manual[0]!)
    await sync.sync(target)
    expect(sync.status().state).toBe('registered')
  })
})
