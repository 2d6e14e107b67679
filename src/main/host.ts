// Entry of the browser host (`npm run serve`): the whole app in plain Node, the renderer served to any browser.
import { fileURLToPath } from 'node:url'
import { startCourseTill } from './core/app'
import { ConfigError, defaultUserDataDir, loadConfig } from './core/config'
import { contentSecurityPolicy } from './core/csp'
import { DatabaseTooNewError } from './core/store/db'
import { startHostServer } from './host/server'
import { version } from '../../package.json'

async function main() {
  const config = loadConfig(process.env, { userDataDir: defaultUserDataDir() })
  const till = await startCourseTill(config, { version })
  const server = await startHostServer({
    dispatch: till.dispatch,
    bus: till.ctx.bus,
    rendererDir: fileURLToPath(new URL('../renderer', import.meta.url)),
    csp: contentSecurityPolicy({
      realStripe: config.mode !== 'sandbox',
      connect: till.payments.client.sandboxApiUrl ? [till.payments.client.sandboxApiUrl] : [],
    }),
    port: config.port,
  })
  console.log(`CourseTill (${config.mode} mode) is serving ${server.url}  — data in ${config.dataDir}`)
  console.log(`Stripe webhooks are received at ${till.payments.webhook.url}`)
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
