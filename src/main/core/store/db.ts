import type Database from 'better-sqlite3'
import { migrations as shippedMigrations, type Migration } from './migrations'
import { latestVersion, orderedMigrations } from './migrations/ordered'
import { openSqlite } from './sqlite'
import { foldText } from '@shared/fold-text'

export type Db = Database.Database

export class DatabaseTooNewError extends Error {
  override name = 'DatabaseTooNewError'
  constructor(
    readonly file: string,
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `${file} has schema version ${found} but this CourseTill understands up to ${supported}; ` +
        'it was written by a newer CourseTill. Update the app; the file was left untouched.',
    )
  }
}

export interface OpenOptions {
  migrations?: readonly Migration[]
  readonly?: boolean
}

/** Opens (creating if needed) the store and brings its schema up to date. */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const migrations = orderedMigrations(options.migrations ?? shippedMigrations)
  const latest = latestVersion(migrations)
  const db = openSqlite(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false })
  try {
    // Read the version before any pragma that writes, so a newer file is never touched.
    const found = schemaVersion(db)
    if (found > latest) throw new DatabaseTooNewError(file, found, latest)
    db.pragma('busy_timeout = 5000')
    // fold(text): accent- and case-insensitive matching in searches (the same rule as the renderer's filtering).
    db.function('fold', { deterministic: true }, (value: unknown) => (typeof value === 'string' ? foldText(value) : value))
    db.pragma('foreign_keys = ON')
    if (!options.readonly) {
      db.pragma('journal_mode = WAL')
      // FULL: a commit is on disk before it returns, so a webhook we acknowledged survives even a power cut
      // (NORMAL could lose it, and Stripe would not resend). Concurrent deliveries share one group commit,
      // which keeps the fsync off the per-event cost.
      db.pragma('synchronous = FULL')
      migrate(db, migrations)
    }
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number
}

/** Applies every pending migration, by declared version, in one transaction: all of them land, or none. */
export function migrate(db: Db, list: readonly Migration[]): number {
  const migrations = orderedMigrations(list)
  const latest = latestVersion(migrations)
  const from = schemaVersion(db)
  if (from > latest) throw new DatabaseTooNewError(db.name, from, latest)
  if (from === latest) return from
  db.transaction(() => {
    for (const migration of migrations) if (migration.version > from) db.exec(migration.sql)
    // A migration must leave every foreign key satisfiable, or none of it lands.
    const broken = db.pragma('foreign_key_check') as unknown[]
    if (broken.length > 0) throw new Error(`migration left ${broken.length} broken foreign keys`)
    db.pragma(`user_version = ${latest}`)
  }).immediate()
  return latest
}
