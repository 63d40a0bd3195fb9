/**
 * tldraw's own surface as a workshop needs it, not as a designer does: the tools a workshop
 * uses, menus without designer switches (debug mode, tool lock, embeds, "unlock all", dark
 * mode, its 35-language menu beside Dorfplatz's one switch), Dorfplatz's words where tldraw's
 * German clashes or reads oddly, and the style panel folded into a button until someone wants it.
 *
 * Who gets which tools:
 * - Everyone who edits: select, move the view, note, text, draw, eraser, arrow, rectangle,
 *   ellipse. That is what the workshop's methods ask for: notes into zones, a word beside them,
 *   an arrow or a circle around what belongs together.
 * - Facilitators besides: frame (to set up a part of the board), laser pointer (to show while
 *   presenting) and a picture (a map or a logo for the board; pictures travel inside the board,
 *   so it is theirs to decide what goes in).
 * - Nobody: embeds (they load other sites into the board; the server refuses them too), and the
 *   rest of tldraw's shapes (stars, clouds, checkboxes …), which the style panel still offers for
 *   a shape that is there.
 */
import type { Role } from '@dorfplatz/protocol'
import {
  AccessibilityMenu,
  AssetToolbarItem,
  DefaultColorStyle,
  DefaultMainMenu,
  DefaultStylePanel,
  DefaultToolbar,
  EditSubmenu,
  ExportFileContentSubMenu,
  getColorValue,
  InputModeMenu,
  KeyboardShortcutsMenuItem,
  PORTRAIT_BREAKPOINT,
  TldrawUiButton,
  TldrawUiButtonIcon,
  TldrawUiButtonLabel,
  TldrawUiMenuActionItem,
  TldrawUiMenuGroup,
  TldrawUiMenuSubmenu,
  TldrawUiPopover,
  TldrawUiPopoverContent,
  TldrawUiPopoverTrigger,
  ToggleGridItem,
  ToggleSnapModeItem,
  ToolbarItem,
  useBreakpoint,
  useEditor,
  useReadonly,
  useRelevantStyles,
  useTranslation,
  useValue,
  ViewSubmenu,
  type TLDefaultColorStyle,
  type TLUiActionsContextType,
  type TLUiComponents,
  type TLUiOverrides,
  type TLUiStylePanelProps,
  type TLUiToolsContextType,
} from 'tldraw'
import type { Language } from '../i18n/i18n.ts'
import { tldrawDe } from '../i18n/de.ts'
import { tldrawEn } from '../i18n/tldrawEn.ts'
import { useBoardContext } from '../kernel/BoardContext.ts'

const PARTICIPANT_TOOLS = ['select', 'hand', 'note', 'text', 'draw', 'eraser', 'arrow', 'rectangle', 'ellipse'] as const
const FACILITATOR_TOOLS = [...PARTICIPANT_TOOLS, 'frame', 'laser', 'asset'] as const

/** The tools a role sees in the toolbar and reaches by keyboard, in toolbar order. */
export function toolsFor(role: Role): readonly string[] {
  return role === 'facilitator' ? FACILITATOR_TOOLS : PARTICIPANT_TOOLS
}

/**
 * tldraw's actions nobody in a workshop needs, by id; gone from every menu and shortcut.
 * Embeds and tldraw's link previews would load other sites; "Glätten" turns shapes into a
 * picture (and template parts into a refused change); print and "copy as JSON" have better
 * ways in Dorfplatz (the PDF); the rest are designer switches.
 */
const ACTIONS_FOR_NOBODY = [
  'insert-embed',
  'convert-to-embed',
  'convert-to-bookmark',
  'open-embed-link',
  'flatten-to-image',
  'copy-as-json',
  'print',
  'open-cursor-chat',
  'unlock-all',
  'toggle-debug-mode',
  'toggle-tool-lock',
  'toggle-focus-mode',
  'toggle-dark-mode',
  'toggle-edge-scrolling',
  'toggle-dynamic-size-mode',
  'toggle-paste-at-cursor',
  'toggle-wrap-mode',
]

/**
 * Besides, not for participants: locking (template parts are locked by the facilitator, whose
 * "Vorlagen entsperren" is the way to change them), frames and pictures, as their tools, and
 * arranging aids.
 */
const ACTIONS_FOR_FACILITATORS_ONLY = [
  'toggle-lock',
  'frame-selection',
  'remove-frame',
  'fit-frame-to-content',
  'insert-media',
  'toggle-grid',
  'toggle-snap-mode',
]

/**
 * Facilitators export from Dorfplatz's own dialog, which covers tldraw's "export all as" and
 * more; one way to export is easier to find than two.
 */
const ACTIONS_FACILITATORS_FIND_ELSEWHERE = ['export-all-as-svg', 'export-all-as-png']

function withoutActions(actions: TLUiActionsContextType, ids: readonly string[]): TLUiActionsContextType {
  const kept = { ...actions }
  for (const id of ids) delete kept[id]
  return kept
}

function onlyTools(tools: TLUiToolsContextType, ids: readonly string[]): TLUiToolsContextType {
  return Object.fromEntries(Object.entries(tools).filter(([id]) => ids.includes(id)))
}

const translations: TLUiOverrides['translations'] = { de: tldrawDe, en: tldrawEn } satisfies Record<Language, unknown>

const facilitatorOverrides: TLUiOverrides = {
  translations,
  actions: (_editor, actions) => withoutActions(actions, [...ACTIONS_FOR_NOBODY, ...ACTIONS_FACILITATORS_FIND_ELSEWHERE]),
  tools: (_editor, tools) => onlyTools(tools, FACILITATOR_TOOLS),
}

