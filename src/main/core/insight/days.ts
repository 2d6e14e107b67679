// Calendar days in a zone are shared with the renderer (the Orders date filters use the same rule).
export { dayRanges, localDay, startOfDay, zoneOffset, type DayRange } from '@shared/zoned-days'
