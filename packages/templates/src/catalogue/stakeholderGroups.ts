/**
 * The three groups every Dorfplatz workshop looks at: residents, local business and local
 * politics. The stakeholder map, the roadmap and the idea collection share their ids, names
 * and colours.
 */
import type { LocalizedText } from '../TemplateDefinition.ts'
import type { STAKEHOLDER_COLORS } from '../layout.ts'

export interface StakeholderGroup {
  id: keyof typeof STAKEHOLDER_COLORS
  name: LocalizedText
}

export const STAKEHOLDER_GROUPS = [
  { id: 'einwohner', name: { de: 'Einwohnerinnen und Einwohner', en: 'Residents' } },
  { id: 'wirtschaft', name: { de: 'Lokale Wirtschaft', en: 'Local business' } },
  { id: 'politik', name: { de: 'Kommunalpolitik', en: 'Local politics' } },
] as const satisfies readonly StakeholderGroup[]

/** "A – B" in both languages, for zones named by two coordinates. */
export function joinNames(a: LocalizedText, b: LocalizedText): LocalizedText {
  return { de: `${a.de} – ${b.de}`, en: `${a.en} – ${b.en}` }
}
