// The one contract between the renderer and the main process: channel names and payload schemas,
// defined once. The preload, the IPC registration and the browser host's HTTP routes all derive from it.
import { z } from 'zod'
import { REFUND_REASONS, type Account, type AppInfo, type CardCheckout, type CatchUpStatus, type Course, type LiveEvent, type OrderDetail } from './domain'

const id = z.int().positive().max(Number.MAX_SAFE_INTEGER)
const minorUnits = z.int().positive().max(Number.MAX_SAFE_INTEGER)
const searchText = z.string().trim().max(200)

/** Declares a channel: its input schema, and its result type (results are ours, so they are typed, not parsed). */
function channel<Result>() {
  return <Input extends z.ZodType>(input: Input) => ({ input, result: undefined as unknown as Result })
}

export const channels = {
  'app:info': channel<AppInfo>()(z.strictObject({})),
  'catalog:list': channel<Course[]>()(
    z.strictObject({ query: searchText.optional(), includeInactive: z.boolean().optional() }),
  ),
  'accounts:search': channel<Account[]>()(
    z.strictObject({ query: searchText.optional(), limit: z.int().min(1).max(100).optional() }),
  ),
  'accounts:create': channel<Account>()(
    z.strictObject({
      email: z.email().max(254),
      name: z.string().trim().min(1).max(200),
      phone: z.string().trim().min(3).max(40).nullable().optional(),
    }),
  ),
  'orders:create': channel<OrderDetail>()(
    z.strictObject({ accountId: id, courseIds: z.array(id).max(50) }),
  ),
  'orders:get': channel<OrderDetail>()(z.strictObject({ orderId: id })),
  'orders:cancel': channel<OrderDetail>()(z.strictObject({ orderId: id })),
  'orders:recordCash': channel<OrderDetail>()(z.strictObject({ orderId: id, tendered: minorUnits })),
  'payments:startCard': channel<CardCheckout>()(z.strictObject({ orderId: id })),
  'payments:sync': channel<OrderDetail>()(z.strictObject({ orderId: id })),
  'payments:refund': channel<OrderDetail>()(
    z.strictObject({
      paymentId: id,
      amount: minorUnits,
      reason: z.enum(REFUND_REASONS),
      note: z.string().trim().max(500).nullable().optional(),
      requestKey: z.string().min(8).max(100).optional(),
    }),
  ),
  'sync:status': channel<CatchUpStatus>()(z.strictObject({})),
  'sync:run': channel<CatchUpStatus>()(z.strictObject({})),
} as const

export type Channel = keyof typeof channels
export type ChannelInput<C extends Channel> = z.input<(typeof channels)[C]['input']>
export type ParsedInput<C extends Channel> = z.output<(typeof channels)[C]['input']>
export type ChannelResult<C extends Channel> = (typeof channels)[C]['result']

export const CHANNEL_NAMES = Object.keys(channels) as Channel[]

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(channels, name)
}

/** The single channel on which the main process pushes LiveEvents to windows. */
export const LIVE_EVENT_CHANNEL = 'live:event'

/** What the renderer sees, whichever transport (Electron IPC or loopback HTTP) carries it. */
export interface CourseTillApi {
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelResult<C>>
  /** Returns a function that stops listening. */
  onLiveEvent(listener: (event: LiveEvent) => void): () => void
}
