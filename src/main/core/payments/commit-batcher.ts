import type { LiveEvent } from '@shared/domain'
import type { CoreContext } from '../context'

type Work<T> = (queue: (event: LiveEvent) => void) => T

interface Job {
  work: Work<unknown>
  resolve: (value: unknown) => void
  reject: (error: unknown) => void
}

/**
 * Group commit for webhook deliveries. Events that arrive together (Stripe sends bursts, concurrently) are
 * applied in one SQLite transaction, each inside its own savepoint so one failure rolls back only itself;
 * every caller is answered after that one commit. Same guarantee as a transaction per event, a fraction
 * of the write cost: the WAL gets each touched page once per batch instead of once per event.
 */
export function createCommitBatcher(ctx: CoreContext, maxBatch = 256) {
  let pending: Job[] = []
  let scheduled = false
  // Called inside the batch transaction, better-sqlite3 turns this into SAVEPOINT … RELEASE / ROLLBACK TO.
  const savepoint = ctx.db.transaction((work: Work<unknown>, queue: (event: LiveEvent) => void) => work(queue))
  const batch = ctx.db.transaction((jobs: Job[]) => {
    const results: Array<{ ok: true; value: unknown; events: LiveEvent[] } | { ok: false; error: unknown }> = []
    for (const job of jobs) {
      const events: LiveEvent[] = []
      try {
        results.push({ ok: true, value: savepoint(job.work, (event: LiveEvent) => events.push(event)), events })
      } catch (error) {
        results.push({ ok: false, error })
      }
    }
    return results
  })

  function flush() {
    scheduled = false
    const jobs = pending.slice(0, maxBatch)
    pending = pending.slice(jobs.length)
    if (pending.length > 0) schedule()
    let results: ReturnType<typeof batch>
    try {
      results = batch.immediate(jobs)
    } catch (error) {
      for (const job of jobs) job.reject(error)
      return
    }
    results.forEach((result, index) => {
      const job = jobs[index]!
      if (!result.ok) return job.reject(result.error)
      for (const event of result.events) ctx.bus.publish(event)
      job.resolve(result.value)
    })
  }

  function schedule() {
    if (scheduled) return
    scheduled = true
    setImmediate(flush)
  }

  return {
    /** Runs work inside the next group commit; resolves with its result once that commit is durable. */
    run<T>(work: Work<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        pending.push({ work, resolve: resolve as (value: unknown) => void, reject })
        schedule()
      })
    },
  }
}

export type CommitBatcher = ReturnType<typeof createCommitBatcher>
