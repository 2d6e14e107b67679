// Command-line options of `npm run sandbox -- --port <n> [--data <file>] [--webhook-url <url> --webhook-secret <whsec_...>]`.

export interface CliOptions {
  port: number
  dataFile: string
  publicUrl?: string
  webhookUrl?: string
  webhookSecret?: string
  help: boolean
}

export const USAGE = `Usage: npm run sandbox -- [--port <n>] [--data <file>] [--public-url <url>] [--webhook-url <url> [--webhook-secret <whsec_...>]]
  --port            port on 127.0.0.1 (default 0: any free port)
  --data            SQLite file (default :memory:, lost on exit)
  --public-url      base URL handed out in links (default http://127.0.0.1:<port>)
  --webhook-url     register an endpoint for all events at this URL
  --webhook-secret  its signing secret (default: generated and printed on stderr)`

const VALUE_FLAGS = ['--port', '--data', '--public-url', '--webhook-url', '--webhook-secret'] as const

export function parseCliArgs(argv: readonly string[]): CliOptions {
  const values = new Map<string, string>()
  let help = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--help' || arg === '-h') {
      help = true
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
  const publicUrl = values.get('--public-url')
  const webhookUrl = values.get('--webhook-url')
  return {
    port,
    dataFile: values.get('--data') ?? ':memory:',
    ...(publicUrl ? { publicUrl } : {}),
    ...(webhookUrl ? { webhookUrl } : {}),
    ...(webhookSecret ? { webhookSecret } : {}),
    help,
  }
}
