import { app, session, shell, type WebContents } from 'electron'
import { isOwnRendererUrl } from '../core/trusted-sender'

/** Denies every permission request (camera, notifications, geolocation…): a till needs none. */
export function hardenSessions() {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
  app.on('web-contents-created', (_event, contents) => lockNavigation(contents))
}

/** Our windows never navigate away or open new windows; external links go to the system browser. */
function lockNavigation(contents: WebContents) {
  contents.on('will-navigate', (event, url) => {
    if (!isOwnRendererUrl(url, process.env.ELECTRON_RENDERER_URL)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url)
    return { action: 'deny' }
  })
}
