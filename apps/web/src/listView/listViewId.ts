/** The list view's element id: the skip link's target, which the page renders before the list's script has loaded. */
export const LIST_VIEW_ID = 'dorfplatz-list-view'
