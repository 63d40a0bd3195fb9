/**
 * The Dorfplatz board document: its layout in a Y.Doc, how the server seeds it, and how a
 * tldraw store and presence are bound to it. Knows nothing of React, sockets or providers.
 */
export {
  getMeta,
  getRecordsArray,
  getRecordsMap,
  META_KEY,
  MetaKey,
  readBoardRecords,
  readBoardSchema,
  readBoardTitle,
  RECORDS_KEY,
} from './boardDocument.ts'
export type { RecordEntry } from './boardDocument.ts'
export { KeyValueArray } from './KeyValueArray.ts'
export type { KeyValueArrayOptions, KeyValueChange, KeyValueChangeListener, KeyValueEntry } from './KeyValueArray.ts'
export { createBoardSchema } from './createBoardSchema.ts'
export { FIRST_PAGE_ID, initBoardDoc } from './initBoardDoc.ts'
export type { InitBoardDocOptions } from './initBoardDoc.ts'
export { compareSchema } from './compareSchema.ts'
export type { SchemaComparison } from './compareSchema.ts'
export { BOARD_RECORD_TYPES, validateBoardRecord, validateBoardRecords } from './validateBoardRecord.ts'
export { boardRecordRuleViolation, isSafeLink } from './boardRecordRules.ts'
export { checkJsonValue } from './checkJsonValue.ts'
export type { JsonLimits } from './checkJsonValue.ts'
export type { RecordCheck } from './validateBoardRecord.ts'
export { bindStoreToDoc } from './bindStoreToDoc.ts'
export type { BindStoreToDocOptions, BoardBinding, BoardStatus } from './bindStoreToDoc.ts'
export { bindPresence, PRESENCE_INTERVAL_MS } from './bindPresence.ts'
export type { BindPresenceOptions, PresenceBinding, PresenceUser } from './bindPresence.ts'
export { listPeers } from './listPeers.ts'
export type { Peer } from './listPeers.ts'
export { FALLBACK_USER_COLOR, PRESENCE_FIELD, readAwarenessUser, USER_FIELD } from './awarenessFields.ts'
export type { AwarenessUser } from './awarenessFields.ts'
export {
  isBoardTemplateId,
  isOwnTemplateId,
  isTemplateId,
  isTemplateLocale,
  OWN_TEMPLATE_ID_PATTERN,
  TEMPLATE_IDS,
  TEMPLATE_LOCALES,
} from './templateInstances.ts'
export { addTemplateToDoc, readTemplateInstances } from './templateInstancesDoc.ts'
export type { BoardTemplateId, LocalizedText, OwnTemplateId, TemplateId, TemplateInstance, TemplateLocale, TemplateZone, ZoneArea } from './templateInstances.ts'
export { measureDocGrowth } from './docGrowth.ts'
export type { DocGrowth, DocGrowthOptions } from './docGrowth.ts'
export {
  AUTHOR_STAMP_INTERVAL_MS,
  AUTHORS_KEY,
  authorStamp,
  getAuthorsMap,
  isAuthoredRecord,
  isSameAuthor,
  MAX_AUTHOR_NAME_LENGTH,
  nextRecordAuthors,
  readRecordAuthors,
  readRecordAuthorsValue,
  readAuthorStamp,
} from './authors.ts'
export type { AuthorRole, AuthorStamp, RecordAuthors } from './authors.ts'
export {
  checkCommentEntry,
  COMMENT_AUTHORS_KEY,
  COMMENT_PREFIX,
  commentEntryShapeProblem,
  commentKey,
  COMMENTS_KEY,
  getCommentAuthorsMap,
  getCommentsMap,
  MAX_COMMENT_ENTRIES,
  MAX_COMMENT_LENGTH,
  readCommentAuthorValue,
  readCommentThreads,
  THREAD_PREFIX,
  threadKey,
} from './comments.ts'
export type { CommentAuthorValue, CommentMessage, CommentThread, CommentValue, CommentVerdict, ThreadValue } from './comments.ts'
export {
  FACILITATION_KEY,
  FacilitationKey,
  getFacilitationMap,
  getVotingRoundsMap,
  isBoardFrozen,
  observeFacilitation,
  parseFollow,
  parsePresenting,
  parseFreeze,
  parseRestoreNotice,
  parseScope,
  parseSummon,
  parseTimer,
  parseVotingRound,
  readFacilitation,
  readVotingRounds,
  richTextToPlain,
  SERVER_OWNED_ROOTS,
  timerRemainingMs,
  VOTING_ROUNDS_KEY,
} from './facilitation.ts'
export type {
  FacilitationState,
  FollowState,
  PresentingState,
  FreezeState,
  RestoreNotice,
  SummonState,
  TimerState,
  VoteResult,
  VoteScope,
  VotingRound,
} from './facilitation.ts'
export {
  currentStep,
  EMPTY_RUN_SHEET,
  nextPlannedStep,
  parsePlace,
  parseRunSheet,
  parseRunSheetAction,
  RUN_SHEET_ACTION_KINDS,
} from './runSheet.ts'
export type { RunSheet, RunSheetAction, RunSheetActionKind, RunSheetStep, StepStatus } from './runSheet.ts'
export {
  FROM_PRIVATE_ROUND_META,
  MAX_PRIVATE_NOTES,
  PRIVATE_ROUND_META,
  parsePrivateRound,
  privateRoundClaim,
  privateRoundOf,
  revealedFromRound,
} from './privateRound.ts'
export type { PrivateRevealNotice, PrivateRoundState } from './privateRound.ts'
export {
  formatDueDate,
  MAX_MUNICIPALITY_LENGTH,
  MAX_TASK_OWNER_LENGTH,
  MUNICIPALITY_META,
  municipalityOf,
  normalizeMunicipality,
  sameMunicipality,
  TASK_META,
  taskOf,
} from './strategyMeta.ts'
export type { NoteTask } from './strategyMeta.ts'
export { CARRIED_FROM_META, carriedFromClaim, carriedFromOf } from './carriedFrom.ts'
export type { CarriedFrom } from './carriedFrom.ts'
export { rankByVotes } from './rankByVotes.ts'
export type { Ranked } from './rankByVotes.ts'
export { boardToTldrFile, MAX_TLDR_FILE_RECORDS, readTldrFile, TLDR_FILE_FORMAT_VERSION } from './tldrFile.ts'
export type { TldrFile, TldrFileReading } from './tldrFile.ts'
export { addMissingTemplateInstances, replaceBoardRecords } from './replaceRecords.ts'
export type { ReplaceResult } from './replaceRecords.ts'
