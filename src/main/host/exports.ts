import { existsSync } from 'node:fs'
import { basename } from 'node:path'
import type { Express } from 'express'
import type { LiveBus } from '../core/bus/live-bus'

const EXPORT_ID = /^[a-f0-9]{24}$/

/**
 * GET /exports/<id>: the browser's download of a finished CSV export. Only files this process wrote are served:
 * the id → path map is filled from the export's own "done" event, so no path ever comes from the request.
 * Registered after the Host/Origin guard, like every other route.
 */
export function serveExports(app: Express, bus: LiveBus): void {
  const files = new Map<string, string>()
  bus.subscribe((event) => {
    if (event.type === 'orders.export' && event.state === 'done' && event.path) files.set(event.exportId, event.path)
  })
  app.get('/exports/:id', (req, res) => {
    const path = EXPORT_ID.test(req.params.id) ? files.get(req.params.id) : undefined
    if (!path || !existsSync(path)) return void res.status(404).type('text/plain').send('No such export')
    res.set('Cache-Control', 'no-store')
    res.attachment(basename(path))
    res.type('text/csv; charset=utf-8')
    // The path is ours, not the request's: a data folder under ~/.config must not count as a hidden file.
    res.sendFile(path, { dotfiles: 'allow' })
  })
}
