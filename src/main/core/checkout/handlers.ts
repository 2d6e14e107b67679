import type { payLinkChannels } from '@shared/contract/pay-links'
import type { HandlerDeps, HandlersFor } from '../api/handler-types'
import type { PayLinks } from './pay-links'

export function payLinkHandlers({ payLinks }: Pick<HandlerDeps, 'payLinks'>): HandlersFor<typeof payLinkChannels> {
  return {
    'payLinks:open': (input) => payLinks().open(input.orderId, input.lifetimeMinutes),
    'payLinks:list': (input) => payLinks().list(input.orderId),
    'payLinks:sync': (input) => payLinks().sync(input.orderId),
    'payLinks:expire': (input) => payLinks().expireUnneeded(input.orderId, true),
  }
}

export type { PayLinks }
