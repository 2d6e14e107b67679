// Command-line options of `stripe-sandbox [--port <n>] [--data <file>] [--webhook-url <url> ...] [--secret-key ...]` (see USAGE).

export interface CliOptions {
  port: number
  dataFile: string
  publicUrl?: string
  webhookUrl?: string
  webhookSecret?: string
  secretKey?: string
  publishableKey?: string
  allowedOrigins: string[]
  delivery: { ordered: boolean; seed?: number }
  account: { rawCardData?: boolean; customerSearchLagSeconds?: number }
  faults: { copies?: number; shuffle?: boolean; delayMs?: number; drop?: number }
  help: boolean
}

export const USAGE = `Usage: stripe-sandbox [--port <n>] [--data <file>] [--public-url <url>] [--webhook-url <url> [--webhook-secret <whsec_...>]]
  --port            port on 127.0.0.1 (default 0: any free port)
  --data            SQLite file (default :memory:, lost on exit)
  --public-url      base URL handed out in links (default http://127.0.0.1:<port>)
  --webhook-url     register an endpoint for all events at this URL
  --webhook-secret  its signing secret (default: generated and printed on stderr)
  --secret-key      the only secret key accepted (sk_test_...; default: any sk_test_ key)
  --publishable-key the only publishable key accepted (pk_test_...; needs --secret-key)
  --allow-origin    a browser origin allowed to call the API (CORS), e.g. http://localhost:5173; comma-separated
  --raw-card-data   accept card numbers sent with the secret key (Stripe refuses them unless enabled on the account)
  --search-lag      customer search sees writes this many seconds late (Stripe's index can lag up to a minute)
  Webhook delivery is concurrent and unordered, like Stripe's:
  --seed            seed for the send order (printed on stderr; pass it back to replay a run)
  --ordered         send each endpoint's events one by one in order instead (not Stripe's behaviour)
  Faults, to test a receiver:
  --copies          deliver every event N times
  --shuffle         shuffle even with --ordered
  --delay-ms        send each event this late
  --drop            lose this share (0..1) of first attempts; they are retried on the schedule`

const VALUE_FLAGS = [
  '--port',
  '--data',
  '--public-url',
  '--webhook-url',
  '--webhook-secret',
  '--secret-key',
  '--publishable-key',
  '--allow-origin',
  '--seed',
  '--copies',
  '--delay-ms',
  '--drop',
  '--search-lag',
] as const
const BOOLEAN_FLAGS = ['--ordered', '--shuffle', '--raw-card-data'] as const

export function parseCliArgs(argv: readonly string[]): CliOptions {
  const values = new Map<string, string>()
  let help = false
  const switches = new Set<string>()
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--help' || arg === '-h') {
      help = true
      continue
    }
    if ((BOOLEAN_FLAGS as readonly string[]).includes(arg)) {
      switches.add(arg)
      continue
    }
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined]
    if (!(VALUE_FLAGS as readonly string[]).includes(flag)) throw new Error(`Unknown option ${arg}\n${USAGE}`)
    const value = inline ?? argv[++i]
    if (value === undefined || value === '') throw new Error(`${flag} needs a value\n${USAGE}`)
    values.set(flag, value)
  }
  const port = Number(values.get('--port') ?? '0')
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be an integer between 0 and 65535`)
  const webhookSecret = values.get('--webhook-secret')
  if (webhookSecret !== undefined && !webhookSecret.startsWith('whsec_')) {
    throw new Error('--webhook-secret must start with whsec_')
  }
  if (webhookSecret !== undefined && !values.has('--webhook-url')) throw new Error('--webhook-secret needs --webhook-url')
  const secretKey = values.get('--secret-key')
  const publishableKey = values.get('--publishable-key')
  if (secretKey !== undefined && !/^(?:sk|rk)_test_\w+$/.test(secretKey)) throw new Error('--secret-key must be a test key: sk_test_…')
  if (publishableKey !== undefined && !/^pk_test_\w+$/.test(publishableKey)) throw new Error('--publishable-key must be pk_test_…')
  if (publishableKey !== undefined && secretKey === undefined) throw new Error('--publishable-key needs --secret-key')
  const allowedOrigins = (values.get('--allow-origin') ?? '').split(',').map((origin) => origin.trim()).filter(Boolean)
  for (const origin of allowedOrigins) {
    // scheme://host[:port] and nothing more (Node's URL gives custom schemes such as app:// an opaque origin).
    if (!/^[a-z][a-z0-9+.-]*:\/\/[^/\s?#]+$/i.test(origin)) throw new Error(`--allow-origin: ${origin} is not an origin like http://localhost:5173`)
  }
  const integer = (flag: string, min: number) => {
    const raw = values.get(flag)
    if (raw === undefined) return undefined
    const value = Number(raw)
    if (!Number.isInteger(value) || value < min) throw new Error(`${flag} must be an integer of at least ${min}`)
    return value
  }
  const seed = integer('--seed', 0)
  const searchLag = integer('--search-lag', 0)
  const copies = integer('--copies', 1)
  const delayMs = integer('--delay-ms', 0)
  const dropRaw = values.get('--drop')
  const drop = dropRaw === undefined ? undefined : Number(dropRaw)
  if (drop !== undefined && !(drop >= 0 && drop <= 1)) throw new Error('--drop must be a share between 0 and 1')
  const publicUrl = values.get('--public-url')
  const webhookUrl = values.get('--webhook-url')
  return {
    port,
    dataFile: values.get('--data') ?? ':memory:',
    ...(publicUrl ? { publicUrl } : {}),
    ...(webhookUrl ? { webhookUrl } : {}),
    ...(webhookSecret ? { webhookSecret } : {}),
    ...(secretKey ? { secretKey } : {}),
    ...(publishableKey ? { publishableKey } : {}),
    allowedOrigins,
    delivery: { ordered: switches.has('--ordered'), ...(seed === undefined ? {} : { seed }) },
    account: {
      ...(switches.has('--raw-card-data') ? { rawCardData: true } : {}),
      ...(searchLag === undefined ? {} : { customerSearchLagSeconds: searchLag }),
    },
    faults: {
      ...(copies === undefined ? {} : { copies }),
      ...(switches.has('--shuffle') ? { shuffle: true } : {}),
      ...(delayMs === undefined ? {} : { delayMs }),
      ...(drop === undefined ? {} : { drop }),
    },
    help,
  }
}
