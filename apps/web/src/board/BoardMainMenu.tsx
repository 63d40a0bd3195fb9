/**
 * tldraw's main menu (top left) with Dorfplatz's own file actions first, for facilitators:
 * exporting the board and its results report, the board's saved versions (snapshots), its
 * history (Verlauf; for participants too once shared), starting the next workshop's board with results of this one,
 * importing a `.tldr` file, saving a frame as a template and managing this installation's templates, deleting the board.
 * tldraw's own entries follow, as a workshop needs them (workshopUi).
 */
import { ACCESSIBILITY_PATH } from '@dorfplatz/protocol'
import { useTranslation } from 'react-i18next'
import { DefaultMainMenu, TldrawUiMenuGroup, TldrawUiMenuItem } from 'tldraw'
import { CursorMenuItems } from '../cursors/CursorMenuItems.tsx'
import { useBoardContext } from '../kernel/BoardContext.ts'
import { useFacilitation } from '../kernel/useFacilitation.ts'
import { WorkshopMainMenuContent } from './workshopUi.tsx'

export function BoardMainMenu() {
  const { t } = useTranslation()
  const { info, session, openExport, openSnapshots, openHistory, openImport, openDelete, openSaveTemplate, openManageTemplates, openStrategy, openCarryForward } = useBoardContext()
  const { historyShared } = useFacilitation(session)
  return (
    <DefaultMainMenu>
      {info.role !== 'facilitator' && historyShared && (
        <TldrawUiMenuGroup id="dorfplatz-board">
          <TldrawUiMenuItem id="dorfplatz-history" label={t('mainMenu.history')} readonlyOk onSelect={openHistory} />
        </TldrawUiMenuGroup>
      )}
      {info.role === 'facilitator' && (
        <TldrawUiMenuGroup id="dorfplatz-board">
          <TldrawUiMenuItem id="dorfplatz-export" label={t('mainMenu.export')} readonlyOk onSelect={openExport} />
          <TldrawUiMenuItem id="dorfplatz-snapshots" label={t('mainMenu.snapshots')} readonlyOk onSelect={openSnapshots} />
          <TldrawUiMenuItem id="dorfplatz-history" label={t('mainMenu.history')} readonlyOk onSelect={openHistory} />
          <TldrawUiMenuItem id="dorfplatz-carry-forward" label={t('mainMenu.carryForward')} readonlyOk onSelect={openCarryForward} />
          <TldrawUiMenuItem id="dorfplatz-import" label={t('mainMenu.import')} onSelect={openImport} />
          <TldrawUiMenuItem id="dorfplatz-save-template" label={t('mainMenu.saveTemplate')} readonlyOk onSelect={openSaveTemplate} />
          <TldrawUiMenuItem id="dorfplatz-manage-templates" label={t('mainMenu.manageTemplates')} readonlyOk onSelect={openManageTemplates} />
          <TldrawUiMenuItem id="dorfplatz-delete" label={t('mainMenu.delete')} readonlyOk onSelect={openDelete} />
        </TldrawUiMenuGroup>
      )}
      <TldrawUiMenuGroup id="dorfplatz-strategy">
        <TldrawUiMenuItem id="dorfplatz-strategy" label={t('mainMenu.strategy')} readonlyOk onSelect={openStrategy} />
      </TldrawUiMenuGroup>
      <CursorMenuItems />
      <WorkshopMainMenuContent />
      <TldrawUiMenuGroup id="dorfplatz-about">
        <TldrawUiMenuItem
          id="dorfplatz-accessibility"
          label={t('statement.title')}
          readonlyOk
          // In a new tab: the board stays open and connected.
          onSelect={() => void window.open(ACCESSIBILITY_PATH, '_blank', 'noopener')}
        />
      </TldrawUiMenuGroup>
    </DefaultMainMenu>
  )
}
