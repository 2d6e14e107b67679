// Order history: paging through every order with filters, totals and CSV export (owned by the history area).
export const historyChannels = {} as const
