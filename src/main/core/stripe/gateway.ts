import type Stripe from 'stripe'
import { AppError } from '@shared/errors'
import type { Account } from '@shared/domain'

/**
 * Every call CourseTill makes to Stripe. Each create carries an idempotency key derived from what it creates,
 * so a retry, a double click or a restart after a crash gets the same object back instead of a second one.
 */
export function createStripeGateway(stripe: Stripe) {
  return {
    async ensureCustomer(account: Pick<Account, 'id' | 'email' | 'name' | 'phone'>): Promise<string> {
      const existing = await call(() => stripe.customers.list({ email: account.email, limit: 10 }))
      const ours = existing.data.find((c) => c.metadata?.coursetill_account_id === String(account.id)) ?? existing.data[0]
      if (ours) return ours.id
      const created = await call(() =>
        stripe.customers.create(
          {
            email: account.email,
            name: account.name,
            ...(account.phone ? { phone: account.phone } : {}),
            metadata: { coursetill_account_id: String(account.id) },
          },
          { idempotencyKey: `coursetill-account-${account.id}-customer` },
        ),
      )
      return created.id
    },

    createIntent(input: { orderId: number; attempt: number; amount: number; currency: string; customer: string; email: string }) {
      return call(() =>
        stripe.paymentIntents.create(
          {
            amount: input.amount,
            currency: input.currency.toLowerCase(),
            customer: input.customer,
            receipt_email: input.email,
            description: `CourseTill order #${input.orderId}`,
            // A counter takes cards: no redirect or bank-debit methods, so no return_url and no days in processing.
            allowed_payment_method_types: ['card'],
            metadata: { order_id: String(input.orderId), attempt: String(input.attempt) },
          },
          { idempotencyKey: `coursetill-order-${input.orderId}-attempt-${input.attempt}` },
        ),
      )
    },

    retrieveIntent: (id: string) => call(() => stripe.paymentIntents.retrieve(id)),

    updateIntentAmount: (id: string, amount: number) =>
      call(() => stripe.paymentIntents.update(id, { amount }, { idempotencyKey: `coursetill-${id}-amount-${amount}` })),

    cancelIntent: (id: string) =>
      call(() => stripe.paymentIntents.cancel(id, { cancellation_reason: 'abandoned' }, { idempotencyKey: `coursetill-${id}-cancel` })),

    createRefund(input: { refundId: number; orderId: number; paymentIntentId: string; amount: number; reason: string }) {
      const reason = input.reason === 'other' ? undefined : (input.reason as Stripe.RefundCreateParams.Reason)
      return call(() =>
        stripe.refunds.create(
          {
            payment_intent: input.paymentIntentId,
            amount: input.amount,
            ...(reason ? { reason } : {}),
            metadata: { coursetill_refund_id: String(input.refundId), order_id: String(input.orderId) },
          },
          { idempotencyKey: `coursetill-refund-${input.refundId}` },
        ),
      )
    },
  }
}

export type StripeGateway = ReturnType<typeof createStripeGateway>

/** Stripe's errors become ours: card declines are payment_failed, unreachable Stripe is unavailable. */
export async function call<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request()
  } catch (error) {
    throw toAppError(error)
  }
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error
  const stripeError = error as { type?: string; message?: string; code?: string; decline_code?: string }
  switch (stripeError.type) {
    case 'StripeCardError':
      return new AppError('payment_failed', stripeError.message ?? 'The card was declined', {
        code: stripeError.decline_code ?? stripeError.code,
      })
    case 'StripeConnectionError':
    case 'StripeAPIError':
    case 'StripeRateLimitError':
      return new AppError('unavailable', 'Stripe could not be reached; check the connection and try again')
    case 'StripeAuthenticationError':
    case 'StripePermissionError':
      return new AppError('forbidden', `Stripe refused the API key: ${stripeError.message ?? ''}`.trim())
    case 'StripeInvalidRequestError':
    case 'StripeIdempotencyError':
      return new AppError('invalid_input', `Stripe refused the request: ${stripeError.message ?? ''}`.trim(), { code: stripeError.code })
    default:
      return new AppError('internal', error instanceof Error ? error.message : 'Unexpected error talking to Stripe')
  }
}
