import type Stripe from 'stripe'
import type { ExternalLine } from '@shared/external-payments'
import type { Db } from '../store/db'
import { sql } from '../store/statements'
import { idOf } from '../stripe/expandable'

/** The lookup key a published course's price carries (catalog/publish.ts): shop-wide, the same on every till. */
export const courseLookupKey = (code: string) => `coursetill_course_${code}`
/** Also on the price's and product's metadata, so an archived price (its key moved on) is still recognised. */
export const COURSE_CODE_METADATA_KEY = 'coursetill_course_code'

interface CourseRow {
  id: number
  title: string
  price_amount: number
  currency: string
}

/** Which course a Stripe price sells: by lookup key, the code in its metadata, or a product/price we published. */
export function courseForPrice(db: Db, price: Pick<Stripe.Price, 'id' | 'lookup_key' | 'metadata' | 'product'> | null | undefined): number | null {
  if (!price) return null
  const key = price.lookup_key?.startsWith('coursetill_course_') ? price.lookup_key.slice('coursetill_course_'.length) : null
  const code = key ?? price.metadata?.[COURSE_CODE_METADATA_KEY] ?? null
  if (code) {
    const byCode = sql(db, 'SELECT id FROM course WHERE code = ?').pluck().get(code) as number | undefined
    if (byCode !== undefined) return byCode
  }
  const published = sql(db, 'SELECT course_id FROM course_stripe_price WHERE stripe_price_id = ? OR stripe_product_id = ? LIMIT 1')
    .pluck()
    .get(price.id, idOf(price.product) ?? '') as number | undefined
  return published ?? null
}

export function linesOf(db: Db, items: readonly Stripe.LineItem[]): ExternalLine[] {
  return items.map((item) => ({
    description: item.description ?? item.price?.nickname ?? 'Item',
    priceId: item.price?.id ?? null,
    productId: idOf(item.price?.product) ?? null,
    lookupKey: item.price?.lookup_key ?? null,
    amount: item.amount_total,
    quantity: item.quantity ?? 1,
    courseId: courseForPrice(db, item.price),
  }))
}

export function courseRow(db: Db, id: number): CourseRow | undefined {
  return sql(db, 'SELECT id, title, price_amount, currency FROM course WHERE id = ?').get(id) as CourseRow | undefined
}

/**
 * Null when what Stripe charged is exactly the store's prices (one of each course, same currency, nothing
 * added or taken off); otherwise why not, in words for the manager reviewing it.
 */
export function priceMismatch(db: Db, lines: readonly ExternalLine[], amount: number, currency: string): string | null {
  const seen = new Set<number>()
  let expected = 0
  for (const line of lines) {
    const course = line.courseId === null ? undefined : courseRow(db, line.courseId)
    if (!course) return `"${line.description}" is not a course of this shop`
    if (seen.has(course.id) || line.quantity !== 1) return `"${course.title}" was sold more than once in one payment`
    seen.add(course.id)
    if (course.currency !== currency) return `"${course.title}" is priced in ${course.currency}, Stripe charged ${currency}`
    if (line.amount !== course.price_amount) return `"${course.title}" costs ${course.price_amount} ${currency} minor units here, Stripe charged ${line.amount}`
    expected += course.price_amount
  }
  return expected === amount ? null : `Stripe charged ${amount} ${currency} minor units in all, the courses add up to ${expected}`
}
