import { readSetting, writeSetting } from '../settings'
import type { Db } from '../store/db'
import { describeShopUrl } from './shop-url'

// Settings can point a till at another shop database. What it pulled from the old one (other tills' orders and
// grants, the read positions) belongs to that book, not the new one: it is forgotten, the new book is read from
// its start and every local row is queued again for it (upserts make a row already there harmless).
// A new password or user for the same database is the same book, and nothing is forgotten.

const BOOK_SETTING = 'shop_book'
const PULLED_COPIES = ['shop_order_copy', 'shop_order_day_total', 'shop_grant_copy', 'shop_external_payment_copy', 'shop_payment_copy', 'shop_refund_copy', 'shop_order_item_copy',
  'shop_order_discount_copy', 'shop_pull_cursor']

export function shopBookOf(url: string): string {
  const { host, port, database } = describeShopUrl(url)
  return `${host.toLowerCase()}:${port}/${database}`
}

export function forgetOtherShopBook(db: Db, url: string): void {
  const book = shopBookOf(url)
  const previous = readSetting(db, BOOK_SETTING)
  if (previous === book) return
  db.transaction(() => {
    if (previous !== undefined) {
      for (const table of PULLED_COPIES) db.exec(`DELETE FROM ${table}`)
      db.prepare('UPDATE shop_sync_state SET seeded_at = NULL, pulled_at = NULL, last_error = NULL WHERE singleton = 1').run()
    }
    writeSetting(db, BOOK_SETTING, book)
  }).immediate()
}
