/** Ideensammlung: a brainstorm sorted into clusters by the area of municipal life it concerns. */
import type { TLDefaultColorStyle } from '@tldraw/tlschema'
import type { TemplateZone } from '../TemplateDefinition.ts'
import type { TemplateDrawing } from '../TemplateDrawing.ts'
import { FRAME_PADDING, HEADER_HEIGHT, STAKEHOLDER_COLORS, type TemplateModule } from '../layout.ts'

const CLUSTER_WIDTH = 720
const CLUSTER_HEIGHT = 600
const COLUMNS = 3

type Cluster = Omit<TemplateZone, 'area'> & { color: TLDefaultColorStyle }

const CLUSTERS: readonly Cluster[] = [
  {
    id: 'einwohner',
    name: { de: 'Einwohnerinnen und Einwohner', en: 'Residents' },
    hint: { de: 'Alltag, Teilhabe, Information', en: 'Everyday life, participation, information' },
    color: STAKEHOLDER_COLORS.einwohner.fill,
  },
  {
    id: 'wirtschaft',
    name: { de: 'Lokale Wirtschaft', en: 'Local business' },
    hint: { de: 'Handel, Handwerk, Landwirtschaft, Tourismus', en: 'Shops, trades, farming, tourism' },
    color: STAKEHOLDER_COLORS.wirtschaft.fill,
  },
  {
    id: 'politik-verwaltung',
    name: { de: 'Politik und Verwaltung', en: 'Politics and administration' },
    hint: { de: 'Rat, Ortsgemeinden, Verwaltung', en: 'Council, local municipalities, administration' },
    color: STAKEHOLDER_COLORS.politik.fill,
  },
  {
    id: 'vereine-ehrenamt',
    name: { de: 'Vereine und Ehrenamt', en: 'Clubs and volunteering' },
    hint: { de: 'Vereinsleben, Nachbarschaftshilfe, Engagement', en: 'Club life, neighbourly help, volunteering' },
    color: 'orange',
  },
  {
    id: 'vernetzung',
    name: { de: 'Vernetzung und Nachbarkommunen', en: 'Networks and neighbouring municipalities' },
    hint: { de: 'Was wir gemeinsam mit anderen Kommunen angehen', en: 'What we take on together with other municipalities' },
    color: 'light-red',
  },
  {
    id: 'sonstiges',
    name: { de: 'Sonstiges', en: 'Other' },
    hint: { de: 'Alles, was (noch) nirgends hinpasst', en: 'Everything that does not fit anywhere (yet)' },
    color: 'grey',
  },
]

const ZONES: ReadonlyArray<TemplateZone & { color: TLDefaultColorStyle }> = CLUSTERS.map((cluster, index) => ({
  ...cluster,
  area: {
    kind: 'rect',
    x: FRAME_PADDING + (index % COLUMNS) * CLUSTER_WIDTH,
    y: HEADER_HEIGHT + Math.floor(index / COLUMNS) * CLUSTER_HEIGHT,
    w: CLUSTER_WIDTH,
    h: CLUSTER_HEIGHT,
  },
}))

function draw(d: TemplateDrawing): void {
  for (const { color, ...zone } of ZONES) d.rectZone(zone, color)
}

export const ideaCollection: TemplateModule = {
  definition: {
    id: 'idea-collection',
    name: { de: 'Ideensammlung', en: 'Idea collection' },
    description: {
      de: 'Ideen für digitale Projekte sammeln und nach Bereichen ordnen.',
      en: 'Collect ideas for digital projects and sort them by area.',
    },
    instruction: {
      de: 'Schreiben Sie jede Idee auf einen eigenen Zettel und legen Sie ihn in den passenden Bereich.',
      en: 'Write each idea on its own sticky note and put it in the matching area.',
    },
    width: 2 * FRAME_PADDING + COLUMNS * CLUSTER_WIDTH,
    height: HEADER_HEIGHT + Math.ceil(CLUSTERS.length / COLUMNS) * CLUSTER_HEIGHT + FRAME_PADDING,
    zones: ZONES.map(({ color: _color, ...zone }) => zone),
  },
  draw,
}
