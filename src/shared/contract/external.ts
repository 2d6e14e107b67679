import { z } from 'zod'
import type { CatalogInStripe, ExternalPayment } from '../external-payments'
import { channel, id, managerChannel, storedText } from './channel'

/** Payments taken in Stripe without the till: the managers' Unmatched payments inbox. */
export const externalChannels = {
  'external:list': channel<{ payments: ExternalPayment[]; enabled: boolean }>()(z.strictObject({ status: z.enum(['unmatched', 'recorded', 'dismissed']) })),
  /** Places an inbox payment: an existing customer (accountId) or a new one, and a course for each of its lines. */
  'external:assign': managerChannel<ExternalPayment>()({
    externalId: id,
    accountId: id.optional(),
    newCustomer: z.strictObject({ name: storedText(200).pipe(z.string().min(1)), email: z.email().max(254).optional() }).optional(),
    courseIds: z.array(id).min(1).max(50),
  }),
  'external:dismiss': managerChannel<ExternalPayment>()({ externalId: id, reason: storedText(500).pipe(z.string().min(3, 'say why (at least 3 characters)')) }),
  /** Whether this till records external payments (one till of the shop should, until the shared book). */
  'external:setEnabled': managerChannel<{ enabled: boolean }>()({ enabled: z.boolean() }),
  /** The catalog in Stripe: whether this till publishes it, and how many courses are published or archived there. */
  'catalog:stripe': channel<CatalogInStripe>()(z.strictObject({})),
  /** Turns publishing on (it runs now, then with every catch-up) or off (what is in Stripe stays). */
  'catalog:setPublishing': managerChannel<CatalogInStripe>()({ enabled: z.boolean() }),
} as const
