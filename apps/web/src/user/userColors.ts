/**
 * The colours people can have on a board. Each is dark enough to carry white
 * initials and distinct enough from its neighbours to tell cursors apart on a
 * projector; the keys name them for the colour picker.
 */
export const USER_COLORS = [
  { key: 'blue', value: '#2f6db5' },
  { key: 'teal', value: '#0f7a7a' },
  { key: 'green', value: '#2f7d3b' },
  { key: 'olive', value: '#6b7321' },
  { key: 'ochre', value: '#a36a00' },
  { key: 'orange', value: '#c2521a' },
  { key: 'red', value: '#b8322f' },
  { key: 'berry', value: '#a8326e' },
  { key: 'violet', value: '#7a45b5' },
  { key: 'indigo', value: '#4a4fc0' },
  { key: 'slate', value: '#4d5b6b' },
  { key: 'brown', value: '#7d5336' },
] as const

export type UserColorKey = (typeof USER_COLORS)[number]['key']

export function randomUserColor(): string {
  const index = Math.floor(Math.random() * USER_COLORS.length)
  return (USER_COLORS[index] ?? USER_COLORS[0]).value
}

export function isUserColor(value: unknown): value is string {
  return typeof value === 'string' && /^#[0-9a-fA-F]{6}$/.test(value)
}
