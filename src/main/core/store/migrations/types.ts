export interface Migration {
  /** Short name for logs; the version is the migration's 1-based position in the list. */
  name: string
  sql: string
}
