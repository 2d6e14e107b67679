import { randomBytes } from 'node:crypto'
import { renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { DEFAULT_ORDER_SORT, type OrderExport, type OrderExportProgress, type OrderFilters, type OrderSort } from '@shared/history'
import { conflict } from '@shared/errors'
import { audit } from '../audit'
import type { LiveBus } from '../bus/live-bus'
import type { Db } from '../store/db'
import { BOM, CSV_HEADER, csvLine, exportFields } from './csv'
import { freshFileName, openFileWriter } from './export-file'
import { exportRows } from './export-rows'
import { historyTotals, tillScope } from './whole-shop'
import { readInstallationId } from '../installation'
import { openSqlite } from '../store/sqlite'
import { readShopLocale } from '../shop-locale'

export interface ExportDeps {
  db: Db
  bus: LiveBus
  now: () => number
  /** Files go to <dataDir>/exports. */
  dataDir: string
}

export interface ExportInput {
  filters?: OrderFilters
  sort?: OrderSort
  bom?: boolean
}

const PROGRESS_EVERY_MS = 250
// Lines are written in batches (fewer, larger writes) and the event loop gets a turn between batches,
// so the till keeps answering payments and webhooks while a million rows go out.
const ROWS_PER_BATCH = 1_000

export function exportsDir(dataDir: string): string {
  return join(dataDir, 'exports')
}

/** Writes the filtered orders to a CSV file, streaming from SQLite, and reports progress as live events. */
export function createOrderExporter(deps: ExportDeps) {
  let running = false
  return async function exportOrders(input: ExportInput): Promise<OrderExport> {
    if (running) throw conflict('An export is already being written; wait for it to finish')
    running = true
    try {
      return await writeExport(deps, input)
    } finally {
      running = false
    }
  }
}

async function writeExport(deps: ExportDeps, input: ExportInput): Promise<OrderExport> {
  const sort = input.sort ?? DEFAULT_ORDER_SORT
  const scope = tillScope(deps.db, input.filters)
  const total = historyTotals(deps.db, input.filters).count
  const exportId = randomBytes(12).toString('hex')
  // Times in the shop's zone (Settings), like every screen, whatever zone this machine is set to.
  const { timeZone } = readShopLocale(deps.db)
  const { fileName, path } = freshFileName(exportsDir(deps.dataDir), deps.now())
  const partial = `${path}.partial`
  const progress = (state: OrderExportProgress['state'], rows: number) =>
    deps.bus.publish({ type: 'orders.export', exportId, state, rows, total, path: state === 'done' ? path : null })

  // Read-only connections of its own: one consistent snapshot per stream for the whole file, and the app's
  // connection stays free for writes while these are mid-iteration.
  const open = () => openSqlite(deps.db.name, { readonly: true, fileMustExist: true })
  const readers = { own: open(), others: open(), planner: deps.db, installation: readInstallationId(deps.db) }
  const out = openFileWriter(partial)
  let rows = 0
  try {
    for (const reader of [readers.own, readers.others]) reader.pragma('busy_timeout = 5000')
    await out.write((input.bom ? BOM : '') + csvLine(CSV_HEADER))
    let batch: string[] = []
    let reportedAt = Date.now()
    for (const row of exportRows(readers, input.filters, sort, scope)) {
      batch.push(csvLine(exportFields(row, timeZone)))
      rows++
      if (batch.length < ROWS_PER_BATCH) continue
      await out.write(batch.join(''))
      batch = []
      if (Date.now() - reportedAt >= PROGRESS_EVERY_MS) {
        reportedAt = Date.now()
        progress('running', rows)
      }
    }
    await out.write(batch.join(''))
    await out.close()
    renameSync(partial, path)
  } catch (error) {
    out.destroy()
    rmSync(partial, { force: true })
    progress('failed', rows)
    throw error
  } finally {
    readers.own.close()
    readers.others.close()
  }
  // Customer names and emails left the till: the manager may later ask who took them, and when.
  audit(deps.db, deps.now(), {
    actor: 'manager',
    action: 'orders.exported',
    entityType: 'setting',
    entityId: exportId,
    detail: { fileName, rows, filters: input.filters ?? {}, sort },
  })
  progress('done', rows)
  return { exportId, fileName, path, downloadUrl: `/exports/${exportId}`, rows, bytes: statSync(path).size }
}
