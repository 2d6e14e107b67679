import type { Migration } from './types'

// A store restored from a backup (or a shop database restored from one) no longer matches the shop book. The till
// finds out by comparing how far it knows it has pushed with how far the shop says it has (shop/reseed.ts):
// pushed_seq is the last outbox seq the shop confirmed, written after each push (NULL until the first: a store
// upgraded to this version adopts what the shop says). While a re-seed is landing, sweep_upto/sweep_after say
// which of the shop's rows this store no longer has: every row of this till the re-seed set aside (sync_seq <=
// sweep_upto) and did not write again once the push has passed sweep_after.
export const shopRestoreMark: Migration = {
  version: 21,
  name: 'shop-restore-mark',
  sql: `
ALTER TABLE shop_sync_state ADD COLUMN pushed_seq INTEGER CHECK (pushed_seq IS NULL OR pushed_seq >= 0);
ALTER TABLE shop_sync_state ADD COLUMN sweep_upto INTEGER CHECK (sweep_upto IS NULL OR sweep_upto > 0);
ALTER TABLE shop_sync_state ADD COLUMN sweep_after INTEGER CHECK (sweep_after IS NULL OR sweep_after >= 0);
`,
}
