// Where keyboard focus goes when a digit's detail closes: back to that digit (the one last
// viewed, which Previous/Next may have changed) in the grid or the sample it was opened from.
// The grid registers how to bring a digit into view and focus it; the sample is plain buttons.

type GridFocuser = (id: number) => boolean;
let gridFocuser: GridFocuser | null = null;

export function registerGridFocuser(focuser: GridFocuser): () => void {
  gridFocuser = focuser;
  return () => {
    if (gridFocuser === focuser) gridFocuser = null;
  };
}

/** Focuses the digit `id` where it was opened from; false when it is not there to focus. */
export function focusDigit(id: number, from: 'grid' | 'sample'): boolean {
  if (from === 'sample') {
    const button = document.querySelector<HTMLElement>(`.sample-digits [data-id="${id}"]`);
    button?.focus();
    return button !== null;
  }
  return gridFocuser?.(id) ?? false;
}
