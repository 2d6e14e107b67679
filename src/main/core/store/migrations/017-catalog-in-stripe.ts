import type { Migration } from './types'

const CURRENCY = (column: string) => `CHECK (length(${column}) = 3 AND ${column} = upper(${column}) AND ${column} NOT GLOB '*[^A-Z]*')`

// Issue 13: the catalog published in Stripe (one product per course, its current price found by the lookup key
// coursetill_course_<code>), so Payment Links and invoices made in the dashboard sell courses the till recognises.
// This row is what this till last published (or found published by another till) for the course.
export const catalogInStripe: Migration = {
  version: 17,
  name: 'catalog-in-stripe',
  sql: `
CREATE TABLE course_stripe_price (
  course_id INTEGER PRIMARY KEY REFERENCES course(id),
  -- Our own id (coursetill_course_<code>), or Stripe's prod_… for a product found already there.
  stripe_product_id TEXT NOT NULL CHECK (length(stripe_product_id) BETWEEN 1 AND 255),
  stripe_price_id TEXT NOT NULL UNIQUE CHECK (stripe_price_id LIKE 'price_%'),
  amount INTEGER NOT NULL CHECK (amount > 0),
  currency TEXT NOT NULL ${CURRENCY('currency')},
  -- 0 once the course is retired and its product and price archived in Stripe.
  active INTEGER NOT NULL CHECK (active IN (0, 1)),
  published_at INTEGER NOT NULL
) STRICT;
CREATE INDEX course_stripe_price_product ON course_stripe_price(stripe_product_id);
`,
}
