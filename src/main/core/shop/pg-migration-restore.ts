import type { ShopMigration } from './pg-migrations'

// Shop migration 5: what a till needs to notice that its store was restored from a backup (reseed.ts). The push
// cursor names the last change it landed (its outbox row's table, local id and time), so the till can tell "my
// last push committed but I did not hear back" (it still holds that change) from "this store is older than the
// shop book" (it never made it). What the shop knew of a restored till that its store no longer has is kept in
// shop_restore_archive, each row as it stood, before the till's rows are written anew.
export const restoreMark: ShopMigration = {
  version: 5,
  name: 'restore-mark',
  sql: `
ALTER TABLE shop_push_cursor ADD COLUMN last_change text CHECK (last_change IS NULL OR length(last_change) BETWEEN 1 AND 300);

CREATE TABLE shop_restore_archive (
  installation text NOT NULL CHECK (installation ~ '^[a-z0-9-]{16,64}$'),
  shop_table text NOT NULL CHECK (shop_table ~ '^shop_[a-z_]+$'),
  local_id text NOT NULL,
  sync_seq bigint NOT NULL,
  row jsonb NOT NULL,
  archived_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (installation, shop_table, local_id, sync_seq)
);
`,
}
