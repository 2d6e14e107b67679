import { describe, expect, it } from 'vitest'
import { placeCauses } from '../../src/main/core/insight/timeline'
import type { TimelineEntry } from '../../src/shared/insight'

const audit = (id: number, at: number, actor: string): TimelineEntry => ({ kind: 'audit', id, at, actor, action: `a${id}`, entityType: 'payment', entityId: '1', detail: {} })
const stripe = (eventId: string, at: number, outcome: 'applied' | 'skipped' | 'review' = 'applied'): TimelineEntry => ({
  kind: 'stripe',
  at,
  receivedAt: at,
  eventId,
  type: 'charge.succeeded',
  created: Math.floor(at / 1000),
  objectId: null,
  outcome,
  error: null,
})
const names = (entries: TimelineEntry[]) => entries.map((e) => (e.kind === 'stripe' ? e.eventId : e.id))

describe('placing a Stripe event before what applying it wrote', () => {
  it('moves an applied event in front of the stripe rows just before it, at the time they start', () => {
    const placed = placeCauses([audit(1, 100, 'staff'), audit(2, 196, 'stripe'), audit(3, 196, 'stripe'), stripe('evt_a', 198), audit(4, 300, 'staff')])
    expect(names(placed)).toEqual([1, 'evt_a', 2, 3, 4])
    expect(placed[1]).toMatchObject({ at: 196, receivedAt: 198 })
    for (let i = 1; i < placed.length; i++) expect(placed[i]!.at).toBeGreaterThanOrEqual(placed[i - 1]!.at)
  })

  it('leaves skipped events, rows by others and rows long before where they are', () => {
    expect(names(placeCauses([audit(1, 100, 'stripe'), stripe('evt_skip', 101, 'skipped')]))).toEqual([1, 'evt_skip'])
    expect(names(placeCauses([audit(1, 100, 'staff'), stripe('evt_a', 101)]))).toEqual([1, 'evt_a'])
    expect(names(placeCauses([audit(1, 100, 'stripe'), stripe('evt_a', 5000)]))).toEqual([1, 'evt_a'])
  })

  it('keeps each of several events with its own effects', () => {
    const placed = placeCauses([audit(1, 10, 'stripe'), stripe('evt_a', 12), audit(2, 12, 'stripe'), audit(3, 13, 'stripe'), stripe('evt_b', 14, 'review')])
    expect(names(placed)).toEqual(['evt_a', 1, 'evt_b', 2, 3])
  })
})
