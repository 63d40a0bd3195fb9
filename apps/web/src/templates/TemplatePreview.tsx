/**
 * A small schematic of a template: its frame and zones, drawn from the
 * zones' own geometry. It only repeats what the name and description say,
 * so it is hidden from screen readers.
 */
import type { TemplateDefinition } from '@dorfplatz/templates'
import { zonePath } from './zonePath.ts'

/** Light tints that tell neighbouring zones apart without competing with the text next to them. */
const ZONE_TINTS = ['#dbe7ef', '#e2efe3', '#f6ead3', '#efe1ea', '#e6e3f3', '#e9ecef'] as const

export function TemplatePreview({ template }: { template: TemplateDefinition }) {
  return (
    <svg
      className="template-preview"
      viewBox={`0 0 ${template.width} ${template.height}`}
      preserveAspectRatio="xMidYMid meet"
      aria-hidden="true"
      focusable="false"
    >
      <rect className="template-preview__frame" x={0} y={0} width={template.width} height={template.height} />
      {template.zones.map((zone, index) => (
        <path
          key={zone.id}
          className="template-preview__zone"
          d={zonePath(zone.area)}
          fill={ZONE_TINTS[index % ZONE_TINTS.length]}
        />
      ))}
    </svg>
  )
}
