/**
 * A tldraw store as the editor would leave it after mounting (document, one page, the
 * session records presence is derived from), built without the editor or a DOM.
 */
import { atom } from '@tldraw/state'
import { Store } from '@tldraw/store'
import {
  CameraRecordType,
  DocumentRecordType,
  InstancePageStateRecordType,
  PageRecordType,
  PointerRecordType,
  TLDOCUMENT_ID,
  TLINSTANCE_ID,
  TLPOINTER_ID,
  type TLPage,
  type TLRecord,
  type TLSchema,
  type TLStore,
  type TLStoreProps,
  type TLUser,
} from '@tldraw/tlschema'
import { BOARD_RECORD_TYPES } from '../validateBoardRecord.ts'

export function createTestStore(schema: TLSchema, { pageName = 'Page 1' }: { pageName?: string } = {}): TLStore {
  const pageId = PageRecordType.createId('page')
  const initial: TLRecord[] = [
    DocumentRecordType.create({ id: TLDOCUMENT_ID }),
    PageRecordType.create({ id: pageId, name: pageName, index: 'a1' as TLPage['index'] }),
    schema.types.instance.create({ id: TLINSTANCE_ID, currentPageId: pageId }),
    InstancePageStateRecordType.create({ id: InstancePageStateRecordType.createId(pageId), pageId }),
    CameraRecordType.create({ id: CameraRecordType.createId(pageId) }),
    PointerRecordType.create({ id: TLPOINTER_ID }),
  ]
  const props: TLStoreProps = {
    defaultName: '',
    assets: {
      upload: async () => ({ src: '' }),
      resolve: (asset) => asset.props.src,
      remove: async () => {},
    },
    users: {
      currentUser: atom<TLUser | null>('currentUser', null),
      resolve: () => atom<TLUser | null>('user', null),
    },
    onMount: () => {},
  }
  return new Store<TLRecord, TLStoreProps>({
    schema,
    props,
    initialData: Object.fromEntries(initial.map((record) => [record.id, record])),
  })
}

/** The store's shared records, by id, in a form `toEqual` can compare. */
export function boardRecordsOf(store: TLStore): Record<string, TLRecord> {
  const records: Record<string, TLRecord> = {}
  for (const record of store.allRecords()) {
    if (BOARD_RECORD_TYPES.has(record.typeName)) records[record.id] = record
  }
  return records
}
