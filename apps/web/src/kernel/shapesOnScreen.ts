/** Where shapes sit on screen, for what Dorfplatz draws over them in front of the canvas. */
import type { Box, Editor, TLShape } from 'tldraw'

/** A box in viewport pixels, relative to the editor's top-left corner. */
export interface ScreenBox {
  left: number
  top: number
  right: number
  bottom: number
}

/** A shape's box on screen and in the page, if it is on the current page and in view; else null. */
export function shapeOnScreen(editor: Editor, shape: TLShape): { box: ScreenBox; bounds: Box } | null {
  if (editor.getAncestorPageId(shape) !== editor.getCurrentPageId()) return null
  const bounds = editor.getShapePageBounds(shape)
  if (!bounds || !editor.getViewportPageBounds().collides(bounds)) return null
  const topLeft = editor.pageToViewport({ x: bounds.minX, y: bounds.minY })
  const bottomRight = editor.pageToViewport({ x: bounds.maxX, y: bounds.maxY })
  return { box: { left: topLeft.x, top: topLeft.y, right: bottomRight.x, bottom: bottomRight.y }, bounds }
}

/**
 * Whether two lists hold the same flat items in the same order, each value compared with `===`:
 * computed lists that compare equal keep their identity, so what draws them does not re-render.
 */
export function sameItems<T extends object>(a: readonly T[], b: readonly T[]): boolean {
  return (
    a.length === b.length &&
    a.every((item, index) => {
      const other = b[index] as Record<string, unknown>
      return Object.entries(item).every(([key, value]) => other[key] === value)
    })
  )
}
