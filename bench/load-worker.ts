// Runs the load generator in its own process (its own core), so the server under test is not slowed down
// by its own client: `node --import tsx bench/load-worker.ts <url> <bodies.json> <senders>` prints JSON.
import { readFileSync } from 'node:fs'
import { runLoad } from './load'

const [url, bodiesFile, senders] = process.argv.slice(2)
const bodies = JSON.parse(readFileSync(bodiesFile!, 'utf8')) as Array<{ body: string; headers: Record<string, string> }>
runLoad(url!, bodies, Number(senders)).then((result) => process.stdout.write(JSON.stringify(result)))
