// Memberships (Stripe subscriptions) and payment plans (a course in parts): the shapes the screens see.

export type MembershipInterval = 'month' | 'year'
export type MembershipStatus = 'incomplete' | 'incomplete_expired' | 'trialing' | 'active' | 'past_due' | 'canceled' | 'unpaid' | 'paused'
export type OrderKind = 'sale' | 'membership' | 'renewal' | 'installment'

export interface MembershipPlan {
  id: number
  code: string
  title: string
  amount: number
  currency: string
  interval: MembershipInterval
  courses: Array<{ id: number; title: string }>
}

export interface Membership {
  id: number
  accountId: number
  planId: number
  planTitle: string
  status: MembershipStatus
  amount: number
  currency: string
  interval: MembershipInterval
  /** Unix ms; when it renews (or ends, with cancelAtPeriodEnd). */
  currentPeriodEnd: number | null
  cancelAtPeriodEnd: boolean
  lastFailure: string | null
  stripeSubscriptionId: string | null
  firstOrderId: number
  orderIds: number[]
}

/** The first period's checkout: confirm `clientSecret` with Stripe Elements. */
export interface MembershipCheckout {
  membershipId: number
  orderId: number
  paymentIntentId: string
  clientSecret: string
  amount: number
  currency: string
  interval: MembershipInterval
}

export interface InstallmentOffer {
  id: number
  courseId: number
  courseTitle: string
  total: number
  currency: string
  parts: number
  intervalDays: number
  /** Each part's amount, the first first (the remainder of the split goes to the first part). */
  partAmounts: number[]
}

export interface InstallmentCharge {
  id: number
  seq: number
  amount: number
  currency: string
  dueAt: number
  paidAt: number | null
  paidOrderId: number | null
  pastDue: boolean
}

export interface InstallmentPlan {
  id: number
  accountId: number
  courseId: number
  courseTitle: string
  amount: number
  currency: string
  suspended: boolean
  firstOrderId: number
  charges: InstallmentCharge[]
  pastDueAmount: number
  outstandingAmount: number
  /** The latest declined payment for parts still unpaid (an automatic off-session charge, or at the till). */
  lastChargeFailure: string | null
}

export interface RecurringReport {
  /** Money collected by memberships (first periods and renewals) and payment plans, per month and currency. */
  months: Array<{ month: string; currency: string; memberships: number; installments: number }>
  /** What is owed now: unpaid plan parts past their due date, and the renewals of past_due memberships. */
  pastDue: Array<{ currency: string; amount: number; plans: number; memberships: number }>
}
