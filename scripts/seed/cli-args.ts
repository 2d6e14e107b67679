import { parseArgs } from 'node:util'

export interface SeedCommand {
  dir: string
  orders: number
  seed: number
  now: number | undefined
  force: boolean
}

export type ParsedArgs = { help: true } | { help: false; command: SeedCommand }

export class UsageError extends Error {
  override name = 'UsageError'
}

export const USAGE = `Usage: npm run seed:large -- --orders <n> --dir <folder> [--seed <n>] [--now <ISO date>] [--force]

Fills <folder>/coursetill.db with a realistic order history for benchmarks.
  --orders <n>      how many orders to create (1 to 20,000,000; _ and , separators allowed)
  --dir <folder>    where the store lives (created if missing)
  --seed <n>        random seed, the same seed and --now give the same store (default 1)
  --now <date>      end of the two-year history, e.g. 2025-06-30T18:00:00Z (default: now)
  --force           delete an existing coursetill.db first instead of refusing
Exit codes: 0 done, 2 the store already has orders, 64 bad arguments, 1 anything else.`

// Beyond this the order times alone (8 bytes each, sorted in memory) stop being a small thing.
const MAX_ORDERS = 20_000_000

export function parseSeedArgs(argv: readonly string[]): ParsedArgs {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        orders: { type: 'string' },
        dir: { type: 'string' },
        seed: { type: 'string' },
        now: { type: 'string' },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    })
  } catch (error) {
    // node:util's messages are clear ("Unknown option '--oders'"); only the trailing hint is theirs to drop.
    throw new UsageError(error instanceof Error ? error.message.replace(/\. To specify.*$/s, '') : String(error))
  }
  const { values } = parsed
  if (values.help) return { help: true }
  if (values.orders === undefined) throw new UsageError('--orders <n> is required')
  if (values.dir === undefined || values.dir.trim() === '') throw new UsageError('--dir <folder> is required')
  return {
    help: false,
    command: {
      orders: wholeNumber('--orders', values.orders, 1, MAX_ORDERS),
      dir: values.dir,
      seed: values.seed === undefined ? 1 : wholeNumber('--seed', values.seed, 0, 2 ** 32 - 1),
      now: values.now === undefined ? undefined : instant('--now', values.now),
      force: values.force,
    },
  }
}

function wholeNumber(option: string, text: string, min: number, max: number): number {
  const digits = text.trim().replace(/[_,]/g, '')
  if (!/^\d+$/.test(digits)) throw new UsageError(`${option} must be a whole number, got "${text}"`)
  const value = Number(digits)
  if (value < min || value > max) {
    throw new UsageError(`${option} must be between ${min.toLocaleString('en')} and ${max.toLocaleString('en')}, got ${text}`)
  }
  return value
}

function instant(option: string, text: string): number {
  // Date.parse accepts "1" or "June"; insist on an ISO date so a typo is not read as some other year.
  const at = /^\d{4}-\d{2}-\d{2}/.test(text) ? Date.parse(text) : NaN
  if (Number.isNaN(at)) throw new UsageError(`${option} must be an ISO date such as 2025-06-30T18:00:00Z, got "${text}"`)
  return at
}
