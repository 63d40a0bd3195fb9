/**
 * The JSON schemas of the HTTP API's inputs, in one place: the shared parameters once, and each
 * route's body beside the others. Fastify validates every request against these before a handler
 * runs; a request that does not fit is answered 400 with what did not fit.
 */
import {
  BOARD_ID_PATTERN,
  LOCALES,
  MAX_DISPLAY_NAME_LENGTH,
  MAX_DOTS_PER_PERSON,
  MAX_ROUND_TITLE_LENGTH,
  MAX_RUN_SHEET_STEPS,
  MAX_SLIDES,
  MAX_SNAPSHOT_NAME_LENGTH,
  MAX_TIMER_MS,
  MAX_TITLE_LENGTH,
  ROLES,
  STEP_ID_PATTERN,
  TOKEN_PATTERN,
  VOTER_HEADER,
} from '@dorfplatz/protocol'
import {
  MAX_PUBLISHER_NAME_LENGTH,
  MAX_TEMPLATE_DESCRIPTION_LENGTH,
  MAX_TEMPLATE_FILE_BYTES,
  MAX_TEMPLATE_INSTRUCTION_LENGTH,
  MAX_TEMPLATE_NAME_LENGTH,
  OWN_TEMPLATE_ID_PATTERN,
  TEMPLATE_IDS,
} from '@dorfplatz/templates'

/** Record ids are short; anything longer is not one. */
const MAX_ID_LENGTH = 200

/** Templates one request may put on a board at once: a full workshop day, not a flood. */
export const MAX_TEMPLATES_PER_BOARD_REQUEST = 10

const boardId = { type: 'string', pattern: BOARD_ID_PATTERN.source } as const
const recordId = { type: 'string', minLength: 1, maxLength: MAX_ID_LENGTH } as const
const displayName = { type: 'string', maxLength: MAX_DISPLAY_NAME_LENGTH } as const
const locale = { type: 'string', enum: [...LOCALES] } as const
/** A built-in template or one of this installation's own. */
/** A built-in template's id or an own template's. */
export const templateId = { anyOf: [{ type: 'string', enum: [...TEMPLATE_IDS] }, { type: 'string', pattern: OWN_TEMPLATE_ID_PATTERN.source }] } as const
const duration = { type: 'integer', minimum: 1000, maximum: MAX_TIMER_MS } as const
/** Page coordinates: any finite number a board can hold, within reason. */
const coordinate = { type: 'number', minimum: -1e7, maximum: 1e7 } as const
const extent = { type: 'number', minimum: 0, maximum: 1e7 } as const

/** Every error answer of the API (see app.ts's error handler); routes refer to it as `apiError#`. */
export const apiErrorSchema = {
  $id: 'apiError',
  type: 'object',
  description: 'An error: its status code, the status name and a message meant for people',
  properties: {
    statusCode: { type: 'integer' },
    error: { type: 'string' },
    message: { type: 'string' },
    reason: {
      type: 'object',
      description: 'The reason in German and English, where people are shown it as it is (a refused template file)',
      properties: { de: { type: 'string' }, en: { type: 'string' } },
    },
  },
} as const

// -- Answers ------------------------------------------------------------------------------------

/** Error answers a route can give, each in the shape of apiError. */
export function errorAnswers(...statusCodes: number[]): Record<number, { $ref: string }> {
  return Object.fromEntries(statusCodes.map((statusCode) => [statusCode, { $ref: 'apiError#' }]))
}

/** The errors every route under /api/boards/:id can answer: bad input, no or a wrong token, a role that may not, no board, too many requests. */
export const BOARD_ROUTE_ERRORS = [400, 401, 403, 404, 429] as const

/**
 * A JSON answer whose exact shape the protocol package types: documented by its top-level fields and
 * sent as it is (additional properties pass, so the schema cannot drop a field a client reads).
 */
