/**
 * What a screen reader hears of dot voting: a round opened, and its result revealed, as it
 * happens (a round that was already open or revealed when the page opened is not news).
 */
import type { VotingRound } from '@dorfplatz/board'
import { useEffect, useRef } from 'react'

export interface RoundAnnouncements {
  opened: (round: VotingRound) => void
  revealed: (round: VotingRound) => void
}

export function useRoundAnnouncements(rounds: readonly VotingRound[], say: RoundAnnouncements): void {
  const seen = useRef<Map<string, VotingRound['status']> | null>(null)
  useEffect(() => {
    const before = seen.current
    seen.current = new Map(rounds.map((round) => [round.id, round.status]))
    if (!before) return
    for (const round of rounds) {
      const was = before.get(round.id)
      if (round.status === 'open' && was === undefined) say.opened(round)
      if (round.status === 'revealed' && was !== 'revealed') say.revealed(round)
    }
  }, [rounds, say])
}
