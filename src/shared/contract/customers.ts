import { z } from 'zod'
import type { Account } from '../domain'
import { channel, id, storedText } from './channel'

// Correcting a customer: what is given changes (phone null removes it), the rest stays. In shop mode the edit
// reaches every till; the latest edit wins (README, Shop mode).
export const customerChannels = {
  'customers:update': channel<Account>()(
    z.strictObject({
      customerId: id,
      email: z.email().max(254).optional(),
      name: storedText(200).pipe(z.string().min(1)).optional(),
      phone: z.string().trim().min(3).max(40).nullable().optional(),
    }),
  ),
} as const
