import { net, powerMonitor } from 'electron'

const ONLINE_POLL_MS = 10_000

/**
 * Wakes the till's catch-up when the machine resumes, the screen unlocks, or the network comes back.
 * Electron's main process has no "online" event, so connectivity is polled (cheap: no request is made).
 */
export function watchPowerAndNetwork(wake: (reason: string) => void): () => void {
  const onResume = () => wake('resume')
  const onUnlock = () => wake('unlock-screen')
  powerMonitor.on('resume', onResume)
  powerMonitor.on('unlock-screen', onUnlock)
  let online = net.isOnline()
  const timer = setInterval(() => {
    const now = net.isOnline()
    if (now && !online) wake('online')
    online = now
  }, ONLINE_POLL_MS)
  timer.unref()
  return () => {
    clearInterval(timer)
    powerMonitor.off('resume', onResume)
    powerMonitor.off('unlock-screen', onUnlock)
  }
}
