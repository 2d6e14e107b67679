import type { CatalogInStripe } from '@shared/external-payments'
import type { Db } from '../store/db'
import { sql } from '../store/statements'
import type { PublishResult } from './publish'
import { publishesCatalog } from './setting'

export function catalogInStripe(db: Db, lastRun: PublishResult | null): CatalogInStripe {
  const counts = sql(
    db,
    `SELECT sum(p.active = 1 AND c.active = 1 AND p.amount = c.price_amount AND p.currency = c.currency) AS published,
            sum(p.active = 0) AS archived,
            sum(c.active = 1 AND (p.course_id IS NULL OR p.active = 0 OR p.amount <> c.price_amount OR p.currency <> c.currency)) AS pending
       FROM course c LEFT JOIN course_stripe_price p ON p.course_id = c.id`,
  ).get() as { published: number | null; archived: number | null; pending: number | null }
  return { enabled: publishesCatalog(db), published: counts.published ?? 0, archived: counts.archived ?? 0, pending: counts.pending ?? 0, lastRun }
}