export function jsonAnswer(description: string, properties: Record<string, object> = {}) {
  return { description, type: 'object', additionalProperties: true, properties } as const
}

/** A nested object of a JSON answer, or null (a stopped timer, say), sent as it is. */
export const anyObject = { type: 'object', nullable: true, additionalProperties: true } as const

/** An answer that is a file or text (Markdown, CSV, SVG); strings are sent as they are. */
export function textAnswer(description: string) {
  return { description, type: 'string' } as const
}

/** 204: done, nothing to say. */
export const noContent = { description: 'Done; no content', type: 'null' } as const

// -- Parameters, query strings and headers shared by many routes ---------------------------

export const boardIdParams = { type: 'object', required: ['id'], properties: { id: boardId } } as const

export const roundParams = {
  type: 'object',
  required: ['id', 'roundId'],
  properties: { id: boardId, roundId: recordId },
} as const

export const snapshotParams = {
  type: 'object',
  required: ['id', 'snapshotId'],
  properties: { id: boardId, snapshotId: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' } },
} as const

export const rotateParams = {
  type: 'object',
  required: ['id', 'role'],
  properties: { id: boardId, role: { type: 'string', enum: [...ROLES] } },
} as const

/** `?token=`, for links opened where a header cannot be set. */
export const tokenQuery = { type: 'object', properties: { token: { type: 'string' } } } as const

/** `?locale=en`: the language of the texts a route writes (report, automatic names). */
export const localeQuery = { type: 'object', properties: { locale, token: { type: 'string' } } } as const

export const voterHeaders = {
  type: 'object',
  required: [VOTER_HEADER],
  properties: { [VOTER_HEADER]: { type: 'string', pattern: TOKEN_PATTERN.source } },
} as const

export type BoardParams = { Params: { id: string } }
export type RoundParams = { Params: { id: string; roundId: string } }
export type SnapshotParams = { Params: { id: string; snapshotId: string } }

// -- Boards -------------------------------------------------------------------------------------

export const createBoardBody = {
  type: 'object',
  required: ['title'],
  additionalProperties: false,
  properties: {
    title: { type: 'string', minLength: 1, maxLength: MAX_TITLE_LENGTH, pattern: '\\S' },
    templates: { type: 'array', maxItems: MAX_TEMPLATES_PER_BOARD_REQUEST, items: templateId },
    locale,
  },
} as const

export const addTemplateBody = {
  type: 'object',
  required: ['templateId'],
  additionalProperties: false,
  properties: { templateId, locale },
} as const

// -- Own templates --------------------------------------------------------------------------------

const ownTemplateId = { type: 'string', pattern: OWN_TEMPLATE_ID_PATTERN.source } as const

export const ownTemplateParams = { type: 'object', required: ['templateId'], properties: { templateId: ownTemplateId } } as const

const texts = (maxLength: number, required: boolean) =>
  ({
    type: 'object',
    required: ['de'],
    additionalProperties: false,
    properties: {
      de: { type: 'string', maxLength, ...(required ? { minLength: 1, pattern: '\\S' } : {}) },
      en: { type: 'string', maxLength },
    },
  }) as const

/** A frame of a board to save as a template (or as a template's new version), and what the facilitator says about it. */
export const saveTemplateBody = {
  type: 'object',
  required: ['boardId', 'frameId', 'name', 'publishedBy'],
  additionalProperties: false,
  properties: {
    boardId,
    frameId: recordId,
    name: texts(MAX_TEMPLATE_NAME_LENGTH, true),
    description: texts(MAX_TEMPLATE_DESCRIPTION_LENGTH, false),
    instruction: texts(MAX_TEMPLATE_INSTRUCTION_LENGTH, false),
    publishedBy: { type: 'string', minLength: 1, maxLength: MAX_PUBLISHER_NAME_LENGTH, pattern: '\\S' },
  },
} as const

export const retireTemplateBody = {
  type: 'object',
  required: ['retired'],
  additionalProperties: false,
  properties: { retired: { type: 'boolean' } },
} as const

export const exportTemplateQuery = {
  type: 'object',
  properties: { versions: { type: 'string', enum: ['all', 'newest'] }, token: { type: 'string' } },
} as const

/** A template file as it was read from disk: checked by the domain, which says why it refuses one. */
export const importTemplateBody = {
  type: 'string',
  description: 'The template file, as text (application/json or text/plain)',
  maxLength: 2 * MAX_TEMPLATE_FILE_BYTES,
} as const

// -- Facilitation -------------------------------------------------------------------------------

export const timerBody = {
  oneOf: [
    {
      type: 'object',
      required: ['action', 'durationMs'],
      additionalProperties: false,
      properties: { action: { const: 'start' }, durationMs: duration },
    },
    {
      type: 'object',
      required: ['action', 'ms'],
      additionalProperties: false,
      properties: { action: { const: 'add' }, ms: duration },
    },
    {
      type: 'object',
      required: ['action'],
      additionalProperties: false,
      properties: { action: { enum: ['pause', 'resume', 'stop'] } },
    },
  ],
} as const

export const summonBody = {
  type: 'object',
  required: ['pageId', 'bounds', 'userId', 'name'],
  additionalProperties: false,
  properties: {
    pageId: recordId,
    userId: recordId,
    name: displayName,
    bounds: {
      type: 'object',
      required: ['x', 'y', 'w', 'h'],
      additionalProperties: false,
      properties: { x: coordinate, y: coordinate, w: extent, h: extent },
    },
  },
} as const

export const followBody = {
  type: 'object',
  required: ['userId', 'name'],
  additionalProperties: false,
  properties: { userId: recordId, name: displayName },
} as const

export const startPresentingBody = {
  type: 'object',
  required: ['pageId', 'slides', 'name'],
  additionalProperties: false,
  properties: {
    pageId: recordId,
    slides: { type: 'array', minItems: 1, maxItems: MAX_SLIDES, items: recordId },
    name: displayName,
  },
} as const

export const stepPresentingBody = {
  type: 'object',
  required: ['direction'],
  additionalProperties: false,
  properties: { direction: { enum: ['next', 'previous'] } },
} as const

export const freezeBody = { type: 'object', required: ['name'], additionalProperties: false, properties: { name: displayName } } as const

const roundTitle = { type: 'string', minLength: 1, maxLength: MAX_ROUND_TITLE_LENGTH, pattern: '\\S' } as const
/** Where something happens on a board: every note, a whole template, or one zone of one (voting rounds, run-sheet steps). */
const placeSchema = {
  oneOf: [
    { type: 'object', required: ['kind'], additionalProperties: false, properties: { kind: { const: 'all' } } },
    {
      type: 'object',
      required: ['kind', 'instanceId', 'zoneId'],
      additionalProperties: false,
      properties: { kind: { const: 'zone' }, instanceId: recordId, zoneId: recordId },
    },
    {
      type: 'object',
      required: ['kind', 'instanceId'],
      additionalProperties: false,
      properties: { kind: { const: 'template' }, instanceId: recordId },
    },
  ],
} as const

export const roundBody = {
  type: 'object',
  required: ['title', 'dotsPerPerson', 'scope'],
  additionalProperties: false,
  properties: {
    title: roundTitle,
    dotsPerPerson: { type: 'integer', minimum: 1, maximum: MAX_DOTS_PER_PERSON },
    scope: placeSchema,
  },
} as const

export const privateRoundBody = {
  type: 'object',
  required: ['title', 'scope', 'showAuthors', 'name'],
  additionalProperties: false,
  properties: {
    title: roundTitle,
    scope: roundBody.properties.scope,
    showAuthors: { type: 'boolean' },
    durationMs: duration,
    name: displayName,
  },
} as const

export const ballotBody = {
  type: 'object',
  required: ['shapeId', 'delta'],
  additionalProperties: false,
  properties: { shapeId: recordId, delta: { enum: [1, -1] } },
} as const

// -- The run-sheet ---------------------------------------------------------------------------------
// The shapes are checked here (400); limits, lengths, ids and places by the domain (422), so that
// the editor can tell the facilitator which step is wrong.

/** A string of any reasonable length; the domain holds it to its own limit. */
const loosely = { type: 'string', maxLength: 1000 } as const

const runSheetAction = {
  oneOf: [
    { type: 'object', required: ['kind'], additionalProperties: false, properties: { kind: { enum: ['timer', 'freeze', 'follow', 'presenting'] } } },
    {
      type: 'object',
      required: ['kind', 'title', 'dotsPerPerson', 'scope'],
      additionalProperties: false,
      properties: { kind: { const: 'voting' }, title: loosely, dotsPerPerson: { type: 'number' }, scope: placeSchema },
    },
    {
      type: 'object',
      required: ['kind', 'title', 'scope', 'showAuthors'],
      additionalProperties: false,
      properties: { kind: { const: 'private' }, title: loosely, scope: placeSchema, showAuthors: { type: 'boolean' } },
    },
  ],
} as const

const runSheetStep = {
  type: 'object',
  required: ['title', 'durationMinutes', 'place', 'actions'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', maxLength: MAX_ID_LENGTH },
    title: loosely,
    durationMinutes: { type: 'number' },
    place: placeSchema,
    actions: { type: 'array', maxItems: 10, items: runSheetAction },
  },
} as const

/** At most a few times the step limit, so that a flood is refused before it is read; the limit itself is the domain's (422). */
export const replaceRunSheetBody = {
  type: 'object',
  required: ['steps'],
  additionalProperties: false,
  properties: { steps: { type: 'array', maxItems: 4 * MAX_RUN_SHEET_STEPS, items: runSheetStep } },
} as const

export const reorderRunSheetBody = {
  type: 'object',
  required: ['order'],
  additionalProperties: false,
  properties: { order: { type: 'array', maxItems: 4 * MAX_RUN_SHEET_STEPS, items: { type: 'string', maxLength: MAX_ID_LENGTH } } },
} as const

export const stepParams = {
  type: 'object',
  required: ['id', 'stepId'],
  properties: { id: boardId, stepId: { type: 'string', pattern: STEP_ID_PATTERN.source } },
} as const

export type StepParams = { Params: { id: string; stepId: string } }

export const stepStatusBody = {
  type: 'object',
  required: ['status'],
  additionalProperties: false,
  properties: { status: { enum: ['skipped', 'planned'] } },
} as const

export const nextStepBody = {
  type: 'object',
  required: ['expectedStepId', 'userId', 'name'],
  additionalProperties: false,
  properties: {
    expectedStepId: { type: 'string', nullable: true, maxLength: MAX_ID_LENGTH },
    userId: recordId,
    name: displayName,
    presenting: {
      type: 'object',
      required: ['pageId', 'slides'],
      additionalProperties: false,
      properties: { pageId: recordId, slides: { type: 'array', minItems: 1, maxItems: MAX_SLIDES, items: recordId } },
    },
  },
} as const

export const importRunSheetBody = {
  type: 'object',
  required: ['fromBoardId', 'fromToken'],
  additionalProperties: false,
  properties: { fromBoardId: boardId, fromToken: { type: 'string', maxLength: 200 } },
} as const

export const cursorsBody = {
  type: 'object',
  required: ['hidden'],
  additionalProperties: false,
  properties: { hidden: { type: 'boolean' } },
} as const

// -- Snapshots -----------------------------------------------------------------------------------

export const createSnapshotBody = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: { name: { type: 'string', minLength: 1, maxLength: MAX_SNAPSHOT_NAME_LENGTH, pattern: '\\S' } },
} as const
