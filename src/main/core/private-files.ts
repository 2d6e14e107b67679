// Everything in the data folder is the till owner's alone: the store holds customers and payments, the
// sandbox's store holds full test card numbers, logs and exports hold names and emails. Folders are created
// 700 and files 600 (the umask can only narrow that), and start-up narrows what an older version left wider.
// On Windows chmod only toggles read-only; the folder's ACL (the user profile) is what protects it there.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

export const PRIVATE_DIR_MODE = 0o700
export const PRIVATE_FILE_MODE = 0o600

/** Creates the folder (and missing parents) private; an existing one is narrowed at start by narrowTree. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE })
}

/**
 * Creates an empty private file, or narrows an existing one. Run before SQLite opens a store: SQLite creates
 * its -wal and -shm files with the mode of the database file, so they come out private too.
 */
export function ensurePrivateFile(path: string): void {
  closeSync(openSync(path, 'a', PRIVATE_FILE_MODE))
  chmodSync(path, PRIVATE_FILE_MODE)
}

/** Narrows every folder and file under dir (what a version before 0600/0700 left behind). Symlinks are left alone. */
export function narrowTree(dir: string): void {
  if (!existsSync(dir)) return
  chmodSync(dir, PRIVATE_DIR_MODE)
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) narrowTree(path)
    else if (entry.isFile()) chmodSync(path, PRIVATE_FILE_MODE)
  }
}