const participantOverrides: TLUiOverrides = {
  translations,
  actions: (_editor, actions) => withoutActions(actions, [...ACTIONS_FOR_NOBODY, ...ACTIONS_FOR_FACILITATORS_ONLY]),
  tools: (_editor, tools) => onlyTools(tools, PARTICIPANT_TOOLS),
}

/** tldraw's overrides for a role: stable objects, as tldraw wants them. */
export function workshopOverrides(role: Role): TLUiOverrides {
  return role === 'facilitator' ? facilitatorOverrides : participantOverrides
}

/** The toolbar with the role's tools, all in view (none folded into "Mehr"), and the style button beside it. */
function WorkshopToolbar() {
  const { info } = useBoardContext()
  const tools = toolsFor(info.role)
  return (
    <>
      <DefaultToolbar maxItems={tools.length} maxSizePx={tools.length * 48}>
        {tools.map((tool) => (tool === 'asset' ? <AssetToolbarItem key={tool} /> : <ToolbarItem key={tool} tool={tool} />))}
      </DefaultToolbar>
      <StylePanelButton />
    </>
  )
}

/**
 * On a wide screen tldraw shows its style panel at the top right all the time, over the board.
 * Here it opens from a button ("Farbe und Stil", with the current colour) and closes again
 * when the person clicks elsewhere; on a phone tldraw's own button in the toolbar does the same.
 */
function StylePanelButton() {
  const editor = useEditor()
  const msg = useTranslation()
  const breakpoint = useBreakpoint()
  const readonly = useReadonly()
  const styles = useRelevantStyles()
  const color = styles?.get(DefaultColorStyle)
  const colorValue = useValue(
    'dorfplatz.styleButtonColor',
    () => {
      const colors = editor.getCurrentTheme().colors[editor.getColorMode()]
      return getColorValue(colors, color?.type === 'shared' ? (color.value as TLDefaultColorStyle) : 'black', 'solid')
    },
    [editor, color],
  )
  if (readonly || !styles || breakpoint < PORTRAIT_BREAKPOINT.TABLET_SM) return null
  return (
    <div className="style-button">
      <TldrawUiPopover
        id="dorfplatz style panel"
        onOpenChange={(open) => {
          if (!open) editor.updateInstanceState({ isChangingStyle: false })
        }}
      >
        <TldrawUiPopoverTrigger>
          <TldrawUiButton type="low" data-testid="style-panel-button">
            <span style={{ color: colorValue }} className="style-button__swatch">
              <TldrawUiButtonIcon icon={color?.type === 'mixed' ? 'mixed' : 'blob'} small />
            </span>
            <TldrawUiButtonLabel>{msg('style-panel.title')}</TldrawUiButtonLabel>
          </TldrawUiButton>
        </TldrawUiPopoverTrigger>
        <TldrawUiPopoverContent side="top" align="end">
          <DefaultStylePanel isMobile />
        </TldrawUiPopoverContent>
      </TldrawUiPopover>
    </div>
  )
}

/** Inside a phone's style popover tldraw's panel as it is; on wider screens StylePanelButton opens it. */
function WorkshopStylePanel(props: TLUiStylePanelProps) {
  return props.isMobile ? <DefaultStylePanel {...props} /> : null
}

/**
 * tldraw's part of the main menu: edit, view, export (where the role has it), pictures for
 * facilitators, and a few preferences a person may need (accessibility, mouse or trackpad, for
 * facilitators the grid and snapping). No language menu: Dorfplatz's switch in the top bar sets
 * tldraw's language too.
 */
export function WorkshopMainMenuContent() {
  const { info } = useBoardContext()
  const facilitator = info.role === 'facilitator'
  return (
    <>
      <TldrawUiMenuGroup id="basic">
        <EditSubmenu />
        <ViewSubmenu />
        <ExportFileContentSubMenu />
        <TldrawUiMenuActionItem actionId="insert-media" />
      </TldrawUiMenuGroup>
      <TldrawUiMenuGroup id="preferences">
        <TldrawUiMenuSubmenu id="preferences" label="menu.preferences">
          {facilitator && (
            <TldrawUiMenuGroup id="preferences-actions">
              <ToggleSnapModeItem />
              <ToggleGridItem />
            </TldrawUiMenuGroup>
          )}
          <TldrawUiMenuGroup id="user-interface-submenus">
            <AccessibilityMenu />
            <InputModeMenu />
          </TldrawUiMenuGroup>
        </TldrawUiMenuSubmenu>
        <KeyboardShortcutsMenuItem />
      </TldrawUiMenuGroup>
    </>
  )
}

function WorkshopMainMenu() {
  return (
    <DefaultMainMenu>
      <WorkshopMainMenuContent />
    </DefaultMainMenu>
  )
}

/**
 * tldraw's components Dorfplatz replaces for the workshop (BoardEditor adds its own panels).
 * The help menu ("?") held only the language menu and the keyboard shortcuts, which the main
 * menu has too.
 */
export const workshopComponents: TLUiComponents = {
  Toolbar: WorkshopToolbar,
  StylePanel: WorkshopStylePanel,
  HelpMenu: null,
}

/** For the read-only view of a saved version: the same surface, with tldraw's own main menu entries only. */
export const workshopViewComponents: TLUiComponents = { ...workshopComponents, MainMenu: WorkshopMainMenu }
