import { EmptyState, Panel } from '../../ui/Panel'

// Placeholder while the settings screen is built; replaced by the real screen in this release.
export function SettingsScreen() {
  return (
    <Panel title="Settings">
      <EmptyState title="Being built">The settings screen arrives with this release.</EmptyState>
    </Panel>
  )
}
