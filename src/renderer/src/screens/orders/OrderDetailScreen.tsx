import { EmptyState, Panel } from '../../ui/Panel'

// Placeholder while the order detail screen is built; replaced by the real screen in this release.
export function OrderDetailScreen({ orderId }: { orderId: number }) {
  void orderId
  return (
    <Panel title="Order">
      <EmptyState title="Being built">The order detail screen arrives with this release.</EmptyState>
    </Panel>
  )
}
