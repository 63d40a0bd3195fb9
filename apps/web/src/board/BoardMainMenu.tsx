/**
 * tldraw's main menu (top left) with Dorfplatz's own file actions first, for facilitators:
 * exporting the board and its results report, the board's saved versions (snapshots), and
 * importing a `.tldr` file, deleting the board. tldraw's own entries follow, as a workshop needs them (workshopUi).
 */
import { useTranslation } from 'react-i18next'
import { DefaultMainMenu, TldrawUiMenuGroup, TldrawUiMenuItem } from 'tldraw'
import { useBoardContext } from '../kernel/BoardContext.ts'
import { WorkshopMainMenuContent } from './workshopUi.tsx'

export function BoardMainMenu() {
  const { t } = useTranslation()
  const { info, openExport, openSnapshots, openImport, openDelete } = useBoardContext()
  return (
    <DefaultMainMenu>
      {info.role === 'facilitator' && (
        <TldrawUiMenuGroup id="dorfplatz-board">
          <TldrawUiMenuItem id="dorfplatz-export" label={t('mainMenu.export')} readonlyOk onSelect={openExport} />
          <TldrawUiMenuItem id="dorfplatz-snapshots" label={t('mainMenu.snapshots')} readonlyOk onSelect={openSnapshots} />
          <TldrawUiMenuItem id="dorfplatz-import" label={t('mainMenu.import')} onSelect={openImport} />
          <TldrawUiMenuItem id="dorfplatz-delete" label={t('mainMenu.delete')} readonlyOk onSelect={openDelete} />
        </TldrawUiMenuGroup>
      )}
      <WorkshopMainMenuContent />
    </DefaultMainMenu>
  )
}
