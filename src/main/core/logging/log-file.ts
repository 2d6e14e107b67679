import { closeSync, existsSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { ensurePrivateDir } from '../private-files'

export const LOG_FILE_NAME = 'coursetill.log'
export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024
export const DEFAULT_KEEP = 5

export interface RotatingFile {
  path: string
  append(line: string): void
  /** The last `count` lines, oldest first, reading into the previous file when the current one is short. */
  tail(count: number): string[]
  /** Closes the file; a later append opens it again. */
  close(): void
}

/**
 * A log file rotated by size: coursetill.log, then coursetill.log.1 (newest) … .<keep> (oldest, dropped next).
 * Appends are synchronous writes to a file kept open: a line written just before a crash must be in the file,
 * and a webhook burst costs one write per event, not an open and a close.
 */
export function createRotatingFile(options: { dir: string; name?: string; maxBytes?: number; keep?: number }): RotatingFile {
  const path = join(options.dir, options.name ?? LOG_FILE_NAME)
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  const keep = Math.max(1, options.keep ?? DEFAULT_KEEP)
  ensurePrivateDir(options.dir)
  let size = existsSync(path) ? statSync(path).size : 0
  let fd: number | null = null

  function rotate() {
    // Closed before renaming: Windows cannot rename a file that is open.
    if (fd !== null) closeSync(fd)
    fd = null
    rmSync(`${path}.${keep}`, { force: true })
    for (let i = keep - 1; i >= 1; i--) {
      if (existsSync(`${path}.${i}`)) renameSync(`${path}.${i}`, `${path}.${i + 1}`)
    }
    renameSync(path, `${path}.1`)
    size = 0
  }

  return {
    path,
    append(line) {
      const text = `${line.replace(/\r?\n/g, ' ')}\n`
      const bytes = Buffer.byteLength(text)
      if (size > 0 && size + bytes > maxBytes) rotate()
      // Owner-only: the log names customers' emails and order ids.
      fd ??= openSync(path, 'a', 0o600)
      writeSync(fd, text)
      size += bytes
    },
    close() {
      if (fd !== null) closeSync(fd)
      fd = null
    },
    tail(count) {
      const lines: string[] = []
      for (let i = 0; i <= keep && lines.length < count; i++) {
        const file = i === 0 ? path : `${path}.${i}`
        if (!existsSync(file)) break
        const fileLines = readFileSync(file, 'utf8').split('\n').filter(Boolean)
        lines.unshift(...fileLines.slice(-(count - lines.length)))
      }
      return lines
    },
  }
}
