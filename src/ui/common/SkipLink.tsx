/**
 * The first thing Tab reaches: jumps past the header, filters and sample straight to the digit
 * grid (its focused cell), or to the open view when that is not the grid.
 */
export function SkipLink() {
  return (
    <a
      href="#view-panel"
      className="skip-link"
      onClick={(event) => {
        event.preventDefault();
        const target =
          document.querySelector<HTMLElement>('#digit-grid [role="gridcell"][tabindex="0"]') ??
          document.querySelector<HTMLElement>('#digit-grid [role="gridcell"]') ??
          document.getElementById('view-panel');
        target?.focus();
      }}
    >
      Skip to digits
    </a>
  );
}
