import type Stripe from 'stripe'
import type { Decline } from '../cards/test-cards'
import type { Ctx } from '../context'
import { emitEvent } from '../events/emit'
import { randomToken, newId } from '../store/ids'
import { recordBalanceTransaction } from './balance-transactions'

function cardDetails(
  pm: Stripe.PaymentMethod,
  amount: number,
  decline: Decline | undefined,
): Stripe.Charge.PaymentMethodDetails.Card {
  const card = pm.card
  if (!card) throw new Error(`payment method ${pm.id} is not a card`)
  const cvcFailed = decline?.code === 'incorrect_cvc'
  return {
    amount_authorized: decline ? null : amount,
    authorization_code: decline ? null : randomToken(6).toUpperCase(),
    brand: card.brand,
    checks: {
      address_line1_check: null,
      address_postal_code_check: card.checks?.address_postal_code_check ?? null,
      cvc_check: cvcFailed ? 'fail' : (card.checks?.cvc_check ?? null),
    },
    country: card.country,
    electronic_commerce_indicator: null,
    exp_month: card.exp_month,
    exp_year: card.exp_year,
    extended_authorization: { status: 'disabled' },
    fingerprint: card.fingerprint ?? null,
    funding: card.funding,
    incremental_authorization: { status: 'unavailable' },
    installments: null,
    last4: card.last4,
    mandate: null,
    multicapture: { status: 'unavailable' },
    network: card.brand,
    network_token: { used: false },
    network_transaction_id: decline ? null : randomToken(15),
    overcapture: { maximum_amount_capturable: amount, status: 'unavailable' },
    regulated_status: card.regulated_status,
    three_d_secure: null,
    transaction_link_id: null,
    wallet: null,
  }
}

function outcome(decline: Decline | undefined): Stripe.Charge.Outcome {
  if (!decline) {
    return {
      advice_code: null,
      network_advice_code: null,
      network_decline_code: null,
      network_status: 'approved_by_network',
      reason: null,
      risk_level: 'normal',
      risk_score: 20,
      seller_message: 'Payment complete.',
      type: 'authorized',
    }
  }
  return {
    advice_code: decline.declineCode === 'generic_decline' ? 'try_again_later' : 'do_not_try_again',
    network_advice_code: null,
    network_decline_code: null,
    network_status: decline.networkStatus,
    reason: decline.outcomeType === 'blocked' ? 'highest_risk_level' : decline.declineCode,
    risk_level: decline.riskLevel,
    risk_score: decline.riskLevel === 'highest' ? 95 : 20,
    seller_message: decline.sellerMessage,
    type: decline.outcomeType,
  }
}

/** One attempt to collect a PaymentIntent's amount with a card: status succeeded, or failed with the decline. */
export function createCharge(
  ctx: Ctx,
  pi: Stripe.PaymentIntent,
  pm: Stripe.PaymentMethod,
  decline: Decline | undefined,
  created: number,
): Stripe.Charge {
  const charge: Stripe.Charge = {
    id: newId('ch'),
    object: 'charge',
    amount: pi.amount,
    amount_captured: decline ? 0 : pi.amount,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    // Set when the funds are booked, just after charge.succeeded (charge.updated), as Stripe does.
    balance_transaction: null,
    billing_details: pm.billing_details,
    calculated_statement_descriptor: pi.statement_descriptor ?? 'COURSETILL SANDBOX',
    captured: !decline,
    created,
    currency: pi.currency,
    customer: typeof pi.customer === 'string' ? pi.customer : (pi.customer?.id ?? null),
    description: pi.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: decline?.code ?? null,
    failure_message: decline?.message ?? null,
    fraud_details: {},
    livemode: false,
    metadata: pi.metadata,
    on_behalf_of: null,
    outcome: outcome(decline),
    paid: !decline,
    payment_intent: pi.id,
    payment_method: pm.id,
    payment_method_details: { card: cardDetails(pm, pi.amount, decline), type: 'card' },
    receipt_email: pi.receipt_email,
    receipt_number: null,
    receipt_url: null,
    refunded: false,
    review: null,
    shipping: null,
    source: null,
    source_transfer: null,
    statement_descriptor: pi.statement_descriptor,
    statement_descriptor_suffix: pi.statement_descriptor_suffix,
    status: decline ? 'failed' : 'succeeded',
    transfer_data: null,
    transfer_group: null,
  }
  ctx.core.store.insert('charge', charge)
  return charge
}

/**
 * Books a succeeded charge's funds: its balance transaction, then `charge.updated` naming it. On Stripe this
 * follows `charge.succeeded` (the balance transaction is made asynchronously); receivers see both.
 */
export function bookCharge(ctx: Ctx, charge: Stripe.Charge): Stripe.Charge {
  const transaction = recordBalanceTransaction(ctx, charge, 'charge')
  const booked = ctx.core.store.update('charge', { ...charge, balance_transaction: transaction.id })
  emitEvent(ctx, 'charge.updated', booked, { balance_transaction: charge.balance_transaction })
  return booked
}
