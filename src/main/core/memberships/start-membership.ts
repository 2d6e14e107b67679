import type { MembershipCheckout } from '@shared/recurring'
import { conflict, invalidInput, notFound } from '@shared/errors'
import { isStripeChargeable } from '@shared/money'
import { getAccount } from '../accounts'
import { audit } from '../audit'
import { inTransaction, type CoreContext } from '../context'
import { sql } from '../store/statements'
import type { StripeGateway } from '../stripe/gateway'
import { applySubscription } from './apply-subscription'
import { ACCESS_STATUSES } from './grants'
import type { MembershipRow } from './membership-row'

interface PlanRow {
  id: number
  title: string
  price_amount: number
  currency: string
  interval: 'month' | 'year'
  stripe_price_id: string | null
  active: number
}

/**
 * Sells a membership: the first period is an order (kind 'membership') paid in the checkout with Stripe Elements.
 * The subscription is created `default_incomplete`; its first invoice's PaymentIntent is what the checkout
 * confirms, and Stripe saves the card as the default for renewals. A second call for the same unpaid membership
 * (double click, reopened checkout) returns the same checkout.
 */
export async function startMembership(ctx: CoreContext, gateway: StripeGateway, input: { accountId: number; planId: number; actor: string }): Promise<MembershipCheckout> {
  const { db } = ctx
  const membership = reserveMembership(ctx, input)
  const plan = sql(db, 'SELECT * FROM membership_plan WHERE id = ?').get(membership.plan_id) as PlanRow
  const account = getAccount(db, input.accountId)!
  const customer = account.stripeCustomerId ?? (await gateway.ensureCustomer(account))
  sql(db, 'UPDATE account SET stripe_customer_id = ?, updated_at = ? WHERE id = ? AND stripe_customer_id IS NULL').run(customer, ctx.now(), account.id)
  const price = plan.stripe_price_id ?? (await gateway.createRecurringPrice({ id: plan.id, title: plan.title, amount: plan.price_amount, currency: plan.currency, interval: plan.interval })).id
  sql(db, 'UPDATE membership_plan SET stripe_price_id = ?, updated_at = ? WHERE id = ? AND stripe_price_id IS NULL').run(price, ctx.now(), plan.id)
  const subscription = membership.stripe_subscription_id
    ? await gateway.retrieveSubscription(membership.stripe_subscription_id)
    : await gateway.createSubscription({ membershipId: membership.id, orderId: membership.first_order_id, customer, price })
  const invoiceRef = subscription.latest_invoice
  const invoice = typeof invoiceRef === 'string' || !invoiceRef?.payments ? await gateway.retrieveInvoice(typeof invoiceRef === 'string' ? invoiceRef : (invoiceRef?.id ?? '')) : invoiceRef
  const paymentIntentId = invoice.payments?.data.find((p) => p.is_default)?.payment.payment_intent
  const clientSecret = invoice.confirmation_secret?.client_secret
  if (typeof paymentIntentId !== 'string' || !clientSecret) throw conflict('Stripe did not return the first invoice to pay; try again')
  inTransaction(ctx, (queue) => {
    const now = ctx.now()
    applySubscription({ db, now, actor: input.actor, queue, installationId: ctx.installationId }, subscription, { at: 0, fresh: true })
    sql(
      db,
      `INSERT INTO payment (order_id, method, amount, currency, status, stripe_payment_intent_id, created_at, updated_at)
       VALUES (?, 'card', ?, ?, 'pending', ?, ?, ?) ON CONFLICT (stripe_payment_intent_id) DO NOTHING`,
    ).run(membership.first_order_id, invoice.amount_due, plan.currency, paymentIntentId, now, now)
    sql(
      db,
      `INSERT INTO recurring_invoice (stripe_invoice_id, recurring_payment_id, order_id, billing_reason, period_end) VALUES (?, ?, ?, 'subscription_create', ?)
       ON CONFLICT (stripe_invoice_id) DO NOTHING`,
    ).run(invoice.id, membership.id, membership.first_order_id, invoice.period_end * 1000)
  })
  return {
    membershipId: membership.id,
    orderId: membership.first_order_id,
    paymentIntentId,
    clientSecret,
    amount: invoice.amount_due,
    currency: plan.currency,
    interval: plan.interval,
  }
}

/** The customer's unpaid membership of this plan, or a new one with its first-period order. */
function reserveMembership(ctx: CoreContext, input: { accountId: number; planId: number; actor: string }): MembershipRow {
  return inTransaction(ctx, (queue) => {
    const { db } = ctx
    if (!getAccount(db, input.accountId)) throw notFound(`Customer ${input.accountId} does not exist`)
    const plan = sql(db, 'SELECT * FROM membership_plan WHERE id = ?').get(input.planId) as PlanRow | undefined
    if (!plan) throw notFound(`Membership plan ${input.planId} does not exist`)
    if (!plan.active) throw conflict(`"${plan.title}" is no longer on sale`)
    if (!isStripeChargeable(plan.price_amount, plan.currency)) throw invalidInput(`${plan.title} is not chargeable by card in ${plan.currency}`)
    const existing = sql(db, "SELECT * FROM recurring_payment WHERE account_id = ? AND plan_id = ? AND status NOT IN ('canceled', 'incomplete_expired') ORDER BY id DESC").all(
      input.accountId,
      input.planId,
    ) as MembershipRow[]
    const live = existing.find((m) => ACCESS_STATUSES.has(m.status))
    if (live) throw conflict(`This customer already has "${plan.title}" (${live.status})`)
    const unpaid = existing.find((m) => m.status === 'incomplete')
    if (unpaid) return unpaid
    const now = ctx.now()
    const orderId = Number(
      sql(db, "INSERT INTO purchase_order (account_id, amount, currency, status, kind, created_at, updated_at) VALUES (?, ?, ?, 'pending', 'membership', ?, ?)").run(
        input.accountId,
        plan.price_amount,
        plan.currency,
        now,
        now,
      ).lastInsertRowid,
    )
    const id = Number(
      sql(
        db,
        `INSERT INTO recurring_payment (account_id, plan_id, first_order_id, status, amount, currency, interval, created_at, updated_at)
         VALUES (?, ?, ?, 'incomplete', ?, ?, ?, ?, ?)`,
      ).run(input.accountId, plan.id, orderId, plan.price_amount, plan.currency, plan.interval, now, now).lastInsertRowid,
    )
    audit(db, now, { actor: input.actor, action: 'order.created', entityType: 'purchase_order', entityId: orderId, orderId, detail: { membershipId: id, planId: plan.id, amount: plan.price_amount, currency: plan.currency } })
    queue({ type: 'order.changed', orderId, status: 'pending' })
    return sql(db, 'SELECT * FROM recurring_payment WHERE id = ?').get(id) as MembershipRow
  })
}
