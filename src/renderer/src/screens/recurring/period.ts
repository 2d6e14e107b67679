import type { MembershipInterval } from '@shared/recurring'

export const PER = { month: 'month', year: 'year' } as const satisfies Record<MembershipInterval, string>
export const EVERY = { month: 'monthly', year: 'yearly' } as const satisfies Record<MembershipInterval, string>
