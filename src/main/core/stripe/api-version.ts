/** Pinned: a new SDK release must not silently change the shapes our handlers read. */
export const STRIPE_API_VERSION = '2026-10-28.endive' as const
