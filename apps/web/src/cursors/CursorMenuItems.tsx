/** The main menu's cursor switches: one's own ("Cursor der anderen ausblenden"), and the facilitator's for everyone. */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { TldrawUiMenuCheckboxItem, TldrawUiMenuGroup, useValue } from 'tldraw'
import { setCursorsHidden } from '../api/runSheetApi.ts'
import { useBoardContext } from '../kernel/BoardContext.ts'
import { useFacilitation } from '../kernel/useFacilitation.ts'
import { othersCursorsHidden, setOthersCursorsHidden } from './othersCursors.ts'

export function CursorMenuItems() {
  const { t } = useTranslation()
  const { info, token, session } = useBoardContext()
  const hiddenHere = useValue(othersCursorsHidden)
  const { cursorsHidden } = useFacilitation(session)
  const [busy, setBusy] = useState(false)
  return (
    <TldrawUiMenuGroup id="dorfplatz-cursors">
      <TldrawUiMenuCheckboxItem
        id="dorfplatz-hide-cursors"
        label={t('cursors.hideOthers')}
        readonlyOk
        checked={hiddenHere}
        onSelect={() => setOthersCursorsHidden(!hiddenHere)}
      />
      {info.role === 'facilitator' && (
        <TldrawUiMenuCheckboxItem
          id="dorfplatz-hide-participant-cursors"
          label={t('cursors.hideParticipants')}
          readonlyOk
          checked={cursorsHidden}
          disabled={busy}
          onSelect={() => {
            setBusy(true)
            // The switch shows the board's state once it arrives through sync; a failure leaves it as it was.
            void setCursorsHidden(info.id, token, !cursorsHidden)
              .catch(() => undefined)
              .finally(() => setBusy(false))
          }}
        />
      )}
    </TldrawUiMenuGroup>
  )
}
