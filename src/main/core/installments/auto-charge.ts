import { AppError } from '@shared/errors'
import { audit } from '../audit'
import { inTransaction, type CoreContext } from '../context'
import { applyIntent } from '../payments/apply-intent'
import { readSetting } from '../settings'
import { sql } from '../store/statements'
import type { StripeGateway } from '../stripe/gateway'
import { payInstallments } from './pay'
import { reviewPlanAccess } from './covered'

export const AUTO_CHARGE_SETTING = 'installment_autocharge'

export function autoChargeEnabled(ctx: CoreContext): boolean {
  return readSetting(ctx.db, AUTO_CHARGE_SETTING) === 'on'
}

/**
 * When the setting is on, charges each plan's past-due parts off session: the customer's default card if Stripe
 * has one, else the card that paid the first part (saved then). One automatic attempt per payment order (its
 * idempotency key is the order's first attempt, so a later run gets Stripe's first answer back): a decline stays on
 * that order, shown on the plan, until staff take the payment at the till.
 */
export async function chargeDueInstallments(ctx: CoreContext, gateway: StripeGateway): Promise<number> {
  if (!autoChargeEnabled(ctx)) return 0
  const due = sql(
    ctx.db,
    `SELECT DISTINCT p.id FROM installment_plan p JOIN installment_charge c ON c.plan_id = p.id
       JOIN purchase_order f ON f.id = p.first_order_id
      WHERE c.paid_at IS NULL AND c.due_at <= ? AND f.status = 'successful'`,
  ).pluck().all(ctx.now()) as number[]
  let charged = 0
  for (const planId of due) {
    let orderId: number
    try {
      orderId = payInstallments(ctx, { planId, scope: 'past_due', actor: 'system' }).order.id
    } catch (error) {
      if (error instanceof AppError) continue // a payment is under way at the till
      throw error
    }
    const order = sql(ctx.db, 'SELECT amount, currency FROM purchase_order WHERE id = ?').get(orderId) as { amount: number; currency: string }
    const card = await savedCard(ctx, gateway, planId)
    if (!card) continue
    const intent = await gateway.chargeOffSession({ orderId, attempt: 1, amount: order.amount, currency: order.currency, customer: card.customer, paymentMethod: card.paymentMethod })
    inTransaction(ctx, (queue) => {
      const now = ctx.now()
      sql(
        ctx.db,
        `INSERT INTO payment (order_id, method, amount, currency, status, stripe_payment_intent_id, created_at, updated_at)
         VALUES (?, 'card', ?, ?, 'pending', ?, ?, ?) ON CONFLICT (stripe_payment_intent_id) DO NOTHING`,
      ).run(orderId, intent.amount, order.currency, intent.id, now, now)
      audit(ctx.db, now, { actor: 'system', action: 'installments.charged_off_session', entityType: 'purchase_order', entityId: orderId, orderId, detail: { planId, paymentIntent: intent.id, status: intent.status } })
      applyIntent({ db: ctx.db, now, actor: 'system', queue, installationId: ctx.installationId }, intent, { at: 0, fresh: true })
    })
    charged++
  }
  return charged
}

async function savedCard(ctx: CoreContext, gateway: StripeGateway, planId: number): Promise<{ customer: string; paymentMethod: string } | null> {
  const first = sql(
    ctx.db,
    `SELECT p.stripe_payment_intent_id FROM installment_plan pl JOIN payment p ON p.order_id = pl.first_order_id
      WHERE pl.id = ? AND p.method = 'card' AND p.status = 'succeeded' ORDER BY p.id DESC LIMIT 1`,
  ).pluck().get(planId) as string | undefined
  if (!first) return null
  const intent = await gateway.retrieveIntent(first)
  const customer = typeof intent.customer === 'string' ? intent.customer : intent.customer?.id
  if (!customer) return null
  const found = await gateway.retrieveCustomer(customer)
  const preferred = 'deleted' in found ? null : found.invoice_settings?.default_payment_method
  const paymentMethod = (typeof preferred === 'string' ? preferred : preferred?.id) ?? (typeof intent.payment_method === 'string' ? intent.payment_method : intent.payment_method?.id)
  return paymentMethod ? { customer, paymentMethod } : null
}

/** What catch-up does for payment plans: access follows lateness first, then due parts are charged if set to. */
export async function reviewAndChargePlans(ctx: CoreContext, gateway: StripeGateway): Promise<number> {
  inTransaction(ctx, (queue) => reviewPlanAccess(ctx.db, ctx.now(), 'system', queue))
  return chargeDueInstallments(ctx, gateway)
}
