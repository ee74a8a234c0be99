import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { measureNames, type Analysis, type Explanation } from '../../../shared/analytics/measures.js';
import type { CanvasView } from '../canvas/status';
import type { CanvasGraph } from '../graph/canvasState';
import { AnalyticsWorker } from './analyticsWorker';
import { drawnInput, numericEdgeKeys } from './drawn';
import { measureLooks, readRule, type MeasureRule, type NodeOverride } from './looks';

const ruleKey = 'entente.measureRule';

function loadRule(): MeasureRule {
  try {
    return readRule(JSON.parse(globalThis.localStorage?.getItem(ruleKey) ?? '{}'));
  } catch {
    return {};
  }
}

export interface AnalyticsState {
  /** The measures of what is drawn, once computed (the previous ones while the next are computed). */
  analysis?: Analysis;
  elapsedMs?: number;
  computing: boolean;
  rule: MeasureRule;
  setRule: (rule: MeasureRule) => void;
  /** The relationship property weighted degree sums, and the numeric ones drawn to choose from. */
  weight?: string;
  setWeight: (weight: string | undefined) => void;
  weightKeys: string[];
  /** Sizes and colours the rule gives the measured nodes. */
  looks: Record<string, NodeOverride>;
  /** The selected node's explanation, with the pairs its betweenness counts. */
  explanation?: Explanation;
  tableOpen: boolean;
  setTableOpen: (open: boolean) => void;
  /** The ids on the shortest paths between two nodes through a third, among what was measured. */
  pathsVia: (source: string, via: string, target: string) => Promise<string[]>;
}

interface Options {
  graph: CanvasGraph;
  view: Pick<CanvasView, 'asOf' | 'dating' | 'hiddenLabels' | 'hiddenTypes'>;
  /** The selected node, whose values and explanation the inspector shows. */
  selectedNode?: string;
  onError: (error: Error) => void;
}

/**
 * The measures of the drawn graph, computed in a worker whenever what is drawn changes (the graph, the
 * filters, As of, the dating choices, the weight), and how the styling rule draws them. Draws nothing.
 */
export function useAnalytics({ graph, view, selectedNode, onError }: Options): AnalyticsState {
  const worker = useRef<AnalyticsWorker>(undefined);
  const [result, setResult] = useState<{ analysis: Analysis; elapsedMs: number }>();
  const [computing, setComputing] = useState(false);
  const [rule, setRuleState] = useState<MeasureRule>(loadRule);
  const [weight, setWeight] = useState<string>();
  const [tableOpen, setTableOpen] = useState(false);
  const [explanation, setExplanation] = useState<Explanation>();
  const errors = useRef(onError);
  useEffect(() => {
    errors.current = onError;
  });

  useEffect(() => {
    const instance = new AnalyticsWorker();
    worker.current = instance;
    return () => {
      instance.terminate();
      worker.current = undefined;
    };
  }, []);

  const { asOf, dating, hiddenLabels, hiddenTypes } = view;
  const weightKeys = useMemo(() => numericEdgeKeys(graph), [graph]);
  const chosenWeight = weight && weightKeys.includes(weight) ? weight : undefined;
  const input = useMemo(
    () =>
      drawnInput(
        graph,
        { asOf, dating, hiddenLabels, hiddenTypes, highlighted: new Set(), pinned: new Set() },
        chosenWeight,
      ),
    [graph, asOf, dating, hiddenLabels, hiddenTypes, chosenWeight],
  );

  useEffect(() => {
    const instance = worker.current;
    if (!instance) return;
    setComputing(true);
    let current = true;
    instance
      .analyse(input, { measures: measureNames, ...(chosenWeight ? { weightProperty: chosenWeight } : {}) })
      .then((answer) => {
        if (!answer || !current) return;
        setResult(answer);
        setComputing(false);
      })
      .catch((error: Error) => {
        if (current) setComputing(false);
        errors.current(error);
      });
    return () => {
      current = false;
    };
  }, [input, chosenWeight]);

  const analysis = result?.analysis;
  useEffect(() => {
    const instance = worker.current;
    if (!instance || !analysis || !selectedNode) {
      setExplanation(undefined);
      return;
    }
    let current = true;
    instance
      .explain(selectedNode)
      .then((answer) => current && setExplanation(answer ?? undefined))
      .catch((error: Error) => errors.current(error));
    return () => {
      current = false;
    };
  }, [analysis, selectedNode]);

  const setRule = useCallback((next: MeasureRule) => {
    setRuleState(next);
    try {
      globalThis.localStorage?.setItem(ruleKey, JSON.stringify(next));
    } catch {
      // Storage full or refused: the rule holds for this visit.
    }
  }, []);
  const looks = useMemo(() => measureLooks(analysis, rule), [analysis, rule]);
  const pathsVia = useCallback(async (source: string, via: string, target: string) => {
    const found = await worker.current?.pathsVia(source, via, target);
    return found ? [...found.nodes, ...found.edges] : [];
  }, []);

  return {
    analysis,
    elapsedMs: result?.elapsedMs,
    computing,
    rule,
    setRule,
    weight: chosenWeight,
    setWeight,
    weightKeys,
    looks,
    explanation: explanation?.id === selectedNode ? explanation : undefined,
    tableOpen,
    setTableOpen,
    pathsVia,
  };
}
