/** A person's coloured initials, as in the presence list and the participants panel. */
import { initials, textColorOn } from './initials.ts'

export function Avatar({ name, color }: { name: string; color: string }) {
  return (
    <span className="avatar" style={{ backgroundColor: color, color: textColorOn(color) }} aria-hidden="true">
      {initials(name) || '?'}
    </span>
  )
}
