import { z } from 'zod'
import type { PayLink, PayLinkView } from '../pay-links'
import { PAY_LINK_MAX_MINUTES, PAY_LINK_MIN_MINUTES } from '../pay-links'
import { channel, id } from './channel'

/** Pay on phone / send link: a Checkout Session for what the order still owes. */
export const payLinkChannels = {
  /** The order's open link (reused while it is for what is owed), or a new one. */
  'payLinks:open': channel<PayLinkView>()(
    z.strictObject({ orderId: id, lifetimeMinutes: z.int().min(PAY_LINK_MIN_MINUTES).max(PAY_LINK_MAX_MINUTES).optional() }),
  ),
  'payLinks:list': channel<PayLink[]>()(z.strictObject({ orderId: id })),
  /** The direct check: reads the order's open links from Stripe (the customer says they paid). */
  'payLinks:sync': channel<PayLink[]>()(z.strictObject({ orderId: id })),
  /** Staff withdraw the link: the session is expired at Stripe, so it can no longer be paid. */
  'payLinks:expire': channel<PayLink[]>()(z.strictObject({ orderId: id })),
} as const
