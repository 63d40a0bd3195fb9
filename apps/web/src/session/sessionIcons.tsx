/** The drawings of the session controls, each in a 16×16 box, shared by the toolbar and the banners. */
import type { ReactNode } from 'react'

export function SessionIcon({ className, children }: { className: string; children: ReactNode }) {
  return (
    <svg className={className} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      {children}
    </svg>
  )
}

export function TimerIcon() {
  return (
    <g fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round">
      <circle cx="8" cy="9" r="5.5" />
      <path d="M8 6v3l2 1.5M6.5 1.5h3" />
    </g>
  )
}

/** Arrows pointing in to one spot: everyone comes here. */
export function SummonIcon() {
  return (
    <g fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
      <circle cx="8" cy="8" r="1.8" />
      <path d="M8 1.5v3M6.8 3.3 8 4.5l1.2-1.2M8 14.5v-3M6.8 12.7 8 11.5l1.2 1.2M1.5 8h3M3.3 6.8 4.5 8 3.3 9.2M14.5 8h-3M12.7 6.8 11.5 8l1.2 1.2" />
    </g>
  )
}

export function EyeIcon() {
  return (
    <g fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round">
      <path d="M1.5 8S4 3.5 8 3.5 14.5 8 14.5 8 12 12.5 8 12.5 1.5 8 1.5 8Z" />
      <circle cx="8" cy="8" r="2" />
    </g>
  )
}

export function PauseIcon() {
  return <path d="M5 3v10M11 3v10" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
}

/** A play triangle: the paused board goes on ("Board freigeben"). */
export function PlayIcon() {
  return <path d="M4.5 2.8v10.4L13 8Z" fill="currentColor" stroke="currentColor" strokeWidth="1.2" strokeLinejoin="round" />
}

export function PeopleIcon() {
  return (
    <g fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round">
      <circle cx="6" cy="5.5" r="2.3" />
      <path d="M1.5 13.5c.4-2.6 2.2-4 4.5-4s4.1 1.4 4.5 4" />
      <circle cx="11.5" cy="5" r="1.8" />
      <path d="M11.3 9.2c1.9 0 3 1.2 3.3 3.3" />
    </g>
  )
}

/** A padlock, open while the templates are unlocked. */
export function LockIcon({ open }: { open: boolean }) {
  return (
    <g fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
      <rect x="3" y="7" width="10" height="7.5" rx="1.5" />
      <path d={open ? 'M5.5 7V4.8a2.5 2.5 0 0 1 4.9-.7' : 'M5.5 7V4.8a2.5 2.5 0 0 1 5 0V7'} />
    </g>
  )
}

/** An eye struck through: notes only their writer sees ("Stilles Brainstorming"). */
export function PrivateIcon() {
  return (
    <g fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
      <path d="M1.5 8s2.4-4.5 6.5-4.5S14.5 8 14.5 8s-2.4 4.5-6.5 4.5S1.5 8 1.5 8Z" />
      <circle cx="8" cy="8" r="2" />
      <path d="M2.5 13.5 13.5 2.5" />
    </g>
  )
}

/** Three dots: dot voting. */
export function DotsIcon() {
  return (
    <g fill="currentColor">
      <circle cx="4" cy="11" r="2.4" />
      <circle cx="8.5" cy="5" r="2.4" />
      <circle cx="12.5" cy="11" r="2.4" />
    </g>
  )
}

/** An arrow into a tray: take the results home. */
export function ExportIcon() {
  return (
    <g fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
      <path d="M8 2v8M5 7l3 3 3-3M2.5 11v2.5h11V11" />
    </g>
  )
}

/** A clock running backwards: saved versions. */
export function VersionsIcon() {
  return (
    <g fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
      <path d="M2.5 8a5.5 5.5 0 1 0 1.6-3.9M2.5 2.5v2.3h2.3" />
      <path d="M8 5v3.2l2 1.3" />
    </g>
  )
}

/** A screen on a stand: the projector view. */
export function ProjectorIcon() {
  return (
    <g fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
      <rect x="1.5" y="2.5" width="13" height="8.5" rx="1" />
      <path d="M8 11v2.5M5 14h6" />
    </g>
  )
}

/** A screen on a stand: the frames shown one by one ("Präsentieren"). */
export function SlidesIcon() {
  return (
    <g fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round">
      <rect x="1.75" y="2.25" width="12.5" height="8.5" rx="1" />
      <path d="M8 10.75v2.5M5.5 14h5M6.5 4.75 9.5 6.5l-3 1.75Z" />
    </g>
  )
}
