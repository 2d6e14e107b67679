import { createWriteStream, existsSync } from 'node:fs'
import { once } from 'node:events'
import { join } from 'node:path'
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../private-files'

export interface FileWriter {
  /** Resolves once the file can take more; gives the event loop a turn either way. */
  write(text: string): Promise<void>
  close(): Promise<void>
  destroy(): void
}

/** A write stream that is never written past its buffer (memory stays flat) and whose errors surface on the next call. */
export function openFileWriter(path: string): FileWriter {
  const out = createWriteStream(path, { flags: 'wx', encoding: 'utf8', mode: PRIVATE_FILE_MODE })
  let failure: Error | null = null
  out.on('error', (error) => (failure = error))
  return {
    async write(text) {
      if (failure) throw failure
      if (text !== '' && !out.write(text)) await once(out, 'drain')
      else await new Promise((resolve) => setImmediate(resolve))
    },
    async close() {
      if (failure) throw failure
      out.end()
      await once(out, 'finish')
    },
    destroy: () => out.destroy(),
  }
}

/** orders-2026-06-30T181205Z.csv, with -2, -3… if an export in the same second took that name. */
export function freshFileName(dir: string, now: number): { fileName: string; path: string } {
  ensurePrivateDir(dir)
  const stamp = new Date(now).toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '')
  for (let n = 1; ; n++) {
    const fileName = `orders-${stamp}${n === 1 ? '' : `-${n}`}.csv`
    const path = join(dir, fileName)
    if (!existsSync(path) && !existsSync(`${path}.partial`)) return { fileName, path }
  }
}
