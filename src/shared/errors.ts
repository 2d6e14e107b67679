// Errors that cross the process boundary (IPC or HTTP) as { code, message } and are rebuilt on the other side.

export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'conflict',
  'forbidden',
  /** A manager-only call without a live manager session: the window asks for the PIN and tries once more. */
  'manager_required',
  /** Staff accounts exist and no one is signed in (or their session locked): the window shows the sign-in screen. */
  'signin_required',
  'unavailable',
  'payment_failed',
  'internal',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export class AppError extends Error {
  override name = 'AppError'
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message)
  }
}

export const invalidInput = (message: string, details?: Record<string, unknown>) => new AppError('invalid_input', message, details)
export const notFound = (message: string) => new AppError('not_found', message)
export const conflict = (message: string, details?: Record<string, unknown>) => new AppError('conflict', message, details)

export interface ErrorPayload {
  code: ErrorCode
  message: string
  details?: Record<string, unknown>
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload }
