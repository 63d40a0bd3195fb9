/**
 * Assigns each sticky note this browser's person creates to their municipality (chosen in the
 * name dialog, see user/municipality.ts), so that it counts for that municipality's
 * Digitalstrategie. Notes made by others, arriving through sync, are left as they are.
 */
import { MUNICIPALITY_META } from '@dorfplatz/board'
import type { BoardSessionExtension, BoardSessionExtensionFactory } from '../kernel/BoardSession.ts'
import { currentMunicipality } from '../user/municipality.ts'

export const stampMunicipality: BoardSessionExtensionFactory = (session): BoardSessionExtension => {
  if (session.role === 'viewer' || session.watchOnly) return {}
  const stop = session.store.sideEffects.registerBeforeCreateHandler('shape', (shape, source) => {
    const municipality = currentMunicipality.get()
    if (source !== 'user' || shape.type !== 'note' || municipality === '') return shape
    if ((shape.meta as Record<string, unknown>)[MUNICIPALITY_META] !== undefined) return shape
    return { ...shape, meta: { ...shape.meta, [MUNICIPALITY_META]: municipality } }
  })
  return { dispose: stop }
}
