import type { AppInfo } from '@shared/domain'
import type { StaffPerson } from '@shared/staff'
import type { Channel, ChannelResult, ParsedInput } from '@shared/ipc-contract'
import type { Connection } from '../connection/connection'
import type { CoreContext } from '../context'
import type { Logger } from '../logging/logger'
import type { ManagerAccess } from '../manager/pin'
import type { CardPayments } from '../payments/card-payment'
import type { CatchUp } from '../payments/catch-up'
import type { Refunds } from '../payments/refunds'
import type { Recurring } from '../memberships/recurring'
import type { PayLinks } from '../checkout/pay-links'
import type { ShopSync } from '../shop/shop-sync'
import type { ShopSwitch } from '../shop/shop-switch'

/**
 * Who is calling, as the transport knows it (never from the payload): the seat a PIN was typed at, so failed
 * PINs slow that seat down and not the others (core/manager/guess-limits.ts).
 */
export interface Caller {
  seat: string
  /** The person signed in at the till (or, for a manager channel called with only a manager's token, that manager). */
  person?: StaffPerson | null
  /** The manager or owner whose session authorised a manager channel. */
  approver?: StaffPerson | null
}

/** Handlers for one area's channels: each takes the parsed input (managerToken already checked by dispatch). */
export type HandlersFor<Channels> = {
  [C in keyof Channels & Channel]: (input: ParsedInput<C>, caller?: Caller) => ChannelResult<C> | Promise<ChannelResult<C>>
}

/**
 * Everything handlers may need, passed in (never imported as globals); each area takes only the part it uses.
 * The payments parts are functions: they belong to the Stripe account in use, which saving keys replaces.
 */
export interface HandlerDeps {
  ctx: CoreContext
  dataDir: string
  info: () => AppInfo
  log: Logger
  manager: ManagerAccess
  connection: Connection
  cardPayments(): CardPayments
  refunds(): Refunds
  catchUp(): CatchUp
  recurring(): Recurring
  payLinks(): PayLinks
  /** Publishes the catalog to the Stripe account in use now. */
  publishCatalog(): Promise<import('../catalog-stripe/publish').PublishResult>
  /** Shop mode's sync in use now (Settings can switch it on and off); null when this till is on its own. */
  shop?: () => ShopSync | null
  /** Shop mode's database URL in Settings. */
  shopSwitch?: ShopSwitch
}

/** Who did it, for audit_log: counter staff, or whoever held an unlocked manager session. */
export const STAFF = 'staff'
export const MANAGER = 'manager'
