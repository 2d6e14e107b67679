// Entry of the browser host (`npm run serve`): the whole app in plain Node, the renderer served to any browser.
import { fileURLToPath } from 'node:url'
import { startCourseTill } from './compose'
import { ConfigError, defaultUserDataDir, loadConfig } from './core/config'
import { DatabaseTooNewError } from './core/store/db'
import { startHostServer } from './host/server'
import { version } from '../../package.json'

async function main() {
  const config = loadConfig(process.env, { userDataDir: defaultUserDataDir() })
  // No secret store here: keys and the ngrok authtoken come only from the environment (Settings says so).
  const till = await startCourseTill(config, { version })
  // Fixed for the host's lifetime: its keys cannot change without a restart.
  const client = till.payments.client
  const server = await startHostServer({
    dispatch: till.dispatch,
    bus: till.ctx.bus,
    rendererDir: fileURLToPath(new URL('../renderer', import.meta.url)),
    csp: till.csp(),
    port: config.port,
  })
  console.log(`CourseTill (${client.mode} mode) is serving ${server.openUrl}  — data in ${config.dataDir}`)
  console.log(`Stripe webhooks are received at ${till.payments.webhook.url}; log in ${till.log.file ?? '(none)'}`)
  const stop = async () => {
    await server.close()
    await till.close()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DatabaseTooNewError) {
    console.error(`coursetill: ${error.message}`)
  } else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(`coursetill: port ${(error as { port?: number }).port ?? ''} is in use; set COURSETILL_PORT to another port`)
  } else {
    console.error('coursetill: failed to start', error)
  }
  process.exit(1)
})
