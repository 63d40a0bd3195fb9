/**
 * What covers the canvas's edges, measured on screen: the views that show a frame (a template
 * on opening, a slide while presenting) keep it in the part of the screen left free.
 */
import type { Editor } from 'tldraw'

export interface Insets {
  top: number
  right: number
  bottom: number
  left: number
}

/** What covers the edges of the canvas now, measured: the top bar rows, the toolbar, an open voting or results panel. */
export function coveredEdges(editor: Editor): Insets {
  const container = editor.getContainer()
  const screen = container.getBoundingClientRect()
  const bottomOf = (selector: string) =>
    Math.max(0, ...[...container.querySelectorAll(selector)].map((element) => element.getBoundingClientRect().bottom - screen.top))
  const top = bottomOf('.board-top-stack, .board-share, .tlui-menu-zone')
  const toolbar = container.querySelector('.tlui-layout__bottom')?.getBoundingClientRect()
  const bottom = toolbar ? Math.max(0, screen.bottom - toolbar.top) : 0
  const panel = container.querySelector('.voting-panel')?.getBoundingClientRect()
  const left = panel ? Math.max(0, panel.right - screen.left) : 0
  return { top, right: 0, bottom, left }
}
