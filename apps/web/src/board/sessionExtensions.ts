/**
 * The features that take part in the life of every board session the pages open (see
 * BoardSessionExtension). The projector view has them too, as it shares the browser's copy
 * of the board with the facilitator's window.
 */
import type { BoardSessionExtensionFactory } from '../kernel/BoardSession.ts'
import { joinPrivateRounds } from '../privateRound/PrivateSpaceSession.ts'
import { trackVisitChanges } from '../sinceLastVisit/VisitTracker.ts'
import { stampMunicipality } from '../strategy/stampMunicipality.ts'

export const SESSION_EXTENSIONS: readonly BoardSessionExtensionFactory[] = [trackVisitChanges, joinPrivateRounds, stampMunicipality]
