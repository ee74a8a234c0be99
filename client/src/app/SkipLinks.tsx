/** Where the skip links lead: the element of each id is focusable (the canvas, or with tabIndex -1). */
const targets = [
  ['graph-canvas', 'Skip to the canvas'],
  ['side-panels', 'Skip to the panels'],
  ['details', 'Skip to the details'],
] as const;

/**
 * The first stops of Tab: links past the toolbar straight to the canvas, the side panel or the details
 * column. They move the focus there themselves, leaving the address (which holds the view) as it is.
 */
export function SkipLinks() {
  return (
    <nav className="skip-links" aria-label="Skip links">
      {targets.map(([id, text]) => (
        <a
          key={id}
          href={`#${id}`}
          onClick={(event) => {
            event.preventDefault();
            document.getElementById(id)?.focus();
          }}
        >
          {text}
        </a>
      ))}
    </nav>
  );
}
