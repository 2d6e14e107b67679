import { initial } from './001-initial'
import { paymentSync } from './002-payment-sync'
import { historyIndexes } from './003-history-indexes'
import { insightIndexes } from './004-insight-indexes'
import { installation } from './005-installation'
import { pinThrottle } from './006-pin-throttle'
import { cashRequestKey } from './007-cash-request-key'
import { recurring } from './008-recurring'
import { refundLines } from './009-refund-lines'
import { storeCredit } from './010-store-credit'
import { referralsCoupons } from './011-referrals-coupons'
import { staff } from './012-staff'
import { shifts } from './013-shifts'
import { discounts } from './014-discounts'
import { checkoutLinks } from './015-checkout-links'
import { externalPayments } from './016-external-payments'
import { catalogInStripe } from './017-catalog-in-stripe'
import { shopSync } from './018-shop-sync'
import { shopMoneyCopies } from './019-shop-money-copies'
import { shopSeededTables } from './020-shop-seeded-tables'
import { shopRestoreMark } from './021-shop-restore-mark'
import { accountEdits } from './022-account-edits'
import { noSale } from './023-no-sale'
import { receiptEmail } from './024-receipt-email'
import { creditInHistory } from './025-credit-in-history'
import { creditExpiry } from './026-credit-expiry'
import { externalClaim } from './027-external-claim'
import { shopHistory } from './028-shop-history'
import { shopFiguresPlan } from './029-shop-figures-plan'
import { orderedMigrations } from './ordered'
import type { Migration } from './types'

// Append-only. Each file declares its own version; this list is checked (1..N, none missing, none twice) when the
// module loads, so a clash between two new migrations stops the app at start-up and every test.
// Adding one: a new NNN-name.ts declaring `version: N`, one line here, and its hash in shipped.sha256
// (tests/integration/migrations.test.ts prints the line to add).
export const migrations: readonly Migration[] = orderedMigrations([
  initial,
  paymentSync,
  historyIndexes,
  insightIndexes,
  installation,
  pinThrottle,
  cashRequestKey,
  recurring,
  refundLines,
  storeCredit,
  referralsCoupons,
  staff,
  shifts,
  discounts,
  checkoutLinks,
  externalPayments,
  catalogInStripe,
  shopSync,
  shopMoneyCopies,
  shopSeededTables,
  shopRestoreMark,
  accountEdits,
  noSale,
  receiptEmail,
  creditInHistory,
  creditExpiry,
  externalClaim,
  shopHistory,
  shopFiguresPlan,
])

export type { Migration }
