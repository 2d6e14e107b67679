import { AppProviders } from './app/context'
import { PinDialog } from './app/PinDialog'
import { useRoute } from './app/route'
import { Shell } from './app/Shell'
import { StaffGate } from './app/StaffGate'
import { ScreenRouter } from './screens/ScreenRouter'
import { ToastProvider } from './ui/toasts'

export function App() {
  const route = useRoute()
  return (
    <ToastProvider>
      <AppProviders renderPinDialog={(request, done) => <PinDialog request={request} done={done} />}>
        <StaffGate>
          <Shell screen={route.screen} path={[route.screen, ...route.params].join('/')}>
            <ScreenRouter route={route} />
          </Shell>
        </StaffGate>
      </AppProviders>
    </ToastProvider>
  )
}
