import { EmptyState, Panel } from '../../ui/Panel'

// Placeholder while the orders history screen is built; replaced by the real screen in this release.
export function OrdersScreen() {
  return (
    <Panel title="Orders">
      <EmptyState title="Being built">The orders history screen arrives with this release.</EmptyState>
    </Panel>
  )
}
