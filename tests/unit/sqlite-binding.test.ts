import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openSqlite, SQLITE_BINDING_ENV } from '../../src/main/core/store/sqlite'

const require = createRequire(import.meta.url)
const nodeBuild = join(dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node')

afterEach(() => {
  delete process.env[SQLITE_BINDING_ENV]
})

describe('openSqlite', () => {
  it('uses the binding named in the environment (how npm start hands Electron its own build)', () => {
    process.env[SQLITE_BINDING_ENV] = nodeBuild
    const db = openSqlite(':memory:')
    expect(db.prepare('SELECT 41 + 1 AS answer').get()).toEqual({ answer: 42 })
    db.close()
  })
  it('fails loudly when that binding is missing, instead of silently using another', () => {
    process.env[SQLITE_BINDING_ENV] = '/nonexistent/better_sqlite3.node'
    expect(() => openSqlite(':memory:')).toThrow(/better_sqlite3\.node|Cannot find|no such file/i)
  })
})
