export { CloseCode, FATAL_CLOSE_CODES } from './closeCodes.ts'
export {
  MAX_ASSET_BYTES,
  MAX_ASSET_RECORD_BYTES,
  MAX_AWARENESS_STATE_BYTES,
  MAX_AWARENESS_STATE_DEPTH,
  MAX_BYTES_PER_SECOND,
  MAX_RECORD_BYTES,
  MAX_RECORD_DEPTH,
  MAX_UPDATE_DELETE_RANGES,
  MAX_UPDATE_STRUCTS,
  MAX_UPDATE_VALUES,
  MAX_EDITOR_CONNECTIONS_PER_BOARD,
  MAX_VIEWER_CONNECTIONS_PER_BOARD,
  MAX_MESSAGE_BYTES,
  MAX_SYNC_ANSWER_BYTES,
  MAX_MESSAGES_PER_SECOND,
  MAX_TITLE_LENGTH,
  MESSAGE_BURST,
} from './limits.ts'
export { ROLES, isRole, canEditDocument } from './roles.ts'
export type { Role } from './roles.ts'
export { ACCESSIBILITY_PATH, BOARD_ID_PATTERN, TOKEN_PATTERN, SYNC_PATH, isBoardId, isToken, boardPath } from './ids.ts'
export { HEARTBEAT_PARAM, MessageType } from './messageTypes.ts'
export type { ApiError, BoardInfo, ClientConfig, CreateBoardRequest, CreatedBoard } from './api.ts'
export {
  MAX_DISPLAY_NAME_LENGTH,
  MAX_DOTS_PER_PERSON,
  MAX_ROUND_TITLE_LENGTH,
  MAX_SLIDES,
  MAX_TIMER_MS,
  PRIVATE_KEY_PARAM,
  VOTER_HEADER,
} from './facilitation.ts'
export type {
  Ballot,
  BallotChange,
  Bounds,
  FollowRequest,
  FreezeRequest,
  OpenPrivateRoundRequest,
  PrivateRevealResult,
  ServerTime,
  StartPresentingRequest,
  StartRoundRequest,
  StepPresentingRequest,
  SummonRequest,
  TimerCommand,
} from './facilitation.ts'
export { MAX_RUN_SHEET_STEPS, MAX_STEP_MINUTES, MAX_STEP_TITLE_LENGTH, STEP_ID_PATTERN } from './runSheet.ts'
export type {
  CursorsRequest,
  ImportRunSheetRequest,
  ImportRunSheetResult,
  NextStepRequest,
  ReorderRunSheetRequest,
  ReplaceRunSheetRequest,
  RunSheetActionInput,
  RunSheetPlace,
  RunSheetStepInput,
  StepStatusRequest,
} from './runSheet.ts'
export { API_LOCALES, MAX_IMPORT_BYTES, MAX_SNAPSHOT_NAME_LENGTH } from './snapshots.ts'
export type { ApiLocale, CreateSnapshotRequest, ImportResult, SnapshotInfo, SnapshotKind } from './snapshots.ts'
export { MAX_CARRY_ITEMS, MAX_CARRY_TOP, MAX_SERIES_NAME_LENGTH } from './series.ts'
export type { BoardSeries, CarryForwardRequest, CarryForwardResult, CarryItem, CarrySource, PutSeriesRequest, SeriesAnswer, SeriesBoard } from './series.ts'
export { calendarDay, DEFAULT_TIME_ZONE, isTimeZone } from './timeZone.ts'
export { DEFAULT_LOCALE, LOCALES, isLocale } from './locales.ts'
export type { Locale } from './locales.ts'
export { HISTORY_ITEMS_PER_KIND, HISTORY_TEXT_LENGTH } from './history.ts'
export type {
  HistoryActor,
  HistoryAnswer,
  HistoryChanges,
  HistoryEntryInfo,
  HistoryItem,
  HistoryMove,
  HistoryShapeKind,
  HistorySharingRequest,
  HistoryZone,
  RestoreHistoryAnswer,
  RestoreHistoryRequest,
} from './history.ts'
