import type { Migration } from './types'

// Failed-PIN state lives in the store, so restarting the till resets no limit (core/manager/guess-limits.ts).
// Keyed by person (whose PIN is tried: 'manager' until staff accounts exist) and seat (where the guess came from).
export const pinThrottle: Migration = {
  version: 6,
  name: 'pin-throttle',
  sql: `
CREATE TABLE pin_seat_throttle (
  person TEXT NOT NULL CHECK (length(person) BETWEEN 1 AND 64),
  seat TEXT NOT NULL CHECK (length(seat) BETWEEN 1 AND 64),
  failures INTEGER NOT NULL CHECK (failures > 0),
  next_try_at INTEGER NOT NULL CHECK (next_try_at >= 0),
  last_failure_at INTEGER NOT NULL CHECK (last_failure_at >= 0),
  PRIMARY KEY (person, seat)
) STRICT;

CREATE TABLE pin_guess_budget (
  person TEXT NOT NULL PRIMARY KEY CHECK (length(person) BETWEEN 1 AND 64),
  theoretical_at INTEGER NOT NULL CHECK (theoretical_at >= 0)
) STRICT;
`,
}
