/**
 * This installation's own templates: made from a frame on a board, published again as a new
 * version, retired from the lobby, shared as a file. Boards keep the version they were given
 * (its zones live in the board's own `meta.templates`), so publishing never changes a board.
 * Refusals are BoardErrors carrying the reason in both languages.
 */
import crypto from 'node:crypto'
import type * as Y from 'yjs'
import { readBoardRecords, readTemplateInstances } from '@dorfplatz/board'
import {
  checkTemplateVersion,
  getTemplate,
  isOwnTemplateId,
  isTemplateId,
  MAX_OWN_TEMPLATES,
  MAX_TEMPLATE_VERSIONS,
  newestVersion,
  ownTemplateDefinition,
  readTemplateFile,
  TemplateCheckError,
  templateFile,
  templateFromFrame,
  zoneIdFromLabel,
  type FrameGeometry,
  type LocalizedText,
  type OwnTemplate,
  type OwnTemplateId,
  type OwnTemplateVersion,
  type TemplateDefinition,
  type TemplateFile,
  type TemplateZone,
} from '@dorfplatz/templates'
import type { OwnTemplateStore } from '../storage/OwnTemplateStore.ts'
import { BoardError, conflict, invalid, notFound } from './BoardError.ts'

/** What a facilitator says about a template when saving it. */
export interface TemplateTexts {
  name: LocalizedText
  description: LocalizedText
  instruction: LocalizedText
  /** The name the facilitator gave, shown with the version. */
  publishedBy: string
}

/** What lobby and dialogs show of a template: its newest version without its drawing, and every version's line. */
export interface OwnTemplateSummary {
  id: OwnTemplateId
  createdAt: number
  retiredAt: number | null
  newest: Omit<OwnTemplateVersion, 'structure'>
  versions: Array<Pick<OwnTemplateVersion, 'version' | 'publishedAt' | 'publishedBy' | 'name'>>
}

export function summarise(template: OwnTemplate): OwnTemplateSummary {
  const { structure: _structure, ...newest } = newestVersion(template)
  return {
    id: template.id,
    createdAt: template.createdAt,
    retiredAt: template.retiredAt,
    newest,
    versions: template.versions.map(({ version, publishedAt, publishedBy, name }) => ({ version, publishedAt, publishedBy, name })),
  }
}

/** A TemplateCheckError as the domain's refusal. */
function refused(error: unknown): never {
  if (error instanceof TemplateCheckError) throw new BoardError('invalid', error.reason.en, error.reason)
  throw error
}

function checked(version: OwnTemplateVersion): OwnTemplateVersion {
  try {
    return checkTemplateVersion(version)
  } catch (error) {
    refused(error)
  }
}

const newTemplateId = (name: string): OwnTemplateId =>
  `own:${zoneIdFromLabel(name, () => crypto.randomBytes(4).toString('hex')).replace(/[^a-z0-9-]/g, '-')}` as OwnTemplateId

/** The frame's geometry, read from the board's document (the caller holds the board). */
export function frameGeometry(doc: Y.Doc, frameId: string, previousZones: readonly TemplateZone[] = []): FrameGeometry {
  const instance = readTemplateInstances(doc).find((candidate) => candidate.frameId === frameId)
  try {
    return templateFromFrame(readBoardRecords(doc), frameId, {
      previousZones,
      random: () => crypto.randomBytes(2).toString('hex'),
      ...(instance ? { instance } : {}),
    })
  } catch (error) {
    refused(error)
  }
}

export class OwnTemplates {
  constructor(
    private readonly storage: OwnTemplateStore,
    private readonly now: () => number = Date.now,
  ) {}

  async list(): Promise<OwnTemplateSummary[]> {
    return (await this.storage.listOwnTemplates()).map(summarise)
  }

  async get(templateId: string): Promise<OwnTemplate> {
    const template = isOwnTemplateId(templateId) ? await this.storage.getOwnTemplate(templateId) : undefined
    if (!template) throw notFound('There is no template with this id on this installation.')
    return template
  }

  /** The zones of the newest version, so that a new version keeps their ids where labels are kept. */
  async previousZones(templateId: string): Promise<TemplateZone[]> {
    return newestVersion(await this.get(templateId)).zones
  }

  private async checkRoom(): Promise<void> {
    if ((await this.storage.listOwnTemplates()).length >= MAX_OWN_TEMPLATES) {
      throw conflict(`This installation keeps ${MAX_OWN_TEMPLATES} templates already; publish a new version of one instead.`)
    }
  }

  /** A new template from a frame's geometry, as version 1. */
  async create(geometry: FrameGeometry, texts: TemplateTexts): Promise<OwnTemplateSummary> {
    await this.checkRoom()
    const version = checked({ version: 1, publishedAt: this.now(), ...texts, ...geometry })
    const template: OwnTemplate = { id: newTemplateId(texts.name.de), createdAt: version.publishedAt, retiredAt: null, versions: [version] }
    await this.storage.createOwnTemplate(template)
    return summarise(template)
  }

  /** Publishes a new version; boards made with earlier ones keep theirs. */
  async publish(templateId: string, geometry: FrameGeometry, texts: TemplateTexts): Promise<OwnTemplateSummary> {
    const current = await this.get(templateId)
    if (current.versions.length >= MAX_TEMPLATE_VERSIONS) {
      throw conflict(`This template has ${MAX_TEMPLATE_VERSIONS} versions already; save the frame as a new template instead.`)
    }
    const { version: _version, ...draft } = checked({ version: 1, publishedAt: this.now(), ...texts, ...geometry })
    if (!(await this.storage.publishOwnTemplateVersion(current.id, draft))) throw notFound('There is no template with this id on this installation.')
    return summarise(await this.get(templateId))
  }

  async setRetired(templateId: string, retired: boolean): Promise<OwnTemplateSummary> {
    const template = await this.get(templateId)
    await this.storage.setOwnTemplateRetired(template.id, retired ? this.now() : null)
    return summarise(await this.get(templateId))
  }

  async exportFile(templateId: string, which: 'all' | 'newest'): Promise<TemplateFile> {
    return templateFile(await this.get(templateId), which, this.now())
  }

  /** Imports a template file as a new template of this installation, its versions as they were numbered. */
  async importFile(text: string): Promise<OwnTemplateSummary> {
    let file: TemplateFile
    try {
      file = readTemplateFile(text)
    } catch (error) {
      refused(error)
    }
    await this.checkRoom()
    const newest = file.versions.at(-1)!
    const template: OwnTemplate = { id: newTemplateId(newest.name.de), createdAt: this.now(), retiredAt: null, versions: file.versions }
    await this.storage.createOwnTemplate(template)
    return summarise(template)
  }

  /**
   * The template a new board or "Vorlage hinzufügen" gets for `templateId`: a built-in one, or
   * the newest version of an own one that is not retired.
   */
  async forPlacing(templateId: string): Promise<{ definition: TemplateDefinition; version?: number }> {
    if (isTemplateId(templateId)) return { definition: getTemplate(templateId) }
    const template = await this.get(templateId)
    if (template.retiredAt !== null) throw invalid('This template has been retired; it is no longer offered for new boards.')
    const newest = newestVersion(template)
    return { definition: ownTemplateDefinition(template.id, newest), version: newest.version }
  }
}
