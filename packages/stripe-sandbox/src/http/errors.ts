// Stripe's error envelope. stripe-node picks its error class from the HTTP status (400/404 →
// StripeInvalidRequestError or StripeIdempotencyError, 401 → StripeAuthenticationError, 402 →
// StripeCardError, 403 → StripePermissionError) and copies these fields onto the error.

export type StripeErrorType = 'api_error' | 'card_error' | 'idempotency_error' | 'invalid_request_error'

export interface StripeErrorBody {
  type: StripeErrorType
  message: string
  code?: string
  decline_code?: string
  param?: string
  doc_url?: string
  charge?: string
  payment_intent?: object
  payment_method?: object
  advice_code?: string
}

export class ApiError extends Error {
  override name = 'ApiError'
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
  ) {
    super(body.message)
  }
}

function withDocs(body: StripeErrorBody): StripeErrorBody {
  return body.code ? { ...body, doc_url: `https://stripe.com/docs/error-codes/${body.code.replace(/_/g, '-')}` } : body
}

export function invalidRequest(message: string, extra: { param?: string; code?: string } = {}): ApiError {
  return new ApiError(400, withDocs({ type: 'invalid_request_error', message, ...extra }))
}

export function parameterMissing(param: string): ApiError {
  return invalidRequest(`Missing required param: ${param}.`, { param, code: 'parameter_missing' })
}

export function parameterUnknown(param: string): ApiError {
  return invalidRequest(`Received unknown parameter: ${param}`, { param, code: 'parameter_unknown' })
}

export function parameterInvalid(param: string, message: string, code = 'parameter_invalid'): ApiError {
  return invalidRequest(message, { param, code })
}

/**
 * An id that names nothing; `kind` is Stripe's object name, e.g. "payment_intent". Stripe answers 404 when
 * the id is in the URL and 400 when a parameter refers to it (e.g. `customer` on create).
 */
export function resourceMissing(kind: string, id: string, param = 'id'): ApiError {
  const status = param === 'id' ? 404 : 400
  return new ApiError(
    status,
    withDocs({ type: 'invalid_request_error', message: `No such ${kind}: '${id}'`, param, code: 'resource_missing' }),
  )
}

export function unexpectedState(message: string, code = 'payment_intent_unexpected_state'): ApiError {
  return invalidRequest(message, { code })
}

/** 402: raw card details refused or a charge declined; `extra` carries charge / payment_intent. */
export function cardError(body: Omit<StripeErrorBody, 'type'>): ApiError {
  return new ApiError(402, withDocs({ type: 'card_error', ...body }))
}

export function authenticationError(message: string): ApiError {
  // Stripe answers bad or missing keys with 401 and type invalid_request_error (there is no
  // "authentication_error" type on the wire); the SDK turns any 401 into StripeAuthenticationError.
  return new ApiError(401, { type: 'invalid_request_error', message })
}

export function idempotencyError(message: string): ApiError {
  return new ApiError(400, { type: 'idempotency_error', message })
}

export function notFoundRoute(method: string, path: string): ApiError {
  return new ApiError(404, {
    type: 'invalid_request_error',
    message: `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
  })
}

export function internalError(): ApiError {
  return new ApiError(500, { type: 'api_error', message: 'An unknown error occurred in the Stripe sandbox.' })
}
