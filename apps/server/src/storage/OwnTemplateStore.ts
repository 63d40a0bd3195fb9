/**
 * This installation's own templates (made by facilitators from frames on their boards), each
 * with every version it was published in. Installation-wide, beside the boards: a template
 * belongs to no board, and deleting a board leaves it. One of the storage concerns (see
 * BoardStorage).
 */
import type { OwnTemplate, OwnTemplateVersion } from '@dorfplatz/templates'

export type { OwnTemplate, OwnTemplateVersion } from '@dorfplatz/templates'

/** A version before the storage gives it its number. */
export type NewOwnTemplateVersion = Omit<OwnTemplateVersion, 'version'>

export interface OwnTemplateStore {
  /** Stores a new template with its versions (one, or many from an imported file); refuses an id that exists. */
  createOwnTemplate(template: OwnTemplate): Promise<void>
  /**
   * Adds a version numbered one above the template's newest, atomically (two facilitators who
   * publish at once get two numbers); undefined when there is no such template.
   */
  publishOwnTemplateVersion(templateId: string, version: NewOwnTemplateVersion): Promise<OwnTemplateVersion | undefined>
  /** Every template with its versions (oldest first), oldest template first; retired ones too. */
  listOwnTemplates(): Promise<OwnTemplate[]>
  getOwnTemplate(templateId: string): Promise<OwnTemplate | undefined>
  /** Retires a template (a time) or brings it back (null); false when there is no such template. */
  setOwnTemplateRetired(templateId: string, retiredAt: number | null): Promise<boolean>
}

/** A version's columns: its number and date, and the rest as one JSON text. */
export function ownTemplateVersionData(version: NewOwnTemplateVersion): string {
  const { publishedAt: _publishedAt, ...rest } = version
  return JSON.stringify(rest)
}

/** A stored version read back, or null for one that cannot be read (damaged, or from a newer version). */
export function readOwnTemplateVersion(version: number, publishedAt: number, data: string): OwnTemplateVersion | null {
  try {
    const rest = JSON.parse(data) as Omit<OwnTemplateVersion, 'version' | 'publishedAt'>
    if (typeof rest !== 'object' || rest === null || !Array.isArray(rest.zones) || !Array.isArray(rest.structure)) return null
    return { version, publishedAt, ...rest }
  } catch {
    return null
  }
}

/** Rows of templates and versions, joined into templates (versions by number). */
export function joinOwnTemplates(
  templates: ReadonlyArray<{ id: string; created_at: number | string; retired_at: number | string | null }>,
  versions: ReadonlyArray<{ template_id: string; version: number | string; published_at: number | string; data: string }>,
): OwnTemplate[] {
  const byId = new Map<string, OwnTemplate>()
  for (const row of templates) {
    byId.set(row.id, {
      id: row.id as OwnTemplate['id'],
      createdAt: Number(row.created_at),
      retiredAt: row.retired_at === null ? null : Number(row.retired_at),
      versions: [],
    })
  }
  for (const row of versions) {
    const version = readOwnTemplateVersion(Number(row.version), Number(row.published_at), row.data)
    if (version) byId.get(row.template_id)?.versions.push(version)
  }
  for (const template of byId.values()) template.versions.sort((a, b) => a.version - b.version)
  return [...byId.values()].filter((template) => template.versions.length > 0)
}

/**
 * Copies every template of `from` that `to` does not hold yet, with all its versions, for
 * backups, restores and moves between backends (boards go by BoardTransfer). Returns how many.
 */
export async function copyOwnTemplates(from: OwnTemplateStore, to: OwnTemplateStore): Promise<number> {
  let copied = 0
  for (const template of await from.listOwnTemplates()) {
    if (await to.getOwnTemplate(template.id)) continue
    await to.createOwnTemplate(template)
    copied++
  }
  return copied
}
