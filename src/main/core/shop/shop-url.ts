import { invalidInput } from '@shared/errors'
import type { ShopDatabaseTarget } from '@shared/contract/shop-settings'

// The shop database's URL as an owner types it into Settings: checked before anything connects, and described
// without its password wherever it is shown or logged (the renderer, the audit log, errors).

const SCHEMES = new Set(['postgres:', 'postgresql:'])
const DEFAULT_PORT = 5432

export const urlError = (message: string) => invalidInput(message, { field: 'url' })

/** The URL trimmed and checked: postgres:// or postgresql://, a host, and the database named in its path. */
export function checkShopUrl(raw: string): string {
  const text = raw.trim()
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw urlError('This is not a URL: write it as postgresql://user:password@host:5432/database')
  }
  if (!SCHEMES.has(url.protocol)) throw urlError(`A shop database URL starts postgresql:// or postgres://, not ${url.protocol}//`)
  if (!url.hostname) throw urlError('The URL names no host: postgresql://user:password@host:5432/database')
  if (!databaseOf(url)) throw urlError('The URL names no database: add it after the host, as in postgresql://user@host:5432/shop')
  return text
}

function databaseOf(url: URL): string {
  return decodeURIComponent(url.pathname.replace(/^\//, ''))
}

/** Host, port, database and user, and whether a password is set — never the password itself. */
export function describeShopUrl(text: string): ShopDatabaseTarget {
  const url = new URL(text)
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : DEFAULT_PORT,
    database: databaseOf(url),
    user: decodeURIComponent(url.username) || null,
    passwordSet: url.password !== '',
  }
}

/** `postgresql://till:•••@shop-host:5432/shop`: for the audit log and messages. */
export function maskShopUrl(text: string): string {
  const { host, port, database, user, passwordSet } = describeShopUrl(text)
  const who = user ? `${user}${passwordSet ? ':•••' : ''}@` : ''
  return `${new URL(text).protocol}//${who}${host}:${port}/${database}`
}
