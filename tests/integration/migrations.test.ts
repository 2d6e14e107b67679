import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate, openDatabase, schemaVersion } from '../../src/main/core/store/db'
import { migrations, type Migration } from '../../src/main/core/store/migrations'
import { orderedMigrations } from '../../src/main/core/store/migrations/ordered'
import { tempDir } from '../helpers/temp-store'

const MANIFEST = 'src/main/core/store/migrations/shipped.sha256'

const label = (m: Pick<Migration, 'version' | 'name'>) => `${String(m.version).padStart(3, '0')}-${m.name}`
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

/** label → hash, from the checked-in manifest (`<sha256>  <NNN-name>`, `#` comments). */
function shippedHashes(): Map<string, string> {
  const hashes = new Map<string, string>()
  for (const line of readFileSync(MANIFEST, 'utf8').split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue
    const match = /^([0-9a-f]{64}) {2}(\d{3}-[a-z0-9-]+)$/.exec(line)
    if (!match) throw new Error(`${MANIFEST}: malformed line "${line}"`)
    expect(hashes.has(match[2]!), `${match[2]} is listed twice in ${MANIFEST}`).toBe(false)
    hashes.set(match[2]!, match[1]!)
  }
  return hashes
}

const schemaOf = (db: Database.Database) =>
  db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all()

describe('shipped migrations', () => {
  it('are unchanged: the SQL of each one hashes to the line checked in for it', () => {
    const shipped = shippedHashes()
    for (const migration of migrations) {
      const hash = sha256(migration.sql)
      const recorded = shipped.get(label(migration))
      // A new migration: its line is added once, with the migration. The message is the line to add.
      expect(recorded, `${label(migration)} has no hash in ${MANIFEST}; add this line:\n${hash}  ${label(migration)}`).toBeDefined()
      expect(hash, `${label(migration)} was edited after it shipped; revert it and write a new migration instead`).toBe(recorded)
    }
  })

  it('are all still there: every line of the manifest names a migration in the list', () => {
    const known = new Set(migrations.map(label))
    for (const name of shippedHashes().keys()) expect(known.has(name), `${name} is in ${MANIFEST} but not in migrations/index.ts`).toBe(true)
  })

  it('each live in the file named for its version', () => {
    for (const migration of migrations) {
      expect(existsSync(`src/main/core/store/migrations/${label(migration)}.ts`), label(migration)).toBe(true)
    }
  })
})

describe('migration versions', () => {
  const [first, second, third] = migrations as [Migration, Migration, Migration]

  it('are declared, 1..N, whatever order the list is written in', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_m, index) => index + 1))
    expect(orderedMigrations([third, first, second]).map((m) => m.version)).toEqual([1, 2, 3])
  })

  it.each([
    ['two migrations with one version', () => [first, second, { ...third, version: 2, name: 'also-two' }], /'payment-sync' and 'also-two' both declare version 2/],
    ['a gap', () => [first, third], /version 2 is missing/],
    ['a list not starting at 1', () => [second, third], /version 1 is missing/],
    ['a version that is not a whole number', () => [first, { ...second, version: 1.5 }], /declares version 1.5/],
  ])('refuse %s, before the store file is even opened', (_what, list, message) => {
    const file = join(tempDir(), 'coursetill.db')
    expect(() => orderedMigrations(list())).toThrow(message)
    expect(() => openDatabase(file, { migrations: list() })).toThrow(message)
    expect(existsSync(file)).toBe(false)
  })

  it('decide what runs: a list written out of order migrates as the declared versions say', () => {
    const dir = tempDir()
    const inOrder = openDatabase(join(dir, 'in-order.db'), { migrations: [first, second, third] })
    const shuffled = openDatabase(join(dir, 'shuffled.db'), { migrations: [third, first, second] })
    expect(schemaVersion(shuffled)).toBe(3)
    expect(schemaOf(shuffled)).toEqual(schemaOf(inOrder))
    inOrder.close()
    shuffled.close()
  })

  it('decide what is pending: a store at version 2 runs only what declares 3 and up', () => {
    const db = new Database(join(tempDir(), 'coursetill.db'))
    migrate(db, [second, first])
    expect(schemaVersion(db)).toBe(2)
    // Migration 1 again would fail (its tables exist): only 3 runs.
    expect(migrate(db, [third, second, first])).toBe(3)
    expect(schemaVersion(db)).toBe(3)
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'order_history'").pluck().get()).toBe(1)
    db.close()
  })
})
