import type { Db } from './store/db'
import { sql } from './store/statements'

export function readSetting(db: Db, key: string): string | undefined {
  return (sql(db, 'SELECT value FROM app_setting WHERE key = ?').get(key) as { value: string } | undefined)?.value
}

export function writeSetting(db: Db, key: string, value: string): void {
  sql(db, 'INSERT INTO app_setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value)
}
