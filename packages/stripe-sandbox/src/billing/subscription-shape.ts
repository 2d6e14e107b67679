import type Stripe from 'stripe'
import { wireDecimal } from '../store/decimal'
import { newId } from '../store/ids'
import { periodEnd, type Interval } from './periods'

/** The legacy Plan view of a recurring Price that subscription items still carry. */
export function planOf(price: Stripe.Price): Stripe.Plan {
  if (!price.recurring) throw new Error(`price ${price.id} is not recurring`)
  return {
    id: price.id,
    object: 'plan',
    active: price.active,
    amount: price.unit_amount,
    amount_decimal: wireDecimal(price.unit_amount ?? 0),
    billing_scheme: 'per_unit',
    created: price.created,
    currency: price.currency,
    interval: price.recurring.interval,
    interval_count: price.recurring.interval_count,
    livemode: false,
    metadata: price.metadata,
    meter: null,
    nickname: price.nickname,
    product: typeof price.product === 'string' ? price.product : price.product.id,
    tiers_mode: null,
    transform_usage: null,
    trial_period_days: null,
    usage_type: 'licensed',
  }
}

export function buildItem(
  subscriptionId: string,
  price: Stripe.Price,
  quantity: number,
  period: { start: number; end: number },
  created: number,
): Stripe.SubscriptionItem {
  return {
    id: newId('si'),
    object: 'subscription_item',
    billing_thresholds: null,
    created,
    current_period_end: period.end,
    current_period_start: period.start,
    current_trial: null,
    discounts: [],
    metadata: {},
    plan: planOf(price),
    price,
    quantity,
    subscription: subscriptionId,
    tax_rates: [],
  }
}

/** The period that starts at `start` for this price's interval. */
export function firstPeriod(price: Stripe.Price, start: number): { start: number; end: number } {
  const recurring = price.recurring
  if (!recurring) throw new Error(`price ${price.id} is not recurring`)
  return { start, end: periodEnd(start, recurring.interval as Interval, recurring.interval_count, 1) }
}

export interface NewSubscription {
  customer: Stripe.Customer
  prices: Array<{ price: Stripe.Price; quantity: number }>
  created: number
  metadata: Record<string, string>
  description: string | null
  defaultPaymentMethod: string | null
  cancelAtPeriodEnd: boolean
  saveDefaultPaymentMethod: 'on_subscription' | 'off'
}

export function buildSubscription(fields: NewSubscription): Stripe.Subscription {
  const id = newId('sub')
  const first = fields.prices[0]
  if (!first) throw new Error('a subscription needs at least one item')
  const period = firstPeriod(first.price, fields.created)
  const items = fields.prices.map(({ price, quantity }) => buildItem(id, price, quantity, period, fields.created))
  return {
    id,
    object: 'subscription',
    application: null,
    application_fee_percent: null,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null },
    billing_cycle_anchor: fields.created,
    billing_cycle_anchor_config: null,
    billing_mode: { flexible: null, type: 'classic' },
    billing_schedules: [],
    billing_thresholds: null,
    cancel_at: fields.cancelAtPeriodEnd ? period.end : null,
    cancel_at_period_end: fields.cancelAtPeriodEnd,
    canceled_at: null,
    cancellation_details: { comment: null, feedback: null, feedback_option: null, reason: null },
    collection_method: 'charge_automatically',
    created: fields.created,
    currency: first.price.currency,
    customer: fields.customer.id,
    customer_account: null,
    days_until_due: null,
    default_payment_method: fields.defaultPaymentMethod,
    default_source: null,
    default_tax_rates: [],
    description: fields.description,
    discounts: [],
    ended_at: null,
    invoice_settings: { account_tax_ids: null, custom_fields: null, description: null, footer: null, issuer: { type: 'self' } },
    items: { object: 'list', data: items, has_more: false, url: `/v1/subscription_items?subscription=${id}` },
    latest_invoice: null,
    livemode: false,
    managed_payments: null,
    metadata: fields.metadata,
    next_pending_invoice_item_invoice: null,
    on_behalf_of: null,
    pause_collection: null,
    payment_settings: {
      payment_method_options: null,
      payment_method_types: null,
      save_default_payment_method: fields.saveDefaultPaymentMethod,
    },
    pending_invoice_item_interval: null,
    pending_setup_intent: null,
    pending_update: null,
    schedule: null,
    start_date: fields.created,
    status: 'incomplete',
    test_clock: typeof fields.customer.test_clock === 'string' ? fields.customer.test_clock : null,
    transfer_data: null,
    trial_end: null,
    trial_settings: { end_behavior: { billing_cycle_anchor: null, missing_payment_method: 'create_invoice' } },
    trial_start: null,
  }
}
