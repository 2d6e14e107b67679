import type { Migration } from './types'

// A customer's name, email and phone can be corrected (customers:update). edited_at is the version of those three
// fields: when they were last edited here, or the time of the shop-wide edit this till took from the shop book
// (shop mode: the latest edit wins at every till, shop/customer-edits). NULL: as created.
export const accountEdits: Migration = {
  version: 22,
  name: 'account-edits',
  sql: `
ALTER TABLE account ADD COLUMN edited_at INTEGER CHECK (edited_at IS NULL OR edited_at > 0);
`,
}
