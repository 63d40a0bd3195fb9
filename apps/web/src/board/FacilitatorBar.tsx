/**
 * The facilitators' bar below the top bar: the session controls with the run-sheet's buttons
 * first.
 */
import { RunSheetControls } from '../runSheet/RunSheetControls.tsx'
import { ModerationToolbar } from '../session/ModerationToolbar.tsx'

export function FacilitatorBar() {
  return <ModerationToolbar leading={<RunSheetControls />} />
}
