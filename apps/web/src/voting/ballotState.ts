/**
 * A voter's own dots as this page shows them: the ballot the server last confirmed, with the
 * changes still on their way applied on top, so that a click shows at once and several quick
 * clicks add up. The server stays the judge: its next answer replaces what is shown.
 */
import type { Ballot, BallotChange } from '@dorfplatz/protocol'

export interface ShownBallot {
  /** Dots per note id; notes without a dot are absent. */
  dots: Readonly<Record<string, number>>
  remaining: number
}

/** Why a change cannot be made, as far as this page can tell before asking the server. */
export type ChangeCheck = 'ok' | 'budget-spent' | 'no-dot-there'

export function dotsOn(ballot: ShownBallot, shapeId: string): number {
  return ballot.dots[shapeId] ?? 0
}

/** `confirmed` with `pending` applied in order; changes that could not apply are skipped. */
export function applyChanges(confirmed: Ballot | ShownBallot, pending: readonly BallotChange[]): ShownBallot {
  const dots: Record<string, number> = { ...confirmed.dots }
  let remaining = confirmed.remaining
  for (const change of pending) {
    if (checkChange({ dots, remaining }, change) !== 'ok') continue
    const count = (dots[change.shapeId] ?? 0) + change.delta
    if (count === 0) delete dots[change.shapeId]
    else dots[change.shapeId] = count
    remaining -= change.delta
  }
  return { dots, remaining }
}

export function checkChange(ballot: ShownBallot, change: BallotChange): ChangeCheck {
  if (change.delta === 1) return ballot.remaining > 0 ? 'ok' : 'budget-spent'
  return dotsOn(ballot, change.shapeId) > 0 ? 'ok' : 'no-dot-there'
}

/** The changes that take back every dot of this voter on a note that `exists` says is gone. */
export function takeBackFromMissingNotes(ballot: ShownBallot, exists: (shapeId: string) => boolean): BallotChange[] {
  const takeBack: BallotChange[] = []
  for (const [shapeId, count] of Object.entries(ballot.dots)) {
    if (exists(shapeId)) continue
    for (let i = 0; i < count; i++) takeBack.push({ shapeId, delta: -1 })
  }
  return takeBack
}
