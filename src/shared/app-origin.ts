/** Inside Electron the renderer is served from app://coursetill/ (a privileged, standard, secure scheme). */
export const APP_SCHEME = 'app'
export const APP_HOST = 'coursetill'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
