// Column definitions every shop table shares (pg-migrations.ts and the migrations after it).

/** The bookkeeping of a synced table: whose row, its local id, the till's outbox order, the shop's order. */
export const SYNC_COLUMNS = `
  installation text NOT NULL CHECK (installation ~ '^[a-z0-9-]{16,64}$'),
  local_id text NOT NULL CHECK (length(local_id) BETWEEN 1 AND 200),
  sync_seq bigint NOT NULL CHECK (sync_seq > 0),
  shop_seq bigint NOT NULL DEFAULT nextval('shop_seq'),
  deleted boolean NOT NULL DEFAULT false,
  PRIMARY KEY (installation, local_id)`
export const CURRENCY = (column: string) => `${column} text NOT NULL CHECK (${column} ~ '^[A-Z]{3}$')`
export const EMAIL = `email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254 AND email LIKE '%_@_%')`
