// A sandbox file written before the events index (schema version 1) is migrated on open: its events are
// indexed, in their original order and with created bounds still exact when the clock went back.

import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { startSandbox } from '../../src'
import { objectId, sdkFor, tempDbFile } from './helpers'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** Takes a current file back to the version-1 layout: no event_index, no per-field indexes. */
function rewindToVersion1(file: string): void {
  const db = new Database(file)
  const added = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql LIKE '%json_extract%'")
    .pluck()
    .all() as string[]
  for (const name of added) db.exec(`DROP INDEX "${name}"`)
  db.exec('DROP TABLE event_index')
  db.pragma('user_version = 1')
  db.close()
}

describe('sandbox schema migration 2 (events index)', () => {
  it('indexes the events of an existing file, keeping order, filters and field lookups', async () => {
    let clock = 1_900_000_000
    const dataFile = tempDbFile()
    const first = await startSandbox({ dataFile, now: () => clock }, { enabled: false })
    const before = sdkFor(first)
    const late = await before.customers.create({ email: 'late@example.com' })
    clock -= 100
    const pi = await before.paymentIntents.create({ amount: 900, currency: 'usd', allowed_payment_method_types: ['card'], payment_method: 'pm_card_visa', confirm: true })
    const refund = await before.refunds.create({ payment_intent: pi.id, amount: 100 })
    const listed = (await before.events.list({ limit: 100 })).data
    await first.close()
    rewindToVersion1(dataFile)

    const second = await startSandbox({ dataFile, now: () => clock }, { enabled: false })
    cleanups.push(() => second.close())
    const after = sdkFor(second)
    expect((await after.events.list({ limit: 100 })).data).toEqual(listed)
    // The customer's event is the oldest but carries the latest time: a created bound must still find it.
    const lateOnes = await after.events.list({ created: { gte: clock + 50 } })
    expect(lateOnes.data.map(objectId)).toEqual([late.id])
    expect((await after.events.list({ limit: 100, created: { gte: clock } })).data).toEqual(listed)
    const intents = await after.events.list({ type: 'payment_intent.*', created: { lte: clock } })
    expect(intents.data.map((event) => event.type)).toEqual(['payment_intent.succeeded', 'payment_intent.created'])
    expect((await after.refunds.list({ payment_intent: pi.id })).data.map((r) => r.id)).toEqual([refund.id])
    expect((await after.customers.list({ email: 'late@example.com' })).data.map((c) => c.id)).toEqual([late.id])

    // New events join the index after the migrated ones.
    const newer = await after.customers.create({})
    const page = await after.events.list({ limit: 2 })
    expect(objectId(page.data[0])).toBe(newer.id)
    expect(page.data[1]?.id).toBe(listed[0]?.id)
  })
})
