/**
 * A first pass over a client's update in its binary form (Yjs update format v1), before Yjs
 * decodes it into objects: decoding builds an object per struct and a Yjs type per nested type,
 * which costs several times what reading the bytes does. What no client may send is refused
 * here already, for the price of one pass over the bytes and without recursion:
 *
 * - more than MAX_UPDATE_STRUCTS structs or MAX_UPDATE_VALUES inserted values;
 * - content other than plain values (ContentAny) or deleted runs (ContentDeleted): no strings,
 *   embeds, formats, binaries, subdocuments and, above all, no nested types (items inside the
 *   server's own nested `meta.templates` are plain values; updateGuard refuses those with 4403);
 * - delete sets with more than MAX_UPDATE_DELETE_RANGES ranges, or ranges out of order or
 *   overlapping (Yjs walks every range it is given).
 *
 * The format: per client, structs as an info byte (low five bits: 0 GC, 10 Skip, else the
 * content ref; bit 8 origin, bit 7 right origin, bit 6 parent key) and their fields; then the
 * delete set. See yjs src/utils/encoding.js (readClientsStructRefs) and lib0's readAny.
 */
import * as decoding from 'lib0/decoding'
import { MAX_UPDATE_DELETE_RANGES, MAX_UPDATE_STRUCTS, MAX_UPDATE_VALUES } from '@dorfplatz/protocol'
import { ProtocolError, badMessage } from './ProtocolError.ts'

const CONTENT_DELETED = 1
const CONTENT_ANY = 8
const GC = 0
const SKIP = 10
const BIT_ORIGIN = 0x80
const BIT_RIGHT_ORIGIN = 0x40
const BIT_PARENT_KEY = 0x20

function skipBytes(decoder: decoding.Decoder, length: number): void {
  if (length < 0 || decoder.pos + length > decoder.arr.length) throw new RangeError('past the end of the update')
  decoder.pos += length
}

const skipString = (decoder: decoding.Decoder) => skipBytes(decoder, decoding.readVarUint(decoder))

/** Skips `count` values in lib0's `any` encoding, iteratively (they may nest as deep as the bytes allow). */
function skipAnyValues(decoder: decoding.Decoder, count: number): void {
  // Each frame: values still to skip at one level, and whether each is preceded by a key.
  const frames: Array<{ remaining: number; keyed: boolean }> = [{ remaining: count, keyed: false }]
  while (frames.length > 0) {
    const frame = frames[frames.length - 1]!
    if (frame.remaining === 0) {
      frames.pop()
      continue
    }
    frame.remaining--
    if (frame.keyed) skipString(decoder)
    const type = decoding.readUint8(decoder)
    switch (type) {
      case 127: // undefined
      case 126: // null
      case 121: // false
      case 120: // true
        break
      case 125: // integer
        decoding.readVarInt(decoder)
        break
      case 124: // float32
        skipBytes(decoder, 4)
        break
      case 123: // float64
      case 122: // bigint
        skipBytes(decoder, 8)
        break
      case 119: // string
      case 116: // Uint8Array
        skipString(decoder)
        break
      case 118: // object: length, then key and value pairs
        frames.push({ remaining: decoding.readVarUint(decoder), keyed: true })
        break
      case 117: // array: length, then values
        frames.push({ remaining: decoding.readVarUint(decoder), keyed: false })
        break
      default:
        throw new RangeError(`unknown value type ${type}`)
    }
  }
}

/** Throws a 4400 ProtocolError for an update no client may send (see the module header). */
export function checkUpdateShape(update: Uint8Array): void {
  const decoder = decoding.createDecoder(update)
  let structs = 0
  let values = 0
  try {
    const clients = decoding.readVarUint(decoder)
    for (let c = 0; c < clients; c++) {
      const count = decoding.readVarUint(decoder)
      structs += count
      if (structs > MAX_UPDATE_STRUCTS) throw badMessage(`an update may hold at most ${MAX_UPDATE_STRUCTS} structs`)
      decoding.readVarUint(decoder) // client
      decoding.readVarUint(decoder) // first clock
      for (let s = 0; s < count; s++) {
        const info = decoding.readUint8(decoder)
        const ref = info & 0x1f
        if (ref === GC || ref === SKIP) {
          decoding.readVarUint(decoder)
          continue
        }
        if (info & BIT_ORIGIN) {
          decoding.readVarUint(decoder)
          decoding.readVarUint(decoder)
        }
        if (info & BIT_RIGHT_ORIGIN) {
          decoding.readVarUint(decoder)
          decoding.readVarUint(decoder)
        }
        if ((info & (BIT_ORIGIN | BIT_RIGHT_ORIGIN)) === 0) {
          // The parent: a root by name, or a nested type by its id.
          if (decoding.readVarUint(decoder) === 1) skipString(decoder)
          else {
            decoding.readVarUint(decoder)
            decoding.readVarUint(decoder)
          }
          if (info & BIT_PARENT_KEY) skipString(decoder)
        }
        if (ref === CONTENT_DELETED) {
          decoding.readVarUint(decoder)
        } else if (ref === CONTENT_ANY) {
          const length = decoding.readVarUint(decoder)
          values += length
          if (values > MAX_UPDATE_VALUES) throw badMessage(`an update may insert at most ${MAX_UPDATE_VALUES} values`)
          skipAnyValues(decoder, length)
        } else {
          throw badMessage('board entries are plain values')
        }
      }
    }
    const deleteClients = decoding.readVarUint(decoder)
    let ranges = 0
    for (let c = 0; c < deleteClients; c++) {
      decoding.readVarUint(decoder) // client
      const count = decoding.readVarUint(decoder)
      ranges += count
      if (ranges > MAX_UPDATE_DELETE_RANGES) throw badMessage(`an update may delete at most ${MAX_UPDATE_DELETE_RANGES} ranges`)
      let end = -1
      for (let r = 0; r < count; r++) {
        const clock = decoding.readVarUint(decoder)
        const length = decoding.readVarUint(decoder)
        if (clock < end || length < 1) throw badMessage('deleted ranges out of order or overlapping')
        end = clock + length
      }
    }
  } catch (error) {
    if (error instanceof ProtocolError) throw error
    throw badMessage('malformed Yjs update')
  }
}
