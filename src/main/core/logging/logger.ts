import { redact } from './redact'
import type { RotatingFile } from './log-file'

export type LogLevel = 'info' | 'warn' | 'error'
export type LogFields = Record<string, unknown>

export interface Logger {
  info(event: string, fields?: LogFields): void
  warn(event: string, fields?: LogFields): void
  error(event: string, fields?: LogFields): void
  tail(count: number): string[]
  /** Where the lines go; null for a logger that only echoes. */
  file: string | null
  close(): void
}

export interface LoggerOptions {
  file: RotatingFile | null
  now?: () => number
  /** Values to scrub wherever they appear (the keys and tokens in use), on top of the patterns in redact(). */
  secrets?: () => readonly string[]
  /** Errors also go to the terminal, redacted the same way. */
  echoErrors?: boolean
}

/** JSON lines with an ISO timestamp, redacted before they reach the file; a failing disk never stops the till. */
export function createLogger(options: LoggerOptions): Logger {
  const now = options.now ?? Date.now
  let warnedAboutDisk = false

  function write(level: LogLevel, event: string, fields: LogFields = {}) {
    const line = redact(JSON.stringify({ at: new Date(now()).toISOString(), level, event, ...fields }, errorsAsObjects), options.secrets?.() ?? [])
    // eslint-disable-next-line no-console -- the logger is the sink: errors are echoed to stderr besides the file
    if (level === 'error' && options.echoErrors !== false) console.error(line)
    if (!options.file) return
    try {
      options.file.append(line)
    } catch (error) {
      // eslint-disable-next-line no-console -- the logger is the sink: errors are echoed to stderr besides the file
      if (!warnedAboutDisk) console.error(`coursetill: cannot write the log file: ${(error as Error).message}`)
      warnedAboutDisk = true
    }
  }

  return {
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
    tail: (count) => options.file?.tail(count) ?? [],
    file: options.file?.path ?? null,
    close: () => options.file?.close(),
  }
}

/** A logger for code paths started without one (tests of a single module). */
export const silentLogger: Logger = createLogger({ file: null, echoErrors: false })

function errorsAsObjects(_key: string, value: unknown): unknown {
  if (value instanceof Error) {
    const { code, type } = value as Error & { code?: unknown; type?: unknown }
    return { name: value.name, message: value.message, ...(code ? { code } : {}), ...(type ? { type } : {}) }
  }
  return value
}

/** An error's message, for status fields shown in Settings. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
