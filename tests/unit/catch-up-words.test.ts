import { describe, expect, it } from 'vitest'
import type { CatchUpStatus } from '../../src/shared/domain'
import { catchUpSummary, catchUpToast } from '../../src/shared/catch-up-words'

const idle: CatchUpStatus = { state: 'idle', lastStartedAt: 1, lastFinishedAt: 2, lastError: null, eventsListed: 0, eventsApplied: 0, intentsChecked: 0, refundsRetried: 0 }

describe('catch-up in words a manager understands', () => {
  it('says what was looked at and what was missing, never "listed" or "applied"', () => {
    expect(catchUpSummary(idle)).toBe('Nothing new from Stripe since the last check.')
    expect(catchUpSummary({ ...idle, eventsListed: 56 })).toBe('Looked at 56 updates from Stripe: this till already had all of them.')
    expect(catchUpSummary({ ...idle, eventsListed: 1 })).toBe('Looked at 1 update from Stripe: this till already had it.')
    expect(catchUpSummary({ ...idle, eventsListed: 1200, eventsApplied: 3 })).toBe('Looked at 1,200 updates from Stripe: 3 had been missed and are now recorded.')
    expect(catchUpSummary({ ...idle, eventsListed: 4, eventsApplied: 1, intentsChecked: 2, refundsRetried: 1 })).toBe(
      'Looked at 4 updates from Stripe: 1 had been missed and is now recorded. Re-checked 2 unfinished card payments. Sent 1 refund to Stripe again.',
    )
    expect(catchUpSummary({ ...idle, state: 'running', eventsListed: 9 })).toBe('Checking Stripe for anything this till missed…')
    for (const status of [idle, { ...idle, eventsListed: 56 }, { ...idle, eventsListed: 5, eventsApplied: 5 }]) expect(catchUpSummary(status)).not.toMatch(/listed|applied|event/)
  })

  it('toasts the outcome of a run asked for', () => {
    expect(catchUpToast(idle)).toBe('Nothing was missing: this till is up to date with Stripe.')
    expect(catchUpToast({ ...idle, eventsListed: 10, eventsApplied: 2 })).toBe('2 missed updates from Stripe recorded.')
  })
})
