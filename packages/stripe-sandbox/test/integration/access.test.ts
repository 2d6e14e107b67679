// Who may talk to a sandbox: a page on another site must not drive it (foreign Origin), nor reach it under a
// rebound DNS name (Host), nor use any key but the account's.

import { request } from 'node:http'
import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type SandboxHandle } from '../../src'
import { rawRequest, sdkFor } from './helpers'

const SECRET = 'sk_test_only_this_one_0123456789'
const PUBLISHABLE = 'pk_test_only_this_one_0123456789'
const TILL_ORIGIN = 'http://127.0.0.1:4747'
let sandbox: SandboxHandle
let stripe: Stripe

beforeAll(async () => {
  sandbox = await startSandbox(
    { apiKeys: { secret: [SECRET], publishable: [PUBLISHABLE] }, allowedOrigins: [TILL_ORIGIN, 'app://coursetill'] },
    { enabled: false },
  )
  stripe = sdkFor(sandbox, SECRET)
})
afterAll(() => sandbox.close())

/** node:http, because fetch does not let a caller choose the Host header. */
function withHost(host: string, path: string, method = 'GET', headers: Record<string, string> = {}, body = '') {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: sandbox.port, path, method, headers: { Host: host, ...headers } }, (res) => {
      let text = ''
      res.on('data', (chunk: Buffer) => (text += chunk.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

async function customerCount(): Promise<number> {
  return (await stripe.customers.list({ limit: 100 })).data.length
}

describe('keys', () => {
  it('accepts the configured secret key and refuses any other sk_test_ key with 401', async () => {
    await stripe.customers.create({ email: 'own@example.com' })
    const before = await customerCount()
    const other = sdkFor(sandbox, 'sk_test_guessed_by_a_web_page')
    const error = await other.customers.create({ email: 'x@example.com' }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError)
    expect((error as Error).message).toContain('sk_test_')
    expect((error as Error).message).not.toContain('guessed_by')
    expect(await customerCount()).toBe(before)
  })

  it('gives the configured publishable key the Stripe.js routes only', async () => {
    const intent = await stripe.paymentIntents.create({ amount: 1000, currency: 'gbp', allowed_payment_method_types: ['card'] })
    const read = await rawRequest(sandbox, 'GET', `/v1/payment_intents/${intent.id}?client_secret=${intent.client_secret}`, { key: PUBLISHABLE })
    expect(read.status).toBe(200)
    expect((await rawRequest(sandbox, 'GET', '/v1/customers', { key: PUBLISHABLE })).status).toBe(401)
    const other = await rawRequest(sandbox, 'GET', `/v1/payment_intents/${intent.id}?client_secret=${intent.client_secret}`, { key: 'pk_test_other' })
    expect(other.status).toBe(401)
  })

  it('refuses to start with live or malformed configured keys', async () => {
    await expect(startSandbox({ apiKeys: { secret: ['sk_live_x'], publishable: [] } })).rejects.toThrow(/test mode/)
    await expect(startSandbox({ apiKeys: { secret: [], publishable: [PUBLISHABLE] } })).rejects.toThrow(/at least one/)
  })
})

describe('Host', () => {
  it('answers 127.0.0.1:<port> and localhost:<port>', async () => {
    for (const host of [`127.0.0.1:${sandbox.port}`, `localhost:${sandbox.port}`]) {
      const answer = await withHost(host, '/v1/customers', 'GET', { Authorization: `Bearer ${SECRET}` })
      expect(answer.status).toBe(200)
    }
  })

  it('refuses a rebound name, another port or no Host, on the API and the pages, and changes nothing', async () => {
    const before = await customerCount()
    for (const host of [`attacker.example:${sandbox.port}`, `127.0.0.1:${sandbox.port + 1}`, '127.0.0.1', `localhost.attacker.example:${sandbox.port}`]) {
      const form = 'email=rebound%40example.com'
      const api = await withHost(host, '/v1/customers', 'POST', { Authorization: `Bearer ${SECRET}`, 'Content-Type': 'application/x-www-form-urlencoded' }, form)
      expect(api.status, host).toBe(403)
      expect(api.body).toContain('not the Stripe sandbox')
      expect((await withHost(host, '/checkout/cs_test_x')).status, host).toBe(403)
    }
    expect(await customerCount()).toBe(before)
  })
})

describe('Origin', () => {
  it('gives CORS to an allowed origin (the till page) and nobody else', async () => {
    for (const origin of [TILL_ORIGIN, 'app://coursetill']) {
      const preflight = await fetch(`${sandbox.url}/v1/payment_intents/pi_x/confirm`, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
      })
      expect(preflight.status).toBe(204)
      expect(preflight.headers.get('access-control-allow-origin')).toBe(origin)
      expect(preflight.headers.get('access-control-allow-credentials')).toBeNull()
      const allowed = preflight.headers.get('access-control-allow-headers') ?? ''
      for (const name of ['Authorization', 'Content-Type', 'Stripe-Version', 'Idempotency-Key']) expect(allowed).toContain(name)
      const read = await rawRequest(sandbox, 'GET', '/v1/customers', { key: SECRET, headers: { Origin: origin } })
      expect(read.status).toBe(200)
      expect(read.headers.get('access-control-allow-origin')).toBe(origin)
    }
  })

  it('refuses a foreign origin outright, preflight or not, with the right key, and changes nothing', async () => {
    const before = await customerCount()
    for (const origin of ['https://attacker.example', 'null', 'http://127.0.0.1:4748', 'http://localhost:4747']) {
      const preflight = await fetch(`${sandbox.url}/v1/customers`, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization' },
      })
      expect(preflight.status, origin).toBe(403)
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull()
      const write = await rawRequest(sandbox, 'POST', '/v1/customers', { key: SECRET, form: 'email=foreign%40example.com', headers: { Origin: origin } })
      expect(write.status, origin).toBe(403)
      expect(write.headers.get('access-control-allow-origin')).toBeNull()
    }
    expect(await customerCount()).toBe(before)
  })

  it('lets the pay page post to itself but not a foreign page post to it', async () => {
    const session = await stripe.checkout.sessions.create({
      mode: 'payment',
      success_url: 'https://example.com/done',
      line_items: [{ quantity: 1, price_data: { currency: 'gbp', unit_amount: 1500, product_data: { name: 'Course' } } }],
    })
    const page = await fetch(session.url!)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    const card = 'email=buyer%40example.com&card_number=4242424242424242&card_expiry=12%2F34&card_cvc=123&postal_code=12345'
    const foreign = await fetch(session.url!, { method: 'POST', redirect: 'manual', headers: { Origin: 'https://attacker.example', 'Content-Type': 'application/x-www-form-urlencoded' }, body: card })
    expect(foreign.status).toBe(403)
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('open')
    const own = await fetch(session.url!, { method: 'POST', redirect: 'manual', headers: { Origin: new URL(sandbox.url).origin, 'Content-Type': 'application/x-www-form-urlencoded' }, body: card })
    expect(own.status).toBe(303)
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('complete')
  })
})
