import { z } from 'zod'
import type { AppInfo } from '../domain'
import { managerChannel, storedText } from './channel'

/** At most this many lines of address on a receipt (a receipt printer's narrow roll). */
export const MAX_ADDRESS_LINES = 4
/** Letters, digits, spaces and the separators tax ids use (GB 123 4567 89, DE123456789, 12-3456789, 123/456/78901). */
export const TAX_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9 .\-/]{1,38}[A-Za-z0-9]$/

const address = storedText(300)
  .refine((text) => text.split('\n').length <= MAX_ADDRESS_LINES, `at most ${MAX_ADDRESS_LINES} lines`)
  .refine((text) => text.split('\n').every((line) => line.trim().length <= 60), 'at most 60 characters a line')
const taxId = z
  .string()
  .trim()
  .max(40)
  .refine((text) => text === '' || TAX_ID_PATTERN.test(text), 'letters and digits (3–40), with spaces, dots, dashes or slashes between')

/** What every receipt prints under the shop's name: its address and tax id (empty: not printed). */
export const receiptChannels = {
  'settings:setReceiptDetails': managerChannel<AppInfo>()({ address, taxId }),
} as const
