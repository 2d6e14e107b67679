// Order detail with its timeline, customers, and reports (owned by the insight area).
export const insightChannels = {} as const
