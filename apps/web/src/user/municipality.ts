/**
 * The municipality this browser's person speaks for (e.g. "VG Musterhausen"), chosen once like
 * the name and kept in localStorage: the notes they create are assigned to it, and its
 * Digitalstrategie is assembled from them. Empty when not chosen.
 */
import { MAX_MUNICIPALITY_LENGTH, normalizeMunicipality } from '@dorfplatz/board'
import { atom } from 'tldraw'
import { readLocal, writeLocal } from '../storage/localStore.ts'

const STORAGE_KEY = 'municipality'

function stored(): string {
  const value = readLocal(STORAGE_KEY)
  return typeof value === 'string' ? normalizeMunicipality(value).slice(0, MAX_MUNICIPALITY_LENGTH) : ''
}

/** The chosen municipality, read by the notes' stamp and the strategy dialog. */
export const currentMunicipality = atom<string>('municipality', stored())

export function setMunicipality(name: string): void {
  const value = normalizeMunicipality(name).slice(0, MAX_MUNICIPALITY_LENGTH)
  writeLocal(STORAGE_KEY, value)
  currentMunicipality.set(value)
}
