/**
 * This voter's own dots in the open round: loaded when the round opens (or the page reloads),
 * changed one dot at a time. Changes go to the server one after another, so that answers
 * cannot overtake each other; until they are answered, they show on top of the last answer.
 * Every answer is the whole ballot and replaces what is shown.
 */
import type { Ballot, BallotChange } from '@dorfplatz/protocol'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { changeBallot, fetchBallot } from '../api/facilitationApi.ts'
import { ballotProblem, type BallotProblem } from './ballotProblem.ts'
import { applyChanges, checkChange, type ShownBallot } from './ballotState.ts'
import { voterKeyFor } from '../storage/voterKey.ts'

interface BallotRecord {
  roundId: string
  confirmed: Ballot | null
  pending: readonly BallotChange[]
  loading: boolean
  problem: BallotProblem | null
  /** Counts problems, so that the same problem twice is announced twice. */
  problemCount: number
}

export interface BallotView {
  /** The dots as shown, or null until the ballot has loaded. */
  ballot: ShownBallot | null
  loading: boolean
  problem: BallotProblem | null
  problemCount: number
  change: (change: BallotChange) => void
  /** Asks the server for the ballot again, after a failed load or when another tab may have voted. */
  reload: () => void
}

function fresh(roundId: string): BallotRecord {
  return { roundId, confirmed: null, pending: [], loading: true, problem: null, problemCount: 0 }
}

/** `roundId` is null where this person does not vote (guests); nothing is loaded then. */
export function useBallot(boardId: string, token: string, roundId: string | null): BallotView {
  const voterKey = useMemo(() => voterKeyFor(boardId), [boardId])
  const [record, setRecord] = useState<BallotRecord | null>(null)
  const [loadCount, setLoadCount] = useState(0)
  const queue = useRef<BallotChange[]>([])
  const sending = useRef(false)
  /** Counts the changes sent, so that a ballot read before one of them is known to be older than its answer. */
  const changesSent = useRef(0)
  const currentRound = useRef(roundId)
  // A record of another round is as good as none: the new round starts from an empty ballot.
  const current = record && record.roundId === roundId ? record : null

  /** Changes the record of `forRound`, and only while that round is still the one shown. */
  const update = useCallback((forRound: string, change: (record: BallotRecord) => Partial<BallotRecord>) => {
    setRecord((previous) => {
      if (currentRound.current !== forRound) return previous
      const base = previous && previous.roundId === forRound ? previous : fresh(forRound)
      return { ...base, ...change(base) }
    })
  }, [])

  const report = useCallback(
    (forRound: string, problem: BallotProblem) =>
      update(forRound, (previous) => ({ problem, problemCount: previous.problemCount + 1 })),
    [update],
  )

  useEffect(() => {
    currentRound.current = roundId
    queue.current = []
    if (!roundId) return
    let cancelled = false
    const sentBefore = changesSent.current
    fetchBallot(boardId, token, roundId, voterKey).then(
      (ballot) => {
        if (cancelled) return
        // Changes sent meanwhile have answers of their own, which are newer than this one, even
        // when this answer arrives after theirs.
        if (queue.current.length > 0 || sending.current || changesSent.current !== sentBefore) return
        update(roundId, () => ({ confirmed: ballot, loading: false, problem: null }))
      },
      (error: unknown) => {
        if (cancelled) return
        update(roundId, () => ({ loading: false }))
        const problem = ballotProblem(error)
        report(roundId, problem === 'conflict' ? 'round-over' : problem)
      },
    )
    return () => {
      cancelled = true
    }
  }, [boardId, token, roundId, voterKey, loadCount, update, report])

  /**
   * After a 409: the ballot as it is now, and whether the round is still open at all. Resolves
   * to whether the ballot could be read again, that is, whether later changes may still go.
   */
  const explainConflict = useCallback(
    async (forRound: string, change: BallotChange): Promise<boolean> => {
      try {
        const ballot = await fetchBallot(boardId, token, forRound, voterKey)
        update(forRound, () => ({ confirmed: ballot }))
        report(forRound, change.delta === 1 ? 'budget-spent' : 'no-dot-there')
        return true
      } catch (error) {
        const problem = ballotProblem(error)
        report(forRound, problem === 'conflict' ? 'round-over' : problem)
        return false
      }
    },
    [boardId, token, voterKey, update, report],
  )

  const sendQueued = useCallback(
    async (forRound: string) => {
      if (sending.current) return
      sending.current = true
      try {
        for (let next = queue.current[0]; next; next = queue.current[0]) {
          try {
            changesSent.current++
            const ballot = await changeBallot(boardId, token, forRound, voterKey, next)
            if (currentRound.current !== forRound) return
            queue.current = queue.current.slice(1)
            const queued = queue.current
            update(forRound, () => ({ confirmed: ballot, pending: queued, loading: false }))
          } catch (error) {
            if (currentRound.current !== forRound) return
            // Later changes were meant on top of this one; drop them with it.
            queue.current = []
            update(forRound, () => ({ pending: [] }))
            const problem = ballotProblem(error)
            if (problem !== 'conflict') {
              report(forRound, problem)
              return
            }
            // Changes made while the ballot is read again build on it: they go next, unless the
            // round is over. Returning with them queued would leave them unsent, shown as placed.
            const stillOpen = await explainConflict(forRound, next)
            if (currentRound.current !== forRound) return
            if (!stillOpen) {
              queue.current = []
              update(forRound, () => ({ pending: [] }))
              return
            }
          }
        }
      } finally {
        sending.current = false
      }
    },
    [boardId, token, voterKey, update, report, explainConflict],
  )

  const confirmed = current?.confirmed ?? null
  const pending = current?.pending
  const shown = useMemo(() => (confirmed && pending ? applyChanges(confirmed, pending) : null), [confirmed, pending])

  const change = useCallback(
    (wanted: BallotChange) => {
      if (!roundId || !shown) return
      const check = checkChange(shown, wanted)
      if (check !== 'ok') {
        report(roundId, check)
        return
      }
      queue.current = [...queue.current, wanted]
      const queued = queue.current
      update(roundId, () => ({ pending: queued, problem: null }))
      void sendQueued(roundId)
    },
    [roundId, shown, report, update, sendQueued],
  )

  const reload = useCallback(() => {
    if (sending.current || queue.current.length > 0) return
    setLoadCount((count) => count + 1)
  }, [])

  // Another tab of this browser votes with the same key; catch up when this one comes back.
  useEffect(() => {
    if (!roundId) return
    const onVisible = () => {
      if (document.visibilityState === 'visible') reload()
    }
    document.addEventListener('visibilitychange', onVisible)
    window.addEventListener('online', reload)
    return () => {
      document.removeEventListener('visibilitychange', onVisible)
      window.removeEventListener('online', reload)
    }
  }, [roundId, reload])

  return {
    ballot: shown,
    loading: roundId !== null && (current?.loading ?? true),
    problem: current?.problem ?? null,
    problemCount: current?.problemCount ?? 0,
    change,
    reload,
  }
}
