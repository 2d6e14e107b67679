import { createHash } from 'node:crypto'
import type Stripe from 'stripe'
import type { ValidCard } from '../cards/card-input'
import { cardBrand, cardFunding, TEST_PAYMENT_METHOD_TOKENS } from '../cards/test-cards'
import type { Ctx } from '../context'
import { emitEvent } from '../events/emit'
import { invalidRequest } from '../http/errors'
import { mustGet } from '../resources/lookup'
import { newId } from '../store/ids'

/** What only the sandbox knows about a card PaymentMethod: the number that decides its behaviour. */
interface CardSecret {
  number: string
}

export interface BillingInput {
  name?: string
  email?: string
  postalCode?: string
}

function emptyAddress(postalCode: string | null): Stripe.Address {
  return { city: null, country: null, line1: null, line2: null, postal_code: postalCode, state: null }
}

export function createCardPaymentMethod(
  ctx: Ctx,
  card: ValidCard,
  billing: BillingInput = {},
  metadata: Record<string, string> = {},
): Stripe.PaymentMethod {
  const brand = cardBrand(card.number)
  const pm: Stripe.PaymentMethod = {
    id: newId('pm'),
    object: 'payment_method',
    allow_redisplay: 'unspecified',
    billing_details: {
      address: emptyAddress(billing.postalCode ?? null),
      email: billing.email ?? null,
      name: billing.name ?? null,
      phone: null,
      tax_id: null,
    },
    card: {
      brand,
      checks: {
        address_line1_check: null,
        address_postal_code_check: billing.postalCode ? 'pass' : null,
        cvc_check: card.cvc ? 'pass' : null,
      },
      country: 'US',
      display_brand: brand,
      exp_month: card.expMonth,
      exp_year: card.expYear,
      fingerprint: createHash('sha256').update(card.number).digest('base64url').slice(0, 16),
      funding: cardFunding(card.number),
      generated_from: null,
      last4: card.number.slice(-4),
      networks: { available: [brand], preferred: null },
      regulated_status: 'unregulated',
      three_d_secure_usage: { supported: true },
      wallet: null,
    },
    created: ctx.core.now(),
    customer: null,
    customer_account: null,
    livemode: false,
    metadata,
    type: 'card',
  }
  ctx.core.store.insert('payment_method', pm)
  ctx.core.store.setPrivate(pm.id, 'card', { number: card.number } satisfies CardSecret)
  return pm
}

/** The card number behind a PaymentMethod (decides success, decline or 3-D Secure). */
export function cardNumberOf(ctx: Ctx, pmId: string): string {
  const secret = ctx.core.store.getPrivate<CardSecret>(pmId, 'card')
  if (!secret) throw new Error(`payment method ${pmId} has no card`)
  return secret.number
}

/** A `pm_card_*` token mints a fresh PaymentMethod (as Stripe does); any other id must exist. */
export function resolvePaymentMethod(ctx: Ctx, idOrToken: string, param: string): Stripe.PaymentMethod {
  const number = TEST_PAYMENT_METHOD_TOKENS[idOrToken]
  if (number === undefined) return mustGet(ctx, 'payment_method', idOrToken, param)
  const expYear = new Date(ctx.core.now() * 1000).getUTCFullYear() + 3
  return createCardPaymentMethod(ctx, { number, expMonth: 12, expYear, cvc: number.startsWith('3') ? '1234' : '123' })
}

export function attachPaymentMethod(ctx: Ctx, idOrToken: string, customerId: string, param: string): Stripe.PaymentMethod {
  const pm = resolvePaymentMethod(ctx, idOrToken, param)
  if (pm.customer && pm.customer !== customerId) {
    throw invalidRequest('The payment method you provided has already been attached to a customer.', {
      param,
      code: 'payment_method_unexpected_state',
    })
  }
  const attached = { ...pm, customer: customerId }
  ctx.core.store.update('payment_method', attached)
  emitEvent(ctx, 'payment_method.attached', attached)
  return attached
}
