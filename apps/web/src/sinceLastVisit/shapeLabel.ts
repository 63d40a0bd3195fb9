/**
 * What a list of shapes calls each one: a note or text by its words, a template by its name,
 * anything else by its kind ("Pfeil", "Bild" …).
 */
import { richTextToPlain } from '@dorfplatz/board'
import { getTemplate, isTemplateId, readStructureMeta } from '@dorfplatz/templates'
import type { TLShape } from 'tldraw'
import type { Language } from '../i18n/i18n.ts'

export type ShapeLabel =
  | { kind: 'text'; text: string }
  | { kind: 'template'; templateId: string }
  | { kind: 'shape'; type: string }

/** Long texts are cut here; the list is for finding a note, not for reading it. */
const MAX_LABEL_CHARS = 80

function shorten(text: string): string {
  const plain = text.replace(/\s+/g, ' ').trim()
  return plain.length > MAX_LABEL_CHARS ? `${plain.slice(0, MAX_LABEL_CHARS - 1)}…` : plain
}

export function shapeLabel(shape: TLShape): ShapeLabel {
  const structure = readStructureMeta(shape)
  const props = shape.props as { richText?: unknown; name?: unknown }
  // An own template's frame bears its name; the catalogue knows only the built-in ones.
  if (structure?.part === 'frame' && (isTemplateId(structure.templateId) || typeof props.name !== 'string' || !props.name.trim())) {
    return { kind: 'template', templateId: structure.templateId }
  }
  if (props.richText !== undefined) {
    const text = shorten(richTextToPlain(props.richText))
    if (text) return { kind: 'text', text }
  }
  if (typeof props.name === 'string' && props.name.trim()) return { kind: 'text', text: shorten(props.name) }
  return { kind: 'shape', type: shape.type }
}

/** A template's name in `language`, or its id for one this version does not know. */
export function templateName(templateId: string, language: Language): string {
  return isTemplateId(templateId) ? getTemplate(templateId).name[language] : templateId
}
