import { isStripeChargeable } from '@shared/money'
import type { Db } from '../../src/main/core/store/db'
import { PLANNED_COURSES, type PlannedCourse } from './catalog-data'
import type { Random } from './random'
import { DAY_MS, HISTORY_DAYS, type HistoryWindow } from './timeline'

/** A course row as orders see it, with when it could be bought. */
export interface SellableCourse {
  id: number
  title: string
  priceAmount: number
  currency: string
  onSaleFrom: number
  onSaleUntil: number
}

export interface Catalog {
  courseCount: number
  /** Currencies with at least one course on sale throughout the history window. */
  currencies: readonly string[]
  /** Up to `count` distinct courses in `currency` on sale at `at`, best sellers more often. */
  pickCourses(rng: Random, currency: string, at: number, count: number): SellableCourse[]
}

const LAUNCHED_BEFORE_HISTORY_DAYS = HISTORY_DAYS + 180

interface CourseRow {
  id: number
  code: string
  title: string
  price_amount: number
  currency: string
  active: number
}

/**
 * Puts the planned courses in the store (keeping any row whose code is already there, e.g. demo data a first start
 * loaded) and returns every course as read back: order prices come from the rows, as the till takes them.
 */
export function stockCatalog(db: Db, rng: Random, window: HistoryWindow): Catalog {
  const insert = db.prepare(
    `INSERT INTO course (code, title, description, price_amount, currency, active, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO NOTHING`,
  )
  const planned = new Map(PLANNED_COURSES.map((course) => [course.code, course]))
  for (const course of PLANNED_COURSES) {
    if (!isStripeChargeable(course.priceAmount, course.currency)) throw new Error(`${course.code}: price is not chargeable`)
    const { from, until } = saleWindow(course, window.now)
    // A retired course was last updated when it was taken off sale.
    const retired = until !== Infinity
    const { code, title, description, priceAmount, currency } = course
    insert.run(code, title, description, priceAmount, currency, retired ? 0 : 1, from, retired ? until : from)
  }

  const rows = db.prepare('SELECT id, code, title, price_amount, currency, active FROM course ORDER BY id').all() as CourseRow[]
  const byCurrency = new Map<string, Array<{ course: SellableCourse; popularity: number }>>()
  for (const row of rows) {
    const plan = planned.get(row.code)
    // A course the plan does not know (entered by hand) sells throughout the history if active, never if not.
    const { from, until } = plan ? saleWindow(plan, window.now) : { from: -Infinity, until: -Infinity }
    const course: SellableCourse = {
      id: row.id,
      title: row.title,
      priceAmount: row.price_amount,
      currency: row.currency,
      onSaleFrom: from,
      onSaleUntil: row.active ? Infinity : until,
    }
    const list = byCurrency.get(row.currency) ?? []
    // Uneven popularity: a few best sellers carry most orders, as in any shop.
    list.push({ course, popularity: 0.2 + rng.next() ** 2 * 4 })
    byCurrency.set(row.currency, list)
  }

  const currencies = [...byCurrency]
    .filter(([, list]) => list.some(({ course }) => course.onSaleFrom <= window.start && course.onSaleUntil >= window.now))
    .map(([currency]) => currency)

  const popularityTotals = new Map([...byCurrency].map(([currency, list]) => [currency, list.reduce((sum, e) => sum + e.popularity, 0)]))

  return {
    courseCount: rows.length,
    currencies,
    pickCourses(rng, currency, at, count) {
      const list = byCurrency.get(currency) ?? []
      const total = popularityTotals.get(currency) ?? 0
      const chosen: SellableCourse[] = []
      // Rejection sampling: the lists are short (≤ 20) and most courses are on sale, so a few draws suffice.
      for (let attempt = 0; attempt < count * 12 && chosen.length < count; attempt++) {
        let target = rng.next() * total
        let pick = list[list.length - 1]
        for (const entry of list) {
          target -= entry.popularity
          if (target < 0) {
            pick = entry
            break
          }
        }
        const course = pick?.course
        if (!course || at < course.onSaleFrom || at > course.onSaleUntil || chosen.includes(course)) continue
        chosen.push(course)
      }
      // Unlucky draws can all land on courses not yet (or no longer) sold: fall back to the first one that is.
      if (chosen.length === 0) {
        const onSale = list.find(({ course }) => course.onSaleFrom <= at && at <= course.onSaleUntil)
        if (onSale) chosen.push(onSale.course)
      }
      return chosen
    },
  }
}

function saleWindow(course: PlannedCourse, now: number): { from: number; until: number } {
  const from = now - (course.launchedDaysAgo ?? LAUNCHED_BEFORE_HISTORY_DAYS) * DAY_MS
  const until = course.retiredDaysAgo === undefined ? Infinity : now - course.retiredDaysAgo * DAY_MS
  return { from, until }
}
