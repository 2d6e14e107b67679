// A closed-loop HTTP load generator: `senders` concurrent loops, each posting its next request as soon as
// the last one answered. Keep-alive connections on loopback, as a tunnel or Stripe would hold them.
import { Agent, request } from 'node:http'

export interface LoadResult {
  requests: number
  seconds: number
  perSecond: number
  p50Ms: number
  p99Ms: number
  maxMs: number
  non2xx: number
}

export async function runLoad(
  url: string,
  bodies: ReadonlyArray<{ body: string; headers: Record<string, string> }>,
  senders: number,
): Promise<LoadResult> {
  const target = new URL(url)
  const agent = new Agent({ keepAlive: true, maxSockets: senders })
  const latencies: number[] = new Array(bodies.length)
  let next = 0
  let non2xx = 0
  const started = process.hrtime.bigint()
  async function sender() {
    for (let index = next++; index < bodies.length; index = next++) {
      const { body, headers } = bodies[index]!
      const sent = process.hrtime.bigint()
      const status = await new Promise<number>((resolve, reject) => {
        const req = request(
          { host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), ...headers } },
          (res) => {
            res.resume()
            res.on('end', () => resolve(res.statusCode ?? 0))
          },
        )
        req.on('error', reject)
        req.end(body)
      })
      latencies[index] = Number(process.hrtime.bigint() - sent) / 1e6
      if (status < 200 || status >= 300) non2xx++
    }
  }
  await Promise.all(Array.from({ length: senders }, sender))
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  agent.destroy()
  const sorted = [...latencies].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
  return { requests: bodies.length, seconds, perSecond: bodies.length / seconds, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: sorted.at(-1)!, non2xx }
}

export function formatLoad(name: string, r: LoadResult): string {
  return `${name.padEnd(34)} ${r.perSecond.toFixed(0).padStart(7)} events/s   p50 ${r.p50Ms.toFixed(2).padStart(6)} ms   p99 ${r.p99Ms.toFixed(2).padStart(6)} ms   max ${r.maxMs.toFixed(1).padStart(6)} ms   non-2xx ${r.non2xx}`
}

/** Runs the load from a separate process, as Stripe or a tunnel would be. */
export async function runLoadInChild(url: string, bodiesFile: string, senders: number): Promise<LoadResult> {
  const { spawn } = await import('node:child_process')
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./load-worker.ts', import.meta.url).pathname, url, bodiesFile, String(senders)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  await new Promise((resolve) => child.once('exit', resolve))
  return JSON.parse(output) as LoadResult
}
