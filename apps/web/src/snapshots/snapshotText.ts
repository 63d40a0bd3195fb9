/**
 * The words and dates around a board's saved versions (snapshots): the name a new one gets,
 * whether a typed name is acceptable, who or what saved one, and when.
 */
import { MAX_SNAPSHOT_NAME_LENGTH, type SnapshotInfo, type SnapshotKind } from '@dorfplatz/protocol'
import type { TFunction } from 'i18next'
import type { Language } from '../i18n/i18n.ts'

/** "25.11.2026, 14:30" in German, "Nov 25, 2026, 2:30 PM" in English: the date and time in the UI's language. */
export function formatSnapshotDate(time: number | Date, language: Language): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(time)
}

/** What the name field starts with: "Stand 25.11.2026, 14:30". */
export function defaultSnapshotName(now: number | Date, language: Language, t: TFunction<'translation'>): string {
  return t('snapshots.defaultName', { date: formatSnapshotDate(now, language), lng: language })
}

export type SnapshotNameCheck = { ok: true; name: string } | { ok: false; problem: 'required' | 'tooLong' }

/** A name as the server takes it: trimmed, not empty, at most MAX_SNAPSHOT_NAME_LENGTH characters. */
export function checkSnapshotName(input: string): SnapshotNameCheck {
  const name = input.trim()
  if (!name) return { ok: false, problem: 'required' }
  if (name.length > MAX_SNAPSHOT_NAME_LENGTH) return { ok: false, problem: 'tooLong' }
  return { ok: true, name }
}

/** Who or what saved a snapshot: the facilitator, or Dorfplatz on its own and why. */
export function snapshotKindLabel(kind: SnapshotKind, t: TFunction<'translation'>): string {
  return t(`snapshots.kind.${kind}`)
}

/**
 * A snapshot's name as the list shows it. The one saved when everyone had left has a name
 * Dorfplatz gave it on its own, with nobody's language at hand: it reads in the UI's language.
 */
export function snapshotName(snapshot: Pick<SnapshotInfo, 'kind' | 'name'>, t: TFunction<'translation'>): string {
  return snapshot.kind === 'last-left' ? t('snapshots.lastLeftName') : snapshot.name
}
