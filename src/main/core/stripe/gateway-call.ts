import { AppError } from '@shared/errors'

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
