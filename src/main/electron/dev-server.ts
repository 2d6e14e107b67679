/**
 * The Vite dev server's URL, honoured only in development. A packaged app ignores ELECTRON_RENDERER_URL:
 * otherwise one environment variable would load any remote page as our renderer and make it a trusted IPC
 * sender, undoing what the fuses are set for.
 */
export function rendererDevServer(isPackaged: boolean, env: Record<string, string | undefined> = process.env): string | undefined {
  if (isPackaged) return undefined
  const url = env.ELECTRON_RENDERER_URL
  return url ? url : undefined
}
