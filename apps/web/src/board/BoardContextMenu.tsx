/**
 * tldraw's context menu, with Dorfplatz's own entry first when one sticky note is selected:
 * assigning it to a municipality and giving it a next step (for the Digitalstrategie).
 */
import { useTranslation } from 'react-i18next'
import { DefaultContextMenu, DefaultContextMenuContent, TldrawUiMenuGroup, TldrawUiMenuItem, useEditor, useValue, type TLUiContextMenuProps } from 'tldraw'
import { useBoardContext } from '../kernel/BoardContext.ts'

export function BoardContextMenu(props: TLUiContextMenuProps) {
  const { t } = useTranslation()
  const editor = useEditor()
  const { info, editNoteStep } = useBoardContext()
  const note = useValue(
    'selected note',
    () => {
      const selected = editor.getSelectedShapes()
      return selected.length === 1 && selected[0]!.type === 'note' ? selected[0]!.id : null
    },
    [editor],
  )
  return (
    <DefaultContextMenu {...props}>
      {note !== null && info.role !== 'viewer' && (
        <TldrawUiMenuGroup id="dorfplatz-note">
          <TldrawUiMenuItem id="dorfplatz-note-step" label={t('noteStep.menu')} onSelect={() => editNoteStep(note)} />
        </TldrawUiMenuGroup>
      )}
      <DefaultContextMenuContent />
    </DefaultContextMenu>
  )
}
