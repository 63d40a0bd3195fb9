/**
 * The lint keeps the web app's layers (docs/architecture.md): run on the repository's own
 * eslint.config.js, an import across a layer fails and an import along them passes. A later
 * block of the config that set `no-restricted-imports` for the same files would silently replace
 * the layer rule; this test says so.
 */
import { ESLint } from 'eslint'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

let eslint: ESLint

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT })
})

/** The messages of the import rule for `code` as if it were the file `file` of the repository. */
async function importProblems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: path.join(ROOT, file) })
  expect(result?.messages.filter((message) => message.fatal)).toEqual([])
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message)
}

describe('the web app lint', () => {
  it.each([
    ['the kernel a feature', 'apps/web/src/kernel/BoardSession.ts', "import { VisitTracker } from '../sinceLastVisit/VisitTracker.ts'"],
    ['the kernel a page', 'apps/web/src/kernel/useBoardSession.ts', "import { BoardEditor } from '../board/BoardEditor.tsx'"],
    ['a feature another feature', 'apps/web/src/quickNote/addQuickNote.ts', "import { useBallot } from '../voting/useBallot.ts'"],
    ['a feature a type of another feature', 'apps/web/src/sinceLastVisit/x.ts', "import type { NoteOnScreen } from '../voting/useNotesOnScreen.ts'"],
    ['a feature re-exporting another feature', 'apps/web/src/export/x.ts', "export { showNote } from '../snapshots/showPageWhenPresent.ts'"],
    ['a feature a page', 'apps/web/src/voting/VotingPanel.tsx', "import { BoardEditor } from '../board/BoardEditor.tsx'"],
    ['a feature the start page', 'apps/web/src/templates/TemplateOptions.tsx', "import { StartPage } from '../start/StartPage.tsx'"],
    ['a feature the app root', 'apps/web/src/session/x.ts', "import { projectorPath } from '../route.ts'"],
    ['a new folder another feature', 'apps/web/src/projector/ProjectorPanel.tsx', "import { ProjectorVotingPanel } from '../voting/ProjectorVoting.tsx'"],
    ['the base the kernel', 'apps/web/src/components/ModalDialog.tsx', "import { useBoardContext } from '../kernel/BoardContext.ts'"],
    ['the base a feature', 'apps/web/src/api/apiClient.ts', "import { scopeGroups } from '../voting/scopeOptions.ts'"],
  ])('refuses %s', async (_what, file, code) => {
    expect(await importProblems(file, code)).toHaveLength(1)
  })

  it.each([
    ['a feature the kernel and the base', 'apps/web/src/voting/x.ts', "import { useBoardContext } from '../kernel/BoardContext.ts'\nimport { ModalDialog } from '../components/ModalDialog.tsx'\nimport { useLanguage } from '../i18n/i18n.ts'"],
    ['a feature its own files', 'apps/web/src/quickNote/x.ts', "import { addQuickNote } from './addQuickNote.ts'"],
    ['the kernel the base', 'apps/web/src/kernel/x.ts', "import type { CurrentUser } from '../user/currentUser.ts'\nimport { boardCopyDatabaseName } from '../storage/boardCopies.ts'"],
    ['a page features and the kernel', 'apps/web/src/board/x.tsx', "import { VoteStartDialog } from '../voting/VoteStartDialog.tsx'\nimport { BoardSession } from '../kernel/BoardSession.ts'"],
    ['the start page a feature', 'apps/web/src/start/x.tsx', "import { TemplateOptions } from '../templates/TemplateOptions.tsx'"],
    ['the app root a page', 'apps/web/src/x.tsx', "import { StartPage } from './start/StartPage.tsx'"],
  ])('lets %s be imported', async (_what, file, code) => {
    expect(await importProblems(file, code)).toEqual([])
  })

  it('still refuses the server in every layer', async () => {
    for (const file of ['apps/web/src/voting/x.ts', 'apps/web/src/kernel/x.ts', 'apps/web/src/board/x.ts']) {
      expect(await importProblems(file, "import { buildApp } from '@dorfplatz/server'")).toHaveLength(1)
    }
  })
})
