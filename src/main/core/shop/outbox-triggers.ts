import type { Db } from '../store/db'
import { SYNCED_TABLES, type SyncedTable } from './synced-tables'

// The outbox triggers, made from the list of synced tables and the local schema as it is now (every column of
// the table goes into the row's JSON), so a migration adding a column needs nothing here: the triggers are
// dropped and made again at each start in shop mode. They write in the transaction of the change itself, so a
// committed change always has its outbox row and a rolled-back one never does.

const NOW_MS = `CAST(unixepoch('subsec') * 1000 AS INTEGER)`

function columnsOf(db: Db, table: string): string[] {
  const columns = (db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name)
  if (columns.length === 0) throw new Error(`synced table ${table} does not exist`)
  return columns
}

/** The row as JSON, `alias` naming it (NEW in a trigger, the table's alias in the backfill). */
export function rowJson(db: Db, entry: SyncedTable, alias: string): string {
  const omitted = new Set(entry.omit ?? [])
  const fields = columnsOf(db, entry.table).filter((column) => !omitted.has(column)).map((column) => `'${column}', ${alias}.${column}`)
  for (const [name, expression] of Object.entries(entry.extras ?? {})) {
    fields.push(`'${name}', ${expression.replaceAll('NEW.', `${alias}.`)}`)
  }
  return `json_object(${fields.join(', ')})`
}

export function localIdOf(entry: SyncedTable, alias: string): string {
  return entry.key.map((column) => `${alias}.${column}`).join(` || ':' || `)
}

const triggerName = (table: string, event: string) => `shop_outbox_${table}_${event}`

function triggersFor(db: Db, entry: SyncedTable): string {
  const { table } = entry
  const enqueue = (alias: string, op: 'upsert' | 'delete') =>
    `INSERT INTO sync_outbox (table_name, local_id, op, row, created_at)
     VALUES ('${table}', ${localIdOf(entry, alias)}, '${op}', ${op === 'upsert' ? rowJson(db, entry, alias) : 'NULL'}, ${NOW_MS});`
  const keyChanged = entry.key.map((column) => `OLD.${column} IS NOT NEW.${column}`).join(' OR ')
  return `
CREATE TRIGGER ${triggerName(table, 'insert')} AFTER INSERT ON ${table} BEGIN ${enqueue('NEW', 'upsert')} END;
CREATE TRIGGER ${triggerName(table, 'rekey')} AFTER UPDATE ON ${table} WHEN ${keyChanged} BEGIN ${enqueue('OLD', 'delete')} END;
CREATE TRIGGER ${triggerName(table, 'update')} AFTER UPDATE ON ${table} BEGIN ${enqueue('NEW', 'upsert')} END;
CREATE TRIGGER ${triggerName(table, 'delete')} AFTER DELETE ON ${table} BEGIN ${enqueue('OLD', 'delete')} END;`
}

function dropTriggers(db: Db, tables: readonly SyncedTable[]) {
  for (const { table } of tables) {
    for (const event of ['insert', 'rekey', 'update', 'delete']) db.exec(`DROP TRIGGER IF EXISTS ${triggerName(table, event)}`)
  }
}

/**
 * Shop mode on: (re)makes the triggers and queues the existing rows of every table not seeded yet (parents first,
 * in the list's order) in the same transaction, so nothing sold before shop mode (or before its table joined the
 * sync) is left out and nothing is queued twice.
 */
export function installOutbox(db: Db, now: number, tables: readonly SyncedTable[] = SYNCED_TABLES): void {
  db.transaction(() => {
    dropTriggers(db, tables)
    for (const entry of tables) db.exec(triggersFor(db, entry))
    const seeded = new Set(db.prepare('SELECT table_name FROM shop_seeded_table').pluck().all() as string[])
    for (const entry of tables) {
      if (seeded.has(entry.table)) continue
      db.prepare(
        `INSERT INTO sync_outbox (table_name, local_id, op, row, created_at)
         SELECT '${entry.table}', ${localIdOf(entry, 'src')}, 'upsert', ${rowJson(db, entry, 'src')}, ? FROM ${entry.table} AS src`,
      ).run(now)
      db.prepare('INSERT INTO shop_seeded_table (table_name, seeded_at) VALUES (?, ?)').run(entry.table, now)
    }
    db.prepare('UPDATE shop_sync_state SET seeded_at = coalesce(seeded_at, ?) WHERE singleton = 1').run(now)
  }).immediate()
}

/**
 * Shop mode off: the triggers go (the outbox stops growing); what is queued stays for when it comes back, and
 * then every row is queued again (upserts are idempotent), since changes made meanwhile had no outbox row.
 */
export function removeOutbox(db: Db, tables: readonly SyncedTable[] = SYNCED_TABLES): void {
  const installed = db.prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'shop_outbox_%'`).pluck().get() as number
  if (installed === 0) return
  db.transaction(() => {
    dropTriggers(db, tables)
    db.prepare('UPDATE shop_sync_state SET seeded_at = NULL WHERE singleton = 1').run()
    db.prepare('DELETE FROM shop_seeded_table').run()
  }).immediate()
}
