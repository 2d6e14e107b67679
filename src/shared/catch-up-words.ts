import type { CatchUpStatus } from './domain'

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`

/**
 * What the last catch-up did, for a manager rather than an engineer: how many of Stripe's updates were looked at,
 * how many the till had missed (and has now taken in), and the payments and refunds it followed up.
 */
export function catchUpSummary(status: CatchUpStatus): string {
  if (status.state === 'running') return 'Checking Stripe for anything this till missed…'
  const parts: string[] = []
  if (status.eventsListed === 0) parts.push('Nothing new from Stripe since the last check.')
  else if (status.eventsApplied === 0) parts.push(`Looked at ${plural(status.eventsListed, 'update', 'updates')} from Stripe: this till already had ${status.eventsListed === 1 ? 'it' : 'all of them'}.`)
  else {
    const missed = status.eventsApplied === 1 ? '1 had been missed and is now recorded' : `${status.eventsApplied.toLocaleString('en-GB')} had been missed and are now recorded`
    parts.push(`Looked at ${plural(status.eventsListed, 'update', 'updates')} from Stripe: ${missed}.`)
  }
  if (status.intentsChecked > 0) parts.push(`Re-checked ${plural(status.intentsChecked, 'unfinished card payment', 'unfinished card payments')}.`)
  if (status.refundsRetried > 0) parts.push(`Sent ${plural(status.refundsRetried, 'refund', 'refunds')} to Stripe again.`)
  return parts.join(' ')
}

/** The toast after a run the manager asked for. */
export function catchUpToast(status: CatchUpStatus): string {
  if (status.eventsApplied === 0) return 'Nothing was missing: this till is up to date with Stripe.'
  return `${plural(status.eventsApplied, 'missed update', 'missed updates')} from Stripe recorded.`
}
