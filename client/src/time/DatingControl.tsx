import { lazy, Suspense, useState } from 'react';
import type { DatingProps } from './DatingDialog';

// The dialog is loaded when first opened: most visits never change how things are dated.
const DatingDialog = lazy(() => import('./DatingDialog').then((module) => ({ default: module.DatingDialog })));

/** The Dates button of the time bar, which opens the dating dialog. */
export function DatingControl({ items, state }: DatingProps) {
  const [open, setOpen] = useState(false);
  const datedCount = Object.keys(state.dating).length;
  return (
    <>
      <button
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        title="Choose which properties date each label and relationship type"
      >
        Dates{datedCount ? ` (${datedCount})` : ''}…
      </button>
      {open && (
        <Suspense fallback={null}>
          <DatingDialog items={items} state={state} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
