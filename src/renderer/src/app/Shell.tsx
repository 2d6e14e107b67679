import { useEffect, useRef, type ReactNode } from 'react'
import { Badge } from '../ui/Badge'
import { Icon, type IconName } from '../ui/Icon'
import { useAppInfo, useManager } from './context'
import { OfflineBanner } from './OfflineBanner'
import { navigate, type Screen } from './route'
import { useTheme, type ThemeChoice } from './theme'
import { ROLE_LABELS } from '@shared/staff'
import { signOut, useStaffSession } from './StaffGate'

// `short` keeps a long screen name on one line in the 208 px sidebar; the link's accessible name stays the full one.
const NAV: Array<{ screen: Screen; label: string; short?: string; icon: IconName }> = [
  { screen: 'sell', label: 'Sell', icon: 'sell' },
  { screen: 'orders', label: 'Orders', icon: 'orders' },
  { screen: 'customers', label: 'Customers', icon: 'customers' },
  { screen: 'shift', label: 'Shift', icon: 'drawer' },
  { screen: 'reports', label: 'Reports', icon: 'reports' },
  { screen: 'unmatched', label: 'Unmatched payments', short: 'Unmatched', icon: 'inbox' },
  { screen: 'staff', label: 'Staff', icon: 'staff' },
  { screen: 'settings', label: 'Settings', icon: 'settings' },
]

export function Shell({ screen, path, children }: { screen: Screen; path: string; children: ReactNode }) {
  const info = useAppInfo()
  const content = useRef<HTMLElement>(null)
  // On every screen change, focus the new screen's h1 (unless the screen already put focus somewhere useful),
  // so a screen reader announces where the person is now.
  useEffect(() => {
    const timer = setTimeout(() => {
      const main = content.current
      if (!main || main.contains(document.activeElement)) return
      main.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true })
    }, 0)
    return () => clearTimeout(timer)
  }, [path])
  const manager = useManager()
  const person = useStaffSession()?.person
  const [theme, setTheme] = useTheme()
  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Main">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span>{info?.shopName ?? 'CourseTill'}</span>
        </div>
        <ul>
          {NAV.map((item) => (
            <li key={item.screen}>
              <a href={`#/${item.screen}`} aria-current={item.screen === screen ? 'page' : undefined} aria-label={item.short ? item.label : undefined} title={item.short ? item.label : undefined} onClick={() => navigate(item.screen)}>
                <Icon name={item.icon} /> {item.short ?? item.label}
              </a>
            </li>
          ))}
        </ul>
        <div className="sidebar-foot">
          <label className="theme-choice">
            <span>Theme</span>
            <select className="input input-sm" value={theme} onChange={(e) => setTheme(e.target.value as ThemeChoice)} aria-label="Theme">
              <option value="system">System</option>
              <option value="light">Light</option>
              <option value="dark">Dark</option>
            </select>
          </label>
        </div>
      </nav>
      <div className="main">
        <header className="topbar">
          <div className="topbar-modes">
            {info?.mode === 'sandbox' && (
              <Badge tone="warning" title="Payments go to the built-in Stripe sandbox; no real money moves">
                Sandbox
              </Badge>
            )}
            {info?.mode === 'test' && <Badge tone="info">Stripe test mode</Badge>}
            {info?.mode === 'live' && <Badge tone="success">Live payments</Badge>}
          </div>
          <div className="topbar-manager">
            {person && (
              <span className="topbar-person" aria-label="Signed in">
                {person.name} · {ROLE_LABELS[person.role]}
              </span>
            )}
            <button type="button" className="btn btn-ghost btn-sm" onClick={signOut}>
              <Icon name="lock" size={16} /> Switch person
            </button>
            {person && (person.role === 'manager' || person.role === 'owner') ? null : manager.token ? (
              <button type="button" className="btn btn-ghost btn-sm" onClick={manager.lock}>
                <Icon name="unlock" size={16} /> Manager — lock
              </button>
            ) : (
              <button type="button" className="btn btn-ghost btn-sm" onClick={() => void manager.requireManager()}>
                <Icon name="lock" size={16} /> Manager
              </button>
            )}
          </div>
        </header>
        <OfflineBanner />
        <main className="content" ref={content}>
          {children}
        </main>
      </div>
    </div>
  )
}
