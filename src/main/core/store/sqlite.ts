import Database from 'better-sqlite3'
import { ensurePrivateFile } from '../private-files'

export const SQLITE_BINDING_ENV = 'COURSETILL_SQLITE_BINDING'

/**
 * Every SQLite connection the app opens. better-sqlite3 is compiled for one ABI: node_modules holds the build for
 * plain Node (tests, the browser host, the sandbox), so `npm start` builds a second copy for Electron and names it
 * in COURSETILL_SQLITE_BINDING. Packaged apps are rebuilt for Electron in place and need neither.
 */
export function openSqlite(file: string, options: Database.Options = {}): Database.Database {
  // A store we may create is created private first; SQLite then gives its -wal and -shm the same mode.
  if (!options.readonly && !options.fileMustExist && file !== ':memory:' && file !== '') ensurePrivateFile(file)
  const nativeBinding = process.env[SQLITE_BINDING_ENV]
  return new Database(file, nativeBinding ? { ...options, nativeBinding } : options)
}
