import type { Migration } from './types'

const CURRENCY = (column: string) => `CHECK (length(${column}) = 3 AND ${column} = upper(${column}) AND ${column} NOT GLOB '*[^A-Z]*')`
// Ten characters from an alphabet without look-alikes (no 0/O, 1/I/L): read aloud at a counter.
// The subquery names the account so SQLite evaluates it per row (an uncorrelated one runs once per statement).
const newCode = (accountId: string) =>
  `(SELECT group_concat(substr('ABCDEFGHJKMNPQRSTUVWXYZ23456789', 1 + abs(random() % 31), 1), '') FROM json_each('[0,0,0,0,0,0,0,0,0,0]') WHERE ${accountId} IS NOT NULL)`

// Issue 13, referrals and credit coupons. Every customer has a referral code (made by the store, so customers
// created by any path have one); a customer made with someone's code is "referred"; the bonus for a referred
// customer's first qualifying purchase is one row keyed by that customer, so it is paid once whatever replays.
export const referralsCoupons: Migration = {
  version: 11,
  name: 'referrals-coupons',
  sql: `
CREATE TABLE referral_code (
  account_id INTEGER PRIMARY KEY REFERENCES account(id),
  code TEXT NOT NULL UNIQUE CHECK (length(code) = 10 AND code = upper(code))
) STRICT;
INSERT INTO referral_code (account_id, code) SELECT id, ${newCode('account.id')} FROM account;
CREATE TRIGGER referral_code_for_new_account AFTER INSERT ON account BEGIN
  INSERT INTO referral_code (account_id, code) VALUES (NEW.id, ${newCode('NEW.id')});
END;

CREATE TABLE referral (
  referred_account_id INTEGER PRIMARY KEY REFERENCES account(id),
  referrer_account_id INTEGER NOT NULL REFERENCES account(id),
  created_at INTEGER NOT NULL,
  CHECK (referred_account_id <> referrer_account_id)
) STRICT;
CREATE INDEX referral_referrer ON referral(referrer_account_id);

-- At most one bonus per referred customer, for one order; reversed_at set when that order is fully refunded.
CREATE TABLE referral_bonus (
  referred_account_id INTEGER PRIMARY KEY REFERENCES referral(referred_account_id),
  order_id INTEGER NOT NULL UNIQUE REFERENCES purchase_order(id),
  amount INTEGER NOT NULL CHECK (amount > 0),
  currency TEXT NOT NULL ${CURRENCY('currency')},
  granted_at INTEGER NOT NULL,
  reversed_at INTEGER
) STRICT;

CREATE TABLE credit_coupon (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 4 AND 32 AND code = upper(code) AND code NOT GLOB '*[^A-Z0-9-]*'),
  amount INTEGER NOT NULL CHECK (amount > 0),
  currency TEXT NOT NULL ${CURRENCY('currency')},
  max_redemptions INTEGER CHECK (max_redemptions IS NULL OR max_redemptions > 0),
  expires_at INTEGER,
  created_by TEXT NOT NULL CHECK (length(created_by) > 0),
  created_at INTEGER NOT NULL
) STRICT;

-- One redemption per coupon and customer (the primary key); the coupon's limits are held by the trigger below.
CREATE TABLE coupon_redemption (
  coupon_id INTEGER NOT NULL REFERENCES credit_coupon(id),
  account_id INTEGER NOT NULL REFERENCES account(id),
  credit_entry_id INTEGER NOT NULL UNIQUE REFERENCES credit_entry(id),
  redeemed_at INTEGER NOT NULL,
  PRIMARY KEY (coupon_id, account_id)
) STRICT;
CREATE TRIGGER coupon_redemption_limits BEFORE INSERT ON coupon_redemption BEGIN
  SELECT RAISE(ABORT, 'coupon_used_up: this coupon has been redeemed as often as it may be')
   WHERE (SELECT max_redemptions FROM credit_coupon WHERE id = NEW.coupon_id) <=
         (SELECT count(*) FROM coupon_redemption WHERE coupon_id = NEW.coupon_id);
  SELECT RAISE(ABORT, 'coupon_expired: this coupon has expired')
   WHERE (SELECT expires_at FROM credit_coupon WHERE id = NEW.coupon_id) <= NEW.redeemed_at;
END;
`,
}
