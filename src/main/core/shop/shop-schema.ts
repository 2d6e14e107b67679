import { SHOP_MIGRATIONS, type ShopMigration } from './pg-migrations'
import { takeShopWriteLock, type ShopDatabase } from './shop-database'

/**
 * Brings the shop database to the newest schema this till knows, one transaction per migration under the shop's
 * lock (tills starting together apply each once). A database newer than this till is refused: it would push
 * rows into tables it does not understand.
 */
export async function migrateShop(db: ShopDatabase, migrations: readonly ShopMigration[] = SHOP_MIGRATIONS): Promise<number> {
  const latest = migrations.length
  migrations.forEach((m, index) => {
    if (m.version !== index + 1) throw new Error(`shop migration ${m.name} declares version ${m.version}, expected ${index + 1}`)
  })
  await db.transaction(async (tx) => {
    // Under the lock: two tills creating it at once would collide in PostgreSQL's catalog.
    await takeShopWriteLock(tx)
    await tx.query(`CREATE TABLE IF NOT EXISTS shop_schema_migration (
      version integer PRIMARY KEY CHECK (version > 0), name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`)
  })
  for (const migration of migrations) {
    await db.transaction(async (tx) => {
      await takeShopWriteLock(tx)
      const done = await tx.query('SELECT 1 FROM shop_schema_migration WHERE version = $1', [migration.version])
      if (done.length > 0) return
      await tx.query(migration.sql)
      await tx.query('INSERT INTO shop_schema_migration (version, name) VALUES ($1, $2)', [migration.version, migration.name])
    })
  }
  const [row] = await db.query<{ newest: number | null }>('SELECT max(version) AS newest FROM shop_schema_migration')
  const newest = row?.newest ?? 0
  if (newest > latest) throw new Error(`the shop database has schema version ${newest}, this till understands up to ${latest}: update the till`)
  return newest
}
