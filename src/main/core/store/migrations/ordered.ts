import type { Migration } from './types'

/**
 * The migrations sorted by their declared version, after checking the list is 1..N with none missing or twice.
 * Two branches that each add "the next" migration both declare the same number: that fails here, at start-up
 * and in every test, instead of one silently running in the other's place.
 */
export function orderedMigrations(list: readonly Migration[]): readonly Migration[] {
  const sorted = [...list].sort((a, b) => a.version - b.version)
  sorted.forEach((migration, index) => {
    if (!Number.isInteger(migration.version) || migration.version < 1) {
      throw new Error(`migration '${migration.name}' declares version ${migration.version}; versions are whole numbers from 1`)
    }
    const previous = sorted[index - 1]
    if (previous && previous.version === migration.version) {
      throw new Error(`migrations '${previous.name}' and '${migration.name}' both declare version ${migration.version}`)
    }
    if (migration.version !== index + 1) throw new Error(`migration version ${index + 1} is missing (the next declared is ${migration.version})`)
  })
  return sorted
}

/** The version a store reaches once every migration in the (checked) list has run. */
export function latestVersion(list: readonly Migration[]): number {
  return list.length === 0 ? 0 : Math.max(...list.map((migration) => migration.version))
}
