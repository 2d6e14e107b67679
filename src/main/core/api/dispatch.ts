import { z } from 'zod'
import { AppError, type Envelope, type ErrorPayload } from '@shared/errors'
import { channels, isChannel } from '@shared/ipc-contract'
import type { StaffPerson } from '@shared/staff'
import { canApprove } from '@shared/staff'
import type { Logger } from '../logging/logger'
import { runActing } from '../staff/acting'
import type { Caller } from './handler-types'
import type { Handlers } from './handlers'

/** caller: what the transport knows of the sender (IPC: our window; HTTP: the browser's seat cookie). */
export type Dispatch = (channel: unknown, payload: unknown, caller?: Caller) => Promise<Envelope<unknown>>

/**
 * The one entry for every call from a window, whatever carried it (IPC or HTTP): unknown channels,
 * payloads that do not match the contract and manager actions without an unlocked session are all
 * refused before any handler runs.
 */
/** What dispatch asks of staff access: whether anyone exists yet, and whose a session token is. */
export interface Gate {
  hasStaff(): boolean
  personOf(token: unknown): StaffPerson | null
}

export function createDispatch(handlers: Handlers, gate: Gate, log: Logger): Dispatch {
  return (channel, payload, caller) => dispatch(handlers, gate, log, channel, payload, caller)
}

async function dispatch(
  handlers: Handlers,
  gate: Gate,
  log: Logger,
  channel: unknown,
  payload: unknown,
  caller: Caller | undefined,
): Promise<Envelope<unknown>> {
  if (!isChannel(channel)) return failure({ code: 'invalid_input', message: `Unknown API call "${String(channel).slice(0, 80)}"` })
  const spec: { manager: boolean; open?: boolean; owner?: boolean; input: z.ZodType } = channels[channel]
  // The person at the till travels beside every payload as `staffToken`, taken off before the contract sees it.
  const { staffToken, body } = splitStaffToken(payload)
  const person = staffToken === undefined ? null : gate.personOf(staffToken)
  if (staffToken !== undefined && !person && !spec.open) return failure(SIGNED_OUT)
  let approver: StaffPerson | null = null
  if (spec.manager) {
    // A manager's token is a session of a manager or owner: their own sign-in, or their PIN typed on the spot.
    approver = gate.personOf((body as { managerToken?: unknown } | null)?.managerToken)
    if (!approver || !canApprove(approver.role)) {
      return failure({ code: 'manager_required', message: 'This needs a manager PIN: a manager or the owner must approve it' })
    }
    if (spec.owner && approver.role !== 'owner') return failure({ code: 'forbidden', message: 'Only the owner may do this' })
  } else if (!spec.open && !person && gate.hasStaff()) {
    return failure(SIGNED_OUT)
  } else {
    // A staff channel that needs a manager only sometimes (a discount over the limit) may carry one's token.
    const offered = gate.personOf((body as { managerToken?: unknown } | null)?.managerToken)
    approver = offered && canApprove(offered.role) ? offered : null
  }
  const parsed = spec.input.safeParse(body ?? {})
  if (!parsed.success) {
    return failure({ code: 'invalid_input', message: `Invalid input for ${channel}: ${describeIssues(parsed.error)}` })
  }
  try {
    const handler = handlers[channel] as (input: unknown, caller?: Caller) => unknown
    const acting = { person: person ?? approver, approver }
    const seat = caller?.seat ?? 'unknown'
    return { ok: true, value: await runActing(acting, () => handler(parsed.data, { seat, ...acting })) }
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

const SIGNED_OUT: ErrorPayload = { code: 'signin_required', message: 'No one is signed in at this till: sign in with your PIN' }

function splitStaffToken(payload: unknown): { staffToken: unknown; body: unknown } {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload) || !('staffToken' in payload)) return { staffToken: undefined, body: payload }
  const { staffToken, ...body } = payload as Record<string, unknown>
  return { staffToken, body }
}

const failure = (error: ErrorPayload): Envelope<never> => ({ ok: false, error })
