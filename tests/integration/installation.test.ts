import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { readInstallationId } from '../../src/main/core/installation'
import { migrate, openDatabase } from '../../src/main/core/store/db'
import { migrations } from '../../src/main/core/store/migrations'
import { idempotencyKey, scopeOf } from '../../src/main/core/stripe/installation-scope'
import { tempDir, tempStore } from '../helpers/temp-store'

describe('the installation id', () => {
  it('is made with the store, differs between stores and is the same after reopening', () => {
    const dir = tempDir()
    const a = openDatabase(join(dir, 'a.db'))
    const b = openDatabase(join(dir, 'b.db'))
    const idA = readInstallationId(a)
    expect(idA).toMatch(/^[0-9a-f]{32}$/)
    expect(readInstallationId(b)).not.toBe(idA)
    a.close()
    const reopened = openDatabase(join(dir, 'a.db'))
    expect(readInstallationId(reopened)).toBe(idA)
    reopened.close()
    b.close()
  })

  it('is kept by a store restored from a backup', async () => {
    const { db } = tempStore()
    const backupFile = join(tempDir(), 'backup.db')
    await db.backup(backupFile)
    const restored = openDatabase(backupFile)
    expect(readInstallationId(restored)).toBe(readInstallationId(db))
    restored.close()
  })

  it('keeps the id an earlier version kept for its webhook endpoint, so that endpoint stays its own', () => {
    const file = join(tempDir(), 'v4.db')
    const old = new Database(file)
    migrate(old, migrations.slice(0, 4))
    old.prepare("INSERT INTO app_setting (key, value) VALUES ('install_id', '0c1e4a52-9f3b-4c1e-8a55-2f7b5c9d0e11')").run()
    old.close()
    const db = openDatabase(file)
    expect(readInstallationId(db)).toBe('0c1e4a52-9f3b-4c1e-8a55-2f7b5c9d0e11')
    expect(db.prepare("SELECT count(*) FROM app_setting WHERE key = 'install_id'").pluck().get()).toBe(0)
    db.close()
  })

  it('can never be changed or removed', () => {
    const { db } = tempStore()
    expect(() => db.prepare("UPDATE installation SET id = 'ffffffffffffffffffffffffffffffff'").run()).toThrow(/never changes/)
    expect(() => db.prepare('DELETE FROM installation').run()).toThrow(/never changes/)
    expect(() => db.prepare("INSERT INTO installation (singleton, id, created_at) VALUES (2, 'ffffffffffffffffffffffffffffffff', 0)").run()).toThrow(/CHECK/)
  })
})

describe('installation scope', () => {
  it('names the installation in every key', () => {
    expect(idempotencyKey('abc123', 'order', 1, 'attempt', 2)).toBe('coursetill-abc123-order-1-attempt-2')
  })

  it('tells ours, another till’s and objects made before installations were recorded', () => {
    expect(scopeOf({ metadata: { coursetill_install: 'me' } }, 'me')).toBe('ours')
    expect(scopeOf({ metadata: { coursetill_install: 'other' } }, 'me')).toBe('foreign')
    expect(scopeOf({ metadata: { order_id: '1' } }, 'me')).toBe('legacy')
    expect(scopeOf({ metadata: null }, 'me')).toBe('legacy')
  })
})
