import { z } from 'zod'
import { AppError, type Envelope, type ErrorPayload } from '@shared/errors'
import { channels, isChannel } from '@shared/ipc-contract'
import type { Logger } from '../logging/logger'
import type { Caller } from './handler-types'
import type { Handlers } from './handlers'

/** caller: what the transport knows of the sender (IPC: our window; HTTP: the browser's seat cookie). */
export type Dispatch = (channel: unknown, payload: unknown, caller?: Caller) => Promise<Envelope<unknown>>

/**
 * The one entry for every call from a window, whatever carried it (IPC or HTTP): unknown channels,
 * payloads that do not match the contract and manager actions without an unlocked session are all
 * refused before any handler runs.
 */
export function createDispatch(handlers: Handlers, manager: { isValid(token: unknown): boolean }, log: Logger): Dispatch {
  return (channel, payload, caller) => dispatch(handlers, manager, log, channel, payload, caller)
}

async function dispatch(
  handlers: Handlers,
  manager: { isValid(token: unknown): boolean },
  log: Logger,
  channel: unknown,
  payload: unknown,
  caller: Caller | undefined,
): Promise<Envelope<unknown>> {
  if (!isChannel(channel)) return failure({ code: 'invalid_input', message: `Unknown API call "${String(channel).slice(0, 80)}"` })
  const spec = channels[channel]
  if (spec.manager && !manager.isValid((payload as { managerToken?: unknown } | null)?.managerToken)) {
    return failure({ code: 'manager_required', message: 'This needs the manager PIN: unlock manager mode and try again' })
  }
  const parsed = spec.input.safeParse(payload ?? {})
  if (!parsed.success) {
    return failure({ code: 'invalid_input', message: `Invalid input for ${channel}: ${describeIssues(parsed.error)}` })
  }
  try {
    const handler = handlers[channel] as (input: unknown, caller?: Caller) => unknown
    return { ok: true, value: await handler(parsed.data, caller) }
  } catch (error) {
    return failure(toErrorPayload(error, channel, log))
  }
}

export function toErrorPayload(error: unknown, channel: string, log: Logger): ErrorPayload {
  if (error instanceof AppError) return { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) }
  if (isSqliteBusy(error)) return { code: 'unavailable', message: 'The store is busy; try again in a moment' }
  // Anything else is our bug: log it whole (redacted, like every line), tell the window only that it happened.
  log.error('api.internal_error', { channel, error })
  return { code: 'internal', message: 'Something went wrong inside CourseTill; the action was not completed' }
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ')
}

function isSqliteBusy(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === 'SQLITE_BUSY'
}

const failure = (error: ErrorPayload): Envelope<never> => ({ ok: false, error })
