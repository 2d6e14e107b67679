import { initial } from './001-initial'
import { paymentSync } from './002-payment-sync'
import { historyIndexes } from './003-history-indexes'
import { insightIndexes } from './004-insight-indexes'
import { refundLines } from './008-refund-lines'
import type { Migration } from './types'

// Append-only: the position in this list is the schema version recorded in PRAGMA user_version.
export const migrations: readonly Migration[] = [initial, paymentSync, historyIndexes, insightIndexes, refundLines]

export type { Migration }
