// npm run seed:large -- --orders 1000000 --dir /tmp/seed1m
// Fills a store with a large, realistic order history for benchmarks of the order-history screen.
import { parseSeedArgs, USAGE, UsageError } from './seed/cli-args'
import { seedLargeStore, StoreNotEmptyError, type SeedSummary } from './seed/seed-large-store'

const EXIT_FAILED = 1
const EXIT_STORE_NOT_EMPTY = 2
const EXIT_USAGE = 64 // sysexits.h EX_USAGE

function main(argv: readonly string[]): number {
  let parsed
  try {
    parsed = parseSeedArgs(argv)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    console.error(`seed:large: ${error.message} (see --help)`)
    return EXIT_USAGE
  }
  if (parsed.help) {
    console.log(USAGE)
    return 0
  }

  const { command } = parsed
  try {
    const summary = seedLargeStore({
      ...command,
      onStart: (file) => console.log(`Seeding ${command.orders.toLocaleString('en')} orders into ${file} (seed ${command.seed})`),
      onProgress: ({ ordersWritten, ordersTotal, elapsedMs }) => {
        const percent = Math.floor((ordersWritten * 100) / ordersTotal)
        console.log(`  ${ordersWritten.toLocaleString('en').padStart(12)} orders  ${String(percent).padStart(3)}%  ${seconds(elapsedMs)}`)
      },
    })
    console.log(describe(summary))
    return 0
  } catch (error) {
    if (error instanceof StoreNotEmptyError) {
      console.error(`seed:large: ${error.message}`)
      return EXIT_STORE_NOT_EMPTY
    }
    console.error(`seed:large: failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
    console.error('seed:large: the store may be partly seeded; rerun with --force to start over')
    return EXIT_FAILED
  }
}

function describe(summary: SeedSummary): string {
  const n = (value: number) => value.toLocaleString('en')
  const statuses = Object.entries(summary.statuses)
    .map(([status, count]) => `${status} ${n(count)}`)
    .join(', ')
  return [
    `Statuses: ${statuses}`,
    `Seeded ${summary.file}: ${n(summary.orders)} orders, ${n(summary.items)} items, ${n(summary.payments)} payments, ` +
      `${n(summary.refunds)} refunds, ${n(summary.ownerships)} ownerships, ${n(summary.stripeEvents)} stripe events, ` +
      `${n(summary.customers)} customers, ${n(summary.courses)} courses; ${(summary.bytes / 2 ** 20).toFixed(0)} MiB ` +
      `in ${seconds(summary.elapsedMs)} (seed ${summary.seed})`,
  ].join('\n')
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`
}

process.exitCode = main(process.argv.slice(2))
