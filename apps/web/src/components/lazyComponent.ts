/**
 * A component that loads with its module the first time it is rendered (`React.lazy` for a
 * named export): `lazyComponent(() => import('./TimerDialog.tsx'), 'TimerDialog')`. Render it
 * inside a `<Suspense>`.
 */
import { lazy, type LazyExoticComponent } from 'react'

/** What `React.lazy` accepts as a component: its own bound, read from its type. */
type LazyLoadable = Awaited<ReturnType<Parameters<typeof lazy>[0]>>['default']

export function lazyComponent<Module extends Record<Name, LazyLoadable>, Name extends keyof Module & string>(
  load: () => Promise<Module>,
  name: Name,
): LazyExoticComponent<Module[Name]> {
  return lazy(async () => ({ default: (await load())[name] }))
}
