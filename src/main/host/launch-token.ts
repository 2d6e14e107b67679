// The browser host's own credential: a token made at each launch, printed in the address the host gives out,
// and kept by the browser in a same-site, HttpOnly cookie. Host and Origin checks stop other web pages; this
// stops any other local process (no Origin at all) from driving the till's API. Kept pure; tested on its own.
import { randomBytes, timingSafeEqual } from 'node:crypto'

export const TOKEN_PATTERN = /^[a-f0-9]{64}$/
const SEAT_PATTERN = /^[a-f0-9]{32}$/

export const newLaunchToken = (): string => randomBytes(32).toString('hex')
export const newSeatId = (): string => randomBytes(16).toString('hex')

/** Cookies are shared by every port of 127.0.0.1: the port in the name keeps two hosts (or tests) apart. */
export const tokenCookieName = (port: number) => `coursetill_${port}`
export const seatCookieName = (port: number) => `coursetill_seat_${port}`

/** One cookie's value from a Cookie header; undefined when absent or malformed. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return undefined
}

/** Constant-time comparison against this launch's token. */
export function isLaunchToken(presented: string | undefined, expected: string): boolean {
  if (presented === undefined || !TOKEN_PATTERN.test(presented)) return false
  return timingSafeEqual(Buffer.from(presented), Buffer.from(expected))
}

/** Strict: never sent with a request another site starts; HttpOnly: never readable by a script; no expiry: gone with the browser session. */
export function sessionCookie(name: string, value: string): string {
  return `${name}=${value}; Path=/; HttpOnly; SameSite=Strict`
}

/** The PIN-limits seat of one browser (core/manager/guess-limits.ts); a missing or forged cookie is one shared seat. */
export function seatOf(cookieValue: string | undefined): string {
  return cookieValue && SEAT_PATTERN.test(cookieValue) ? `browser:${cookieValue}` : 'browser:unknown'
}

/** True for the routes that act or read data: the API, its event stream and export downloads. */
export function needsLaunchToken(path: string): boolean {
  return path === '/api' || path.startsWith('/api/') || path.startsWith('/exports/')
}
