/**
 * Keeps the live board's editor from reacting to keys while a dialog over it is open. tldraw
 * listens for its shortcuts on the whole page while its editor counts as focused, so Delete or
 * Ctrl+Z pressed on a dialog's button (or in a snapshot's own editor) would change the board.
 */
import { useEffect } from 'react'
import type { Editor } from 'tldraw'

export function usePausedEditor(editor: Editor | null): void {
  useEffect(() => {
    if (!editor || !editor.getIsFocused()) return
    // The dialog holds the keyboard focus; only tldraw's own idea of focus changes.
    editor.blur({ blurContainer: false })
    return () => {
      if (!editor.isDisposed) editor.focus({ focusContainer: false })
    }
  }, [editor])
}
