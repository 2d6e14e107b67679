import { z } from 'zod'
import { isStripeChargeable } from '@shared/money'
import demoData from '../../../resources/demo-data.json'
import { audit } from './audit'
import type { Db } from './store/db'
import { sql } from './store/statements'

const DemoData = z.strictObject({
  courses: z.array(
    z
      .strictObject({
        code: z.string().min(1).max(64),
        title: z.string().min(1).max(200),
        description: z.string().max(2000),
        priceAmount: z.int().positive(),
        currency: z.string().regex(/^[A-Z]{3}$/),
        active: z.boolean().optional(),
      })
      .refine((c) => isStripeChargeable(c.priceAmount, c.currency), { message: 'price is not chargeable in its currency' }),
  ),
  customers: z.array(z.strictObject({ email: z.email(), name: z.string().min(1), phone: z.string().nullable() })),
})

const LOADED_MARKER = 'demo_data_loaded_at'

/**
 * Fills a brand-new store with the demo catalog and customers so a fresh install can sell at once.
 * Runs only on first start: once marked, a manager who empties the catalog does not see it come back.
 */
export function loadDemoDataOnFirstStart(db: Db, now: number, data: unknown = demoData): boolean {
  const parsed = DemoData.parse(data)
  return db
    .transaction(() => {
      if (sql(db, 'SELECT 1 FROM app_setting WHERE key = ?').get(LOADED_MARKER)) return false
      const hasData = sql(db, 'SELECT (SELECT count(*) FROM course) + (SELECT count(*) FROM account) AS n').get() as { n: number }
      sql(db, 'INSERT INTO app_setting (key, value) VALUES (?, ?)').run(LOADED_MARKER, String(now))
      if (hasData.n > 0) return false
      for (const course of parsed.courses) {
        sql(
          db,
          `INSERT INTO course (code, title, description, price_amount, currency, active, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(course.code, course.title, course.description, course.priceAmount, course.currency, course.active === false ? 0 : 1, now, now)
      }
      for (const customer of parsed.customers) {
        sql(db, 'INSERT INTO account (email, name, phone, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(
          customer.email,
          customer.name,
          customer.phone,
          now,
          now,
        )
      }
      audit(db, now, {
        actor: 'system',
        action: 'demo_data.loaded',
        entityType: 'setting',
        entityId: LOADED_MARKER,
        detail: { courses: parsed.courses.length, customers: parsed.customers.length },
      })
      return true
    })
    .immediate()
}
