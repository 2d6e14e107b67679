// The one contract between the renderer and the main process: channel names and payload schemas,
// defined once. The preload, the IPC registration and the browser host's HTTP routes all derive from it.
import type { z } from 'zod'
import type { LiveEvent } from './domain'
import { historyChannels } from './contract/history'
import { insightChannels } from './contract/insight'
import { liveChannels } from './contract/live'
import { managerChannels } from './contract/manager'
import { mergeChannelAreas } from './contract/merge-areas'
import { salesChannels } from './contract/sales'
import { recurringChannels } from './contract/recurring'
import { staffChannels } from './contract/staff'
import { shiftChannels } from './contract/shifts'
import { discountChannels } from './contract/discounts'
import { creditChannels } from './contract/credit'
import { payLinkChannels } from './contract/pay-links'
import { externalChannels } from './contract/external'
import { shopChannels, shopDetailChannels } from './contract/shop'
import { shopSettingsChannels } from './contract/shop-settings'
import { customerChannels } from './contract/customers'
import { receiptChannels } from './contract/receipts'

// Merged by a helper that throws on a name declared twice (a spread would let the later area win silently).
/** Every area of the contract: a new area file is listed here once. */
export const CHANNEL_AREAS = [salesChannels, managerChannels, historyChannels, insightChannels, liveChannels, recurringChannels, staffChannels, shiftChannels, discountChannels, creditChannels, payLinkChannels, externalChannels, shopChannels, shopSettingsChannels, customerChannels, receiptChannels, shopDetailChannels] as const
export const channels = mergeChannelAreas(...CHANNEL_AREAS)

export type Channel = keyof typeof channels
export type ChannelInput<C extends Channel> = z.input<(typeof channels)[C]['input']>
export type ParsedInput<C extends Channel> = z.output<(typeof channels)[C]['input']>
export type ChannelResult<C extends Channel> = (typeof channels)[C]['result']

export const CHANNEL_NAMES = Object.keys(channels) as Channel[]

export function isManagerChannel(name: Channel): boolean {
  return channels[name].manager
}

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
