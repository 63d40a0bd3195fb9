/**
 * One board at a time: a server-side change that reads the board and then writes it (opening a
 * voting round, counting and revealing one, a ballot and the progress it writes) runs while no
 * other such change of that board runs, on any instance. SQLite serves one process, which keeps
 * the queue in memory; PostgreSQL holds an advisory lock. One of the storage concerns (see
 * BoardStorage).
 */
export interface BoardLocks {
  /** Runs `task` while holding the board's lock; tasks of one board run one after another. */
  withBoardLock<T>(boardId: string, task: () => Promise<T>): Promise<T>
}

/** Board locks for a single process: a queue per board. */
export class InProcessBoardLocks implements BoardLocks {
  private readonly queues = new Map<string, Promise<unknown>>()

  withBoardLock<T>(boardId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(boardId) ?? Promise.resolve()
    const run = previous.then(task, task)
    const settled = run.catch(() => undefined)
    this.queues.set(boardId, settled)
    void settled.then(() => {
      if (this.queues.get(boardId) === settled) this.queues.delete(boardId)
    })
    return run
  }
}
