/**
 * This installation's own templates over the HTTP API: list them, save a frame of the open
 * board as a template or as a template's new version, retire, export and import one.
 */
import type { LocalizedText, OwnTemplateId, OwnTemplateVersion } from '@dorfplatz/templates'
import { bearer, postJson, request } from './apiClient.ts'

/** A template as the server lists it: its newest version without its drawing, and a line per version. */
export interface OwnTemplateSummary {
  id: OwnTemplateId
  createdAt: number
  retiredAt: number | null
  newest: Omit<OwnTemplateVersion, 'structure'>
  versions: Array<Pick<OwnTemplateVersion, 'version' | 'publishedAt' | 'publishedBy' | 'name'>>
}

export interface SaveTemplateRequest {
  boardId: string
  frameId: string
  name: LocalizedText
  description: LocalizedText
  instruction: LocalizedText
  publishedBy: string
}

/** Every own template, retired ones too; `token` is any board link's token or the admin key (none needed without an admin key). */
export async function listOwnTemplates(token: string | undefined): Promise<OwnTemplateSummary[]> {
  const { templates } = await request<{ templates: OwnTemplateSummary[] }>('/api/templates', { headers: bearer(token) })
  return templates
}

export function saveFrameAsTemplate(token: string, body: SaveTemplateRequest): Promise<OwnTemplateSummary> {
  return postJson<OwnTemplateSummary>('/api/templates', body, token)
}

export function publishTemplateVersion(token: string, templateId: OwnTemplateId, body: SaveTemplateRequest): Promise<OwnTemplateSummary> {
  return postJson<OwnTemplateSummary>(`/api/templates/${encodeURIComponent(templateId)}/versions`, body, token)
}

export function retireTemplate(token: string, templateId: OwnTemplateId, retired: boolean): Promise<OwnTemplateSummary> {
  return postJson<OwnTemplateSummary>(`/api/templates/${encodeURIComponent(templateId)}/retire`, { retired }, token)
}

/** The template file as text, ready to be saved. */
export async function exportTemplate(token: string, templateId: OwnTemplateId, versions: 'all' | 'newest'): Promise<string> {
  const file = await request<unknown>(`/api/templates/${encodeURIComponent(templateId)}/export?versions=${versions}`, { headers: bearer(token) })
  return `${JSON.stringify(file, null, 2)}\n`
}

/** Sends a template file as it was read; the server checks it and says why it refuses one. */
export function importTemplate(token: string, text: string): Promise<OwnTemplateSummary> {
  return request<OwnTemplateSummary>('/api/templates/import', {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain; charset=utf-8', ...bearer(token) },
    body: text,
  })
}
