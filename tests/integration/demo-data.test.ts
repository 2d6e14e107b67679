import { describe, expect, it } from 'vitest'
import { loadDemoDataOnFirstStart } from '../../src/main/core/demo-data'
import { addCourse, count, tempStore } from '../helpers/temp-store'

describe('demo data', () => {
  it('fills a new store once: a dozen courses in several currencies and a few customers', () => {
    const { db } = tempStore()
    expect(loadDemoDataOnFirstStart(db, 1)).toBe(true)
    expect(count(db, 'course')).toBeGreaterThanOrEqual(12)
    expect(count(db, 'account')).toBeGreaterThanOrEqual(3)
    const currencies = db.prepare('SELECT DISTINCT currency FROM course').pluck().all()
    expect(currencies).toEqual(expect.arrayContaining(['GBP', 'EUR', 'JPY', 'KWD']))
    // Zero-decimal prices are whole yen, not multiplied by 100.
    expect(db.prepare("SELECT max(price_amount) FROM course WHERE currency = 'JPY'").pluck().get()).toBeLessThan(100_000)
    expect(loadDemoDataOnFirstStart(db, 2)).toBe(false)
    db.prepare('DELETE FROM course').run()
    expect(loadDemoDataOnFirstStart(db, 3)).toBe(false)
    expect(count(db, 'course')).toBe(0)
  })

  it('never loads into a store that already has data', () => {
    const { db } = tempStore()
    addCourse(db, { price: 100, currency: 'GBP' })
    expect(loadDemoDataOnFirstStart(db, 1)).toBe(false)
    expect(count(db, 'course')).toBe(1)
    expect(count(db, 'account')).toBe(0)
  })

  it('refuses invalid demo data and writes nothing', () => {
    const { db } = tempStore()
    const bad = { courses: [{ code: 'K', title: 'T', description: '', priceAmount: 15005, currency: 'KWD' }], customers: [] }
    expect(() => loadDemoDataOnFirstStart(db, 1, bad)).toThrow(/not chargeable/)
    expect(count(db, 'course')).toBe(0)
    expect(count(db, 'app_setting')).toBe(0)
  })
})
