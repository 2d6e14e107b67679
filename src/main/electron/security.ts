import { app, session, shell, type WebContents } from 'electron'
import { rendererDevServer } from './dev-server'
import { decideFrameNavigation, decideNavigation, decidePermission, decideWindowOpen } from './window-policy'

/** Binds the pure decisions of window-policy.ts to every session and web contents. */
export function hardenSessions() {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => callback(decidePermission(permission, details.requestingUrl)))
  ses.setPermissionCheckHandler((_contents, permission, origin) => decidePermission(permission, origin))
  ses.setDevicePermissionHandler(() => false)
  app.on('web-contents-created', (_event, contents) => lockNavigation(contents))
}

/** Our windows never navigate away or open new windows; allowed https pages go to the system browser. */
function lockNavigation(contents: WebContents) {
  const devServer = rendererDevServer(app.isPackaged)
  const guard = (event: { preventDefault(): void }, url: string) => {
    if (decideNavigation(url, devServer) === 'deny') event.preventDefault()
  }
  contents.on('will-navigate', guard)
  contents.on('will-redirect', guard)
  // Every frame, not only the top one: a frame in our page may only ever be Stripe's.
  contents.on('will-frame-navigate', (event) => {
    const navigation = { url: event.url, isMainFrame: event.isMainFrame, parentIsMainFrame: isDirectChild(event.frame) }
    if (decideFrameNavigation(navigation, devServer) === 'deny') event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url)
    if (decision.openExternally) void shell.openExternal(decision.openExternally)
    return { action: decision.action }
  })
}

/** A frame embedded directly in our page; a frame already gone is treated as one (the strict case). */
function isDirectChild(frame: { parent: { parent: unknown } | null } | null): boolean {
  return !frame || frame.parent === null || frame.parent.parent === null
}
