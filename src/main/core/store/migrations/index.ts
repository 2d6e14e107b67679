import { initial } from './001-initial'
import type { Migration } from './types'

// Append-only: the position in this list is the schema version recorded in PRAGMA user_version.
export const migrations: readonly Migration[] = [initial]

export type { Migration }
