import type { InstallmentOffer, MembershipPlan } from '@shared/recurring'
import { audit } from '../audit'
import type { Db } from '../store/db'
import { sql } from '../store/statements'
import { splitIntoParts } from '../installments/schedule'

interface PlanRow {
  id: number
  code: string
  title: string
  amount: number
  currency: string
  interval: 'month' | 'year'
}

export function listMembershipPlans(db: Db): MembershipPlan[] {
  const rows = sql(
    db,
    'SELECT id, code, title, price_amount AS amount, currency, interval FROM membership_plan WHERE active = 1 ORDER BY title COLLATE NOCASE',
  ).all() as PlanRow[]
  return rows.map((row) => ({
    ...row,
    courses: sql(
      db,
      'SELECT c.id, c.title FROM membership_plan_course p JOIN course c ON c.id = p.course_id WHERE p.plan_id = ? ORDER BY c.title',
    ).all(row.id) as Array<{ id: number; title: string }>,
  }))
}

export function listInstallmentOffers(db: Db): InstallmentOffer[] {
  const rows = sql(
    db,
    `SELECT o.id, o.course_id AS courseId, c.title AS courseTitle, c.price_amount AS total, c.currency, o.parts, o.interval_days AS intervalDays
       FROM installment_offer o JOIN course c ON c.id = o.course_id WHERE o.active = 1 AND c.active = 1 ORDER BY c.title COLLATE NOCASE`,
  ).all() as Array<Omit<InstallmentOffer, 'partAmounts'>>
  return rows.map((row) => ({ ...row, partAmounts: splitIntoParts(row.total, row.currency, row.parts) }))
}

const DEMO_MARKER = 'demo_offers_loaded_at'
const DEMO_PLANS = [
  { code: 'ALL-GBP-M', title: 'Small Business Membership', amount: 1900, currency: 'GBP', interval: 'month', courses: ['BOOK-101', 'XLS-110', 'SVC-120'] },
  { code: 'SHODO-Y', title: 'Shodō Club (yearly)', amount: 48000, currency: 'JPY', interval: 'year', courses: ['JPC-100'] },
  { code: 'ARC-KWD-M', title: 'Calligraphy Circle', amount: 4500, currency: 'KWD', interval: 'month', courses: ['ARC-100'] },
] as const
const DEMO_OFFERS = [
  { course: 'MKT-200', parts: 3, intervalDays: 30 },
  { course: 'PMF-300', parts: 3, intervalDays: 30 },
] as const

/** Demo memberships and plans over the demo courses, once, when those courses are there. */
export function loadDemoOffersOnce(db: Db, now: number): boolean {
  return db
    .transaction(() => {
      if (sql(db, 'SELECT 1 FROM app_setting WHERE key = ?').get(DEMO_MARKER)) return false
      sql(db, 'INSERT INTO app_setting (key, value) VALUES (?, ?)').run(DEMO_MARKER, String(now))
      const courseId = (code: string) => sql(db, 'SELECT id FROM course WHERE code = ?').pluck().get(code) as number | undefined
      if (courseId('BOOK-101') === undefined) return false
      for (const plan of DEMO_PLANS) {
        const id = sql(
          db,
          'INSERT INTO membership_plan (code, title, price_amount, currency, interval, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        ).run(plan.code, plan.title, plan.amount, plan.currency, plan.interval, now, now).lastInsertRowid
        for (const code of plan.courses) {
          const course = courseId(code)
          if (course !== undefined) sql(db, 'INSERT INTO membership_plan_course (plan_id, course_id) VALUES (?, ?)').run(id, course)
        }
      }
      for (const offer of DEMO_OFFERS) {
        const course = courseId(offer.course)
        if (course === undefined) continue
        sql(db, 'INSERT INTO installment_offer (course_id, parts, interval_days, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(course, offer.parts, offer.intervalDays, now, now)
      }
      audit(db, now, { actor: 'system', action: 'demo_offers.loaded', entityType: 'setting', entityId: DEMO_MARKER, detail: { plans: DEMO_PLANS.length, offers: DEMO_OFFERS.length } })
      return true
    })
    .immediate()
}
