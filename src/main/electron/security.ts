import { app, session, shell, type WebContents } from 'electron'
import { decideNavigation, decidePermission, decideWindowOpen } from './window-policy'

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
  const devServer = process.env.ELECTRON_RENDERER_URL
  const guard = (event: { preventDefault(): void }, url: string) => {
    if (decideNavigation(url, devServer) === 'deny') event.preventDefault()
  }
  contents.on('will-navigate', guard)
  contents.on('will-redirect', guard)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url)
    if (decision.openExternally) void shell.openExternal(decision.openExternally)
    return { action: decision.action }
  })
}
