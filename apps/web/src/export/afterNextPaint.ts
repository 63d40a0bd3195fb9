/**
 * Resolves once the browser has had a chance to paint: long exports call it between their
 * steps, so the progress shows and the page keeps answering.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    // A hidden tab gets no animation frames; a timeout still lets other work in.
    if (document.visibilityState === 'hidden') setTimeout(resolve, 0)
    else requestAnimationFrame(() => setTimeout(resolve, 0))
  })
}
