import { initial } from './001-initial'
import { paymentSync } from './002-payment-sync'
import { historyIndexes } from './003-history-indexes'
import { insightIndexes } from './004-insight-indexes'
import { installation } from './005-installation'
import { recurring } from './009-recurring'
import type { Migration } from './types'

// Append-only: the position in this list is the schema version recorded in PRAGMA user_version.
export const migrations: readonly Migration[] = [initial, paymentSync, historyIndexes, insightIndexes, installation, recurring]

export type { Migration }
