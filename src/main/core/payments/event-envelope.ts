import { z } from 'zod'

/**
 * The least an event must have before we touch the store. Signature checks prove who sent it;
 * this proves it is shaped like an event, so a handler never reads undefined.
 */
export const StripeEventEnvelope = z.looseObject({
  id: z.string().regex(/^evt_[A-Za-z0-9_]+$/).max(255),
  type: z.string().min(1).max(255),
  created: z.int().nonnegative(),
  data: z.looseObject({
    object: z.looseObject({ id: z.string().min(1).max(255) }),
  }),
})

export type StripeEventEnvelope = z.infer<typeof StripeEventEnvelope>
