import type { AppInfo } from '@shared/domain'
import type { Channel, ChannelResult, ParsedInput } from '@shared/ipc-contract'
import type { Config } from '../config'
import type { CoreContext } from '../context'
import type { ManagerAccess } from '../manager/pin'
import type { PaymentsRuntime } from '../payments/setup'

/**
 * Who is calling, as the transport knows it (never from the payload): the seat a PIN was typed at, so failed
 * PINs slow that seat down and not the others (core/manager/guess-limits.ts).
 */
export interface Caller {
  seat: string
}

/** Handlers for one area's channels: each takes the parsed input (managerToken already checked by dispatch). */
export type HandlersFor<Channels> = {
  [C in keyof Channels & Channel]: (input: ParsedInput<C>, caller?: Caller) => ChannelResult<C> | Promise<ChannelResult<C>>
}

/** Everything an area's handlers may need, passed in (never imported as globals). */
export interface HandlerDeps {
  ctx: CoreContext
  config: Config
  info: () => AppInfo
  payments: PaymentsRuntime
  manager: ManagerAccess
}

/** Who did it, for audit_log: counter staff, or whoever held an unlocked manager session. */
export const STAFF = 'staff'
export const MANAGER = 'manager'
