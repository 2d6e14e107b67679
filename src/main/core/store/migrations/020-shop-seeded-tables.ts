import type { Migration } from './types'

// Shop mode queues a table's existing rows once, when the table first joins the sync. Until now that was one flag
// for the whole store (shop_sync_state.seeded_at), so a table added to SYNCED_TABLES later (staff, shifts, credit…)
// would never have its older rows queued at a till already in shop mode. Each table is now seeded on its own; the
// tables synced so far count as seeded where the store was.
export const shopSeededTables: Migration = {
  version: 20,
  name: 'shop-seeded-tables',
  sql: `
CREATE TABLE shop_seeded_table (
  table_name TEXT PRIMARY KEY CHECK (length(table_name) BETWEEN 1 AND 64),
  seeded_at INTEGER NOT NULL
) STRICT;
INSERT INTO shop_seeded_table (table_name, seeded_at)
  SELECT t.name, s.seeded_at FROM shop_sync_state AS s,
    (SELECT 'course' AS name UNION ALL SELECT 'account' UNION ALL SELECT 'purchase_order' UNION ALL SELECT 'purchase_order_item'
     UNION ALL SELECT 'payment' UNION ALL SELECT 'refund' UNION ALL SELECT 'account_has_course' UNION ALL SELECT 'audit_log') AS t
   WHERE s.seeded_at IS NOT NULL;
`,
}
