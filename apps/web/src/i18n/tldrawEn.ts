/**
 * tldraw's own English, where it clashes with Dorfplatz's words or speaks to designers (see
 * tldrawDe). Apart from en.ts, which loads only when someone switches to English: tldraw is given
 * every language's overrides when the board opens.
 */
import type { TLUiTranslationKey } from 'tldraw'

export const tldrawEn: Partial<Record<TLUiTranslationKey, string>> = {
  'app.loading': 'Loading the board…',
  'tool.hand': 'Move the view',
  'tool.laser': 'Laser pointer',
  'tool.media': 'Insert picture or video',
  'tool-panel.title': 'Tools',
  'action.insert-media': 'Insert picture or video…',
  'action.zoom-to-fit': 'Show everything',
  'action.zoom-to-selection': 'Show selection',
  'a11y.skip-to-main-content': 'Skip to the board',
  'style-panel.title': 'Colour and style',
  'style-panel.arrowheads': 'Heads',
  'color-style.light-violet': 'Lilac',
  'color-style.light-red': 'Pink',
  'color-style.grey': 'Grey',
  'navigation-zone.minimap': 'Overview map',
  'navigation-zone.toggle-minimap': 'Show or hide the overview map',
  'help-menu.title': 'Help',
}
