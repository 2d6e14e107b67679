import { inTransaction, type CoreContext } from '../context'
import { audit } from '../audit'
import { sql } from '../store/statements'
import type { CatalogGateway } from '../stripe/catalog-gateway'
import { COURSE_CODE_METADATA_KEY, courseLookupKey } from '../external/course-match'

interface CourseRow {
  id: number
  code: string
  title: string
  description: string
  price_amount: number
  currency: string
  active: number
  stripe_price_id: string | null
  stripe_product_id: string | null
  published_amount: number | null
  published_currency: string | null
  published_active: number | null
}

export interface PublishResult {
  published: number
  archived: number
  unchanged: number
}

/**
 * Publishes the catalog to Stripe, idempotently: a course whose price Stripe already has (by its lookup key, made
 * by this till or another) is left alone; a new or changed price is created and takes the key; a retired course's
 * price and product are archived. Dashboard Payment Links and invoices then sell prices the till recognises.
 */
export async function publishCatalog(ctx: CoreContext, gateway: CatalogGateway): Promise<PublishResult> {
  const result: PublishResult = { published: 0, archived: 0, unchanged: 0 }
  const courses = sql(
    ctx.db,
    `SELECT c.id, c.code, c.title, c.description, c.price_amount, c.currency, c.active, p.stripe_price_id, p.stripe_product_id,
            p.amount AS published_amount, p.currency AS published_currency, p.active AS published_active
       FROM course c LEFT JOIN course_stripe_price p ON p.course_id = c.id ORDER BY c.id`,
  ).all() as CourseRow[]
  for (const course of courses) {
    const current = course.published_active === 1 && course.published_amount === course.price_amount && course.published_currency === course.currency
    if (course.active === 1 && current) result.unchanged++
    else if (course.active === 1) {
      await publishOne(ctx, gateway, course)
      result.published++
    } else if (course.published_active === 1) {
      await gateway.archivePrice(course.stripe_price_id!)
      await gateway.archiveProduct(course.stripe_product_id!)
      inTransaction(ctx, () => {
        sql(ctx.db, 'UPDATE course_stripe_price SET active = 0, published_at = ? WHERE course_id = ?').run(ctx.now(), course.id)
        audit(ctx.db, ctx.now(), { actor: 'till', action: 'course.archived_in_stripe', entityType: 'course', entityId: course.id, detail: { price: course.stripe_price_id, product: course.stripe_product_id } })
      })
      result.archived++
    } else result.unchanged++
  }
  return result
}

async function publishOne(ctx: CoreContext, gateway: CatalogGateway, course: CourseRow) {
  const lookupKey = courseLookupKey(course.code)
  const wanted = { code: course.code, title: course.title, description: course.description, amount: course.price_amount, currency: course.currency }
  const existing = await gateway.priceByLookupKey(lookupKey)
  const matches = existing?.active && existing.unit_amount === course.price_amount && existing.currency === course.currency.toLowerCase() && !existing.recurring
  let price = matches ? existing : null
  if (!price) {
    const product = await gateway.ensureProduct(wanted, COURSE_CODE_METADATA_KEY)
    price = await gateway.createPrice(wanted, product.id, lookupKey, COURSE_CODE_METADATA_KEY)
    // The old price (its key moved on) is archived, so the dashboard offers only the current one.
    if (existing?.active && existing.id !== price.id) await gateway.archivePrice(existing.id)
  }
  const productId = typeof price.product === 'string' ? price.product : price.product.id
  inTransaction(ctx, () => {
    const now = ctx.now()
    sql(
      ctx.db,
      `INSERT INTO course_stripe_price (course_id, stripe_product_id, stripe_price_id, amount, currency, active, published_at) VALUES (?, ?, ?, ?, ?, 1, ?)
       ON CONFLICT (course_id) DO UPDATE SET stripe_product_id = excluded.stripe_product_id, stripe_price_id = excluded.stripe_price_id,
         amount = excluded.amount, currency = excluded.currency, active = 1, published_at = excluded.published_at`,
    ).run(course.id, productId, price.id, course.price_amount, course.currency, now)
    audit(ctx.db, now, { actor: 'till', action: 'course.published_in_stripe', entityType: 'course', entityId: course.id, detail: { price: price.id, product: productId, amount: course.price_amount, currency: course.currency, lookupKey } })
  })
}
