export interface Migration {
  /** The schema version this migration brings the store to (PRAGMA user_version); declared, never inferred. */
  version: number
  /** Short name for logs and for the shipped-hash manifest (shipped.sha256). */
  name: string
  sql: string
}
