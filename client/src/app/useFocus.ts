import { useCallback, useState } from 'react';
import type { Selection } from '../canvas/GraphCanvas';
import type { ViewState } from '../share/viewState';

/**
 * What the user is pointing at: the selection, the node whose timeline shows, the open node menu, and the
 * path search being set up (its first node, then both ends). `onPathEnds` is told when both ends are chosen.
 */
export function useFocus(initialView: ViewState | undefined, onPathEnds: () => void) {
  const [selected, setSelected] = useState<Selection | undefined>(initialView?.selected);
  /** The node whose timeline shows: the selected node, kept while one of its relationships is selected. */
  const [timelineNode, setTimelineNode] = useState(
    initialView?.selected?.kind === 'node' ? initialView.selected.id : undefined,
  );
  const [menu, setMenu] = useState<{ nodeId: string; at: { x: number; y: number } }>();
  const [pathFrom, setPathFrom] = useState<string>();
  /** The two nodes whose paths are listed. */
  const [pathEnds, setPathEnds] = useState<{ from: string; to: string }>();
  /** Nodes selected together (Shift-click, Shift-drag a box): two or more, else none. */
  const [group, setGroup] = useState<string[]>([]);

  const select = useCallback(
    (selection: Selection | undefined) => {
      setMenu(undefined);
      if (pathFrom && selection?.kind === 'node' && selection.id !== pathFrom) {
        setPathFrom(undefined);
        setPathEnds({ from: pathFrom, to: selection.id });
        onPathEnds();
      }
      setSelected(selection);
      setGroup([]);
      if (selection?.kind !== 'edge') setTimelineNode(selection?.id);
    },
    [pathFrom, onPathEnds],
  );
  /** The nodes selected now: the group, else the selected node. */
  const current = group.length ? group : selected?.kind === 'node' ? [selected.id] : [];
  /** Sets the group; one node left is a plain selection. */
  const selectGroup = (ids: string[]) => {
    const unique = [...new Set(ids)];
    if (unique.length >= 2) {
      setMenu(undefined);
      setGroup(unique);
      return;
    }
    select(unique[0] ? { kind: 'node', id: unique[0] } : undefined);
  };

  return {
    selected,
    select,
    /** Shows a target without the side effects of a click (a note's target, a step of a presentation). */
    setSelected,
    timelineNode,
    menu,
    openMenu: (nodeId: string, at: { x: number; y: number }) => setMenu({ nodeId, at }),
    closeMenu: () => setMenu(undefined),
    pathFrom,
    setPathFrom,
    pathEnds,
    closePaths: () => setPathEnds(undefined),
    showPaths: (from: string, to: string) => setPathEnds({ from, to }),
    group,
    /** Shift-click: a node joins the nodes selected, or leaves them. */
    toggleInGroup: (id: string) =>
      selectGroup(current.includes(id) ? current.filter((other) => other !== id) : [...current, id]),
    /** A box drawn with Shift: its nodes join the nodes selected. */
    addToGroup: (ids: string[]) => selectGroup([...current, ...ids]),
  };
}
