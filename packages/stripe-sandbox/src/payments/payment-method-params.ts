// Reading card PaymentMethods from request parameters (`type=card&card[…]`, or the same under
// `payment_method_data`), validated the way Stripe's tokenizer does.

import type Stripe from 'stripe'
import { isCardInputError, validateCardInput, type ValidCard } from '../cards/card-input'
import type { Ctx } from '../context'
import { cardError, invalidRequest, parameterMissing } from '../http/errors'
import type { FormObject } from '../http/form'
import type { ApiRequest } from '../http/handler'
import { assertKnownParams, childName, optionalObject, optionalString, readMetadata, requiredString } from '../http/params'
import { TEST_PAYMENT_METHOD_TOKENS } from '../cards/test-cards'
import { createCardPaymentMethod, type BillingInput } from './payment-methods'

// Stripe's answer to a card number sent with a secret key on an account without raw card data access.
export const RAW_CARD_DATA_MESSAGE =
  'Sending credit card numbers directly to the Stripe API is generally unsafe. We suggest you use test tokens that ' +
  'map to the test card you are using, see https://stripe.com/docs/testing. To enable raw card data APIs in test ' +
  'mode, see https://support.stripe.com/questions/enabling-access-to-raw-card-data-apis.'

/**
 * Who sent the card: Stripe.js and Stripe's own pages (publishable key, hosted page) may carry numbers; a server
 * with a secret key may only when the account has raw card data enabled.
 */
export type CardSource = 'client' | 'server'

/** Reads `card[number|exp_month|exp_year|cvc]` under `prefix` and validates it like Stripe's tokenizer. */
export function readCard(ctx: Ctx, card: FormObject, prefix: string, source: CardSource = 'client'): ValidCard {
  const token = optionalString(card, 'token')
  if (token) return cardOfToken(token, childName(prefix, 'token'))
  if (source === 'server' && card.number !== undefined && !ctx.core.account.rawCardData) {
    throw invalidRequest(RAW_CARD_DATA_MESSAGE, { param: childName(prefix, 'number') })
  }
  assertKnownParams(card, ['number', 'exp_month', 'exp_year', 'cvc'], prefix)
  const input = {
    number: requiredString(card, 'number', prefix),
    expMonth: requiredString(card, 'exp_month', prefix),
    expYear: requiredString(card, 'exp_year', prefix),
    ...(typeof card.cvc === 'string' ? { cvc: card.cvc } : {}),
  }
  const result = validateCardInput(input, ctx.core.now())
  if (isCardInputError(result)) throw cardError({ code: result.code, message: result.message, param: result.param })
  return result
}

/** `card[token]=tok_visa`: Stripe's test card tokens (`tok_*`, the twins of the `pm_card_*` tokens). */
function cardOfToken(token: string, param: string): ValidCard {
  const number = TEST_PAYMENT_METHOD_TOKENS[token.replace(/^tok_/, 'pm_card_')]
  if (!token.startsWith('tok_') || !number) {
    throw invalidRequest(`No such token: '${token}'`, { param, code: 'resource_missing' })
  }
  return { number, expMonth: 12, expYear: new Date().getUTCFullYear() + 5, cvc: '123' }
}

export function readBilling(params: FormObject, prefix: string): BillingInput {
  const billing = optionalObject(params, 'billing_details')
  if (!billing) return {}
  const name = childName(prefix, 'billing_details')
  assertKnownParams(billing, ['name', 'email', 'phone', 'address'], name)
  const address = optionalObject(billing, 'address')
  if (address) {
    assertKnownParams(address, ['postal_code', 'country', 'line1', 'line2', 'city', 'state'], childName(name, 'address'))
  }
  const postalCode = address ? optionalString(address, 'postal_code') : undefined
  const holder = optionalString(billing, 'name')
  const email = optionalString(billing, 'email')
  return { ...(holder ? { name: holder } : {}), ...(email ? { email } : {}), ...(postalCode ? { postalCode } : {}) }
}

/** `type=card&card[…]` (also what payment_method_data carries); card errors are thrown as 402. */
export function createFromParams(request: ApiRequest, params: FormObject, prefix: string): Stripe.PaymentMethod {
  const ctx: Ctx = request
  assertKnownParams(params, ['type', 'card', 'billing_details', 'metadata', 'allow_redisplay'], prefix)
  const type = requiredString(params, 'type', prefix)
  if (type !== 'card') {
    throw invalidRequest(`The sandbox only supports card payment methods, not ${type}.`, { param: childName(prefix, 'type') })
  }
  const card = optionalObject(params, 'card')
  if (!card) throw parameterMissing(childName(prefix, 'card'))
  return createCardPaymentMethod(
    ctx,
    readCard(ctx, card, childName(prefix, 'card'), request.keyKind === 'secret' ? 'server' : 'client'),
    readBilling(params, prefix),
    readMetadata(params),
  )
}
