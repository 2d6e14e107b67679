// Event type matching: endpoints subscribe with exact types or `*`; the Events list `type` filter also
// takes a trailing wildcard such as `payment_intent.*` (typeMatches states the rule; the list applies it in
// SQL, store/event-index.ts).

const EVENT_TYPE = /^[a-z0-9_]+(?:\.[a-z0-9_]+)+$/

export function isValidEventType(type: string): boolean {
  return type === '*' || EVENT_TYPE.test(type)
}

export function endpointWants(enabledEvents: readonly string[], type: string): boolean {
  return enabledEvents.includes('*') || enabledEvents.includes(type)
}

export function typeMatches(pattern: string, type: string): boolean {
  if (pattern === '*') return true
  if (pattern.endsWith('.*')) return type.startsWith(pattern.slice(0, -1))
  return pattern === type
}
