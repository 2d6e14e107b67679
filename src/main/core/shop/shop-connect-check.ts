import { AppError } from '@shared/errors'
import type { OpenShopDatabase } from './shop-database'
import { describeShopUrl, urlError } from './shop-url'

// Before a URL is saved the till connects with it once, so a typo, a wrong password or a server that is not
// there is refused in words an owner can act on, and nothing is saved.

interface PgFailure {
  code?: string
  message?: string
}

export async function checkShopConnection(open: OpenShopDatabase, url: string): Promise<void> {
  const shop = open(url)
  try {
    await shop.query('SELECT 1')
  } catch (error) {
    throw explain(error as PgFailure, url)
  } finally {
    await shop.close().catch(() => undefined)
  }
}

function explain(error: PgFailure, url: string): AppError {
  const { host, port, database, user } = describeShopUrl(url)
  const where = `${host}:${port}`
  switch (error.code) {
    case '28P01':
      return urlError(`PostgreSQL at ${where} refused the password for ${user ?? 'that user'}; nothing was saved`)
    case '28000':
      return urlError(`PostgreSQL at ${where} does not let ${user ?? 'this user'} connect to ${database} from here (pg_hba.conf); nothing was saved`)
    case '3D000':
      return urlError(`There is no database "${database}" at ${where}: create it (createdb ${database}) or fix the name; nothing was saved`)
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return urlError(`No computer called ${host} was found: check the host name; nothing was saved`)
    case 'ECONNREFUSED':
      return new AppError('unavailable', `Nothing answers at ${where}: is PostgreSQL running and listening there? Nothing was saved`, { field: 'url' })
  }
  if (/timeout/i.test(error.message ?? '')) {
    return new AppError('unavailable', `${where} did not answer within 5 seconds: check the address and the network; nothing was saved`, { field: 'url' })
  }
  return new AppError('unavailable', `The shop database could not be reached: ${error.message ?? 'unknown error'}. Nothing was saved`, { field: 'url' })
}
