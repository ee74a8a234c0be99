import { useEffect, useState } from 'react';
import type { Annotation } from './investigationsApi';
import { NoteText } from './NoteText';
import type { NoteTarget } from './useNotes';

interface Props {
  steps: Annotation[];
  nameOf: (target: NoteTarget) => string;
  /** Moves the view to what a step's note is on. */
  onStep: (target: NoteTarget) => void;
  onExit: () => void;
}

/** Steps through the chosen notes in order, each moving the view to what it annotates; keys ← → and Esc. */
export function PresentMode({ steps, nameOf, onStep, onExit }: Props) {
  const [index, setIndex] = useState(0);
  const step = steps[Math.min(index, steps.length - 1)];
  useEffect(() => {
    if (step) onStep(step.target);
  }, [step, onStep]);
  useEffect(() => {
    const keys = (event: KeyboardEvent) => {
      if (event.key === 'ArrowRight') setIndex((at) => Math.min(at + 1, steps.length - 1));
      if (event.key === 'ArrowLeft') setIndex((at) => Math.max(at - 1, 0));
      if (event.key === 'Escape') onExit();
    };
    window.addEventListener('keydown', keys);
    return () => window.removeEventListener('keydown', keys);
  }, [steps.length, onExit]);
  if (!step) return null;
  return (
    <aside className="present" role="dialog" aria-label="Presentation">
      <p className="present-where">
        {index + 1} of {steps.length} · {nameOf(step.target)}
      </p>
      <p className="present-text">
        <NoteText text={step.text} />
      </p>
      <p className="present-meta">{step.author}</p>
      <div className="present-actions">
        <button onClick={() => setIndex(index - 1)} disabled={index === 0}>
          ← Previous
        </button>
        <button onClick={() => setIndex(index + 1)} disabled={index >= steps.length - 1}>
          Next →
        </button>
        <button onClick={onExit}>End presentation</button>
      </div>
    </aside>
  );
}
