// Standalone sandbox: prints its base URL as the only line on stdout (scripts read it), details on stderr,
// and runs until SIGINT/SIGTERM.

import { parseCliArgs, USAGE, type CliOptions } from './cli-args'
import { newWebhookSecret } from './store/ids'
import { startSandbox } from './index'

function readOptions(): CliOptions {
  try {
    return parseCliArgs(process.argv.slice(2))
  } catch (error) {
    console.error(error instanceof Error ? error.message : error)
    process.exit(2)
  }
}

async function main(): Promise<void> {
  const options = readOptions()
  if (options.help) {
    console.log(USAGE)
    return
  }
  const webhookSecret = options.webhookUrl ? (options.webhookSecret ?? newWebhookSecret()) : undefined
  const sandbox = await startSandbox({
    port: options.port,
    dataFile: options.dataFile,
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
    ...(options.secretKey
      ? { apiKeys: { secret: [options.secretKey], publishable: options.publishableKey ? [options.publishableKey] : [] } }
      : {}),
    allowedOrigins: options.allowedOrigins,
    ...(options.webhookUrl && webhookSecret ? { webhook: { url: options.webhookUrl, secret: webhookSecret } } : {}),
    delivery: options.delivery,
    account: options.account,
  }, options.faults)
  console.log(sandbox.url)
  console.error(
    `Stripe sandbox listening (data: ${options.dataFile}). Point the SDK at host 127.0.0.1, port ${sandbox.port}, protocol http.`,
  )
  if (options.webhookUrl) console.error(`Webhooks for all events go to ${options.webhookUrl}, signed with ${webhookSecret}`)
  console.error(`Webhook delivery: ${options.delivery.ordered ? 'in order' : 'concurrent, unordered'}, seed ${sandbox.seed}`)
  const stop = () => {
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error)
        process.exit(1)
      },
    )
  }
  // `on`, not `once`: tsx's signal relay only defers to listeners it can still count when the signal arrives.
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
