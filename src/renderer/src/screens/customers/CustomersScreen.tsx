import { EmptyState, Panel } from '../../ui/Panel'

// Placeholder while the customers screen is built; replaced by the real screen in this release.
export function CustomersScreen({ customerId }: { customerId: number | null }) {
  void customerId
  return (
    <Panel title="Customers">
      <EmptyState title="Being built">The customers screen arrives with this release.</EmptyState>
    </Panel>
  )
}
