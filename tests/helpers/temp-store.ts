import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { createCoreContext, type CoreContext } from '../../src/main/core/context'
import { openDatabase, type Db } from '../../src/main/core/store/db'

const cleanups: Array<() => void> = []
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!()
})

/** A fresh folder under the OS temp dir, removed after the test. */
export function tempDir(prefix = 'coursetill-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** A real SQLite file with the real migrations, and a core context with a controllable clock. */
export function tempStore(): { db: Db; ctx: CoreContext; file: string; clock: { now: number } } {
  const file = join(tempDir(), 'coursetill.db')
  const db = openDatabase(file)
  cleanups.push(() => db.open && db.close())
  const clock = { now: Date.UTC(2026, 10, 21, 12, 0, 0) }
  const ctx = createCoreContext(db, () => clock.now)
  return { db, ctx, file, clock }
}

/** Every row of every table (but `except`), hashed: equal snapshots mean nothing was written. */
export function snapshot(db: Db, except: readonly string[] = []): string {
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[]
  const hash = createHash('sha256')
  for (const table of tables.filter((name) => !except.includes(name))) hash.update(table + JSON.stringify(db.prepare(`SELECT * FROM "${table}" ORDER BY 1`).all()))
  return hash.digest('hex')
}

export function count(db: Db, table: string): number {
  return db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number
}

let courseSeq = 0
export function addCourse(db: Db, fields: { price: number; currency: string; active?: boolean; title?: string }): number {
  courseSeq += 1
  return Number(
    db
      .prepare(
        `INSERT INTO course (code, title, description, price_amount, currency, active, created_at, updated_at)
         VALUES (?, ?, '', ?, ?, ?, 0, 0)`,
      )
      .run(`C-${courseSeq}`, fields.title ?? `Course ${courseSeq}`, fields.price, fields.currency, fields.active === false ? 0 : 1)
      .lastInsertRowid,
  )
}

let accountSeq = 0
export function addAccount(db: Db, name = 'Test Customer'): number {
  accountSeq += 1
  return Number(
    db
      .prepare('INSERT INTO account (email, name, created_at, updated_at) VALUES (?, ?, 0, 0)')
      .run(`customer${accountSeq}@example.com`, name)
      .lastInsertRowid,
  )
}
