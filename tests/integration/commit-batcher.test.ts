import { describe, expect, it } from 'vitest'
import { createCommitBatcher } from '../../src/main/core/payments/commit-batcher'
import type { LiveEvent } from '../../src/shared/domain'
import { count, tempStore } from '../helpers/temp-store'

describe('group commit', () => {
  it('commits concurrent work together, isolates a failure to its own savepoint, and publishes only what committed', async () => {
    const { ctx, db } = tempStore()
    const published: LiveEvent[] = []
    ctx.bus.subscribe((event) => published.push(event))
    const batcher = createCommitBatcher(ctx)
    const write = (key: string, fail = false) =>
      batcher.run((queue) => {
        db.prepare('INSERT INTO app_setting (key, value) VALUES (?, ?)').run(key, 'v')
        queue({ type: 'catalog.changed' })
        if (fail) throw new Error(`job ${key} failed after writing`)
        return key
      })
    const results = await Promise.allSettled([write('a'), write('b', true), write('c')])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect((results[1] as PromiseRejectedResult).reason.message).toBe('job b failed after writing')
    expect(db.prepare('SELECT key FROM app_setting ORDER BY key').pluck().all()).toEqual(['a', 'c'])
    expect(published).toHaveLength(2)
  })

  it('answers a caller only after the data is committed and visible to another connection', async () => {
    const { ctx, file } = tempStore()
    const batcher = createCommitBatcher(ctx)
    const Database = (await import('better-sqlite3')).default
    const reader = new Database(file, { readonly: true })
    const seenOnResolve = await batcher.run(() => {
      ctx.db.prepare("INSERT INTO app_setting (key, value) VALUES ('k', 'v')").run()
    }).then(() => count(reader, 'app_setting'))
    expect(seenOnResolve).toBe(1)
    reader.close()
  })
})
