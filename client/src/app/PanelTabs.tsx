import { useState } from 'react';
import type { Explorer } from './useExplorer';
import type { PanelTab } from './usePanels';

/**
 * The side panel's tabs in one row: the everyday ones always shown, the rest (disagreements, notes, import, edit)
 * behind "More", whose button is marked while one of them is open.
 */
export function PanelTabs({ x }: { x: Explorer }) {
  const { tab, setTab } = x.panels;
  const [open, setOpen] = useState(false);
  const everyday: [PanelTab, string][] = [
    ['filters', 'Legend'],
    ['list', 'List'],
    ['queries', 'Queries'],
    ['console', 'Cypher'],
  ];
  const more: [PanelTab, string][] = [
    ...(x.datasetModel ? [['disagreements', 'Disagreements'] as [PanelTab, string]] : []),
    ...(x.saved.current ? [['notes', `Notes (${x.notes.notes.length})`] as [PanelTab, string]] : []),
    ['import', 'Import'],
    ['edit', 'Edit'],
  ];
  const chosenMore = more.find(([name]) => name === tab);
  const choose = (name: PanelTab) => {
    setTab(name);
    setOpen(false);
  };
  return (
    <div className="tab-strip">
      <div className="tabs" role="tablist" aria-label="Panels">
        {everyday.map(([name, label]) => (
          <button key={name} role="tab" aria-selected={tab === name} onClick={() => choose(name)}>
            {label}
          </button>
        ))}
      </div>
      <div className="tabs-more">
        <button
          aria-expanded={open}
          className={chosenMore ? 'chosen' : undefined}
          title={chosenMore ? `${chosenMore[1]} is open` : undefined}
          data-testid="more-panels"
          onClick={() => setOpen(!open)}
        >
          More ▾
        </button>
        {open && (
          <div className="tabs tabs-menu" role="tablist" aria-label="More panels" aria-orientation="vertical">
            {more.map(([name, label]) => (
              <button key={name} role="tab" aria-selected={tab === name} onClick={() => choose(name)}>
                {label}
              </button>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
