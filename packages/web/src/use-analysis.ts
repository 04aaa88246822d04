import { useEffect, useRef, useState } from 'preact/hooks';
import { analyzePage, EMPTY_ANALYSIS, type PageAnalysis } from './analyze.js';
import type { PageInputs } from './inputs.js';

/** How long typing pauses before the diagnosis runs again. */
const DEBOUNCE_MS = 120;

/**
 * The analysis of the inputs, recomputed as they change (after a short pause in typing); an answer
 * that arrives after a newer one was asked for is dropped.
 */
export function useAnalysis(inputs: PageInputs): { analysis: PageAnalysis; busy: boolean } {
  const [analysis, setAnalysis] = useState<PageAnalysis>(EMPTY_ANALYSIS);
  const [busy, setBusy] = useState(false);
  const asked = useRef(0);
  useEffect(() => {
    const ticket = ++asked.current;
    setBusy(true);
    const timer = setTimeout(() => {
      analyzePage(inputs)
        .then((result) => {
          if (ticket === asked.current) setAnalysis(result);
        })
        .catch((error: unknown) => {
          if (ticket === asked.current) {
            setAnalysis({
              ...EMPTY_ANALYSIS,
              problems: [{ input: 'error', message: `the diagnosis failed: ${String(error)}` }],
            });
          }
        })
        .finally(() => {
          if (ticket === asked.current) setBusy(false);
        });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [inputs]);
  return { analysis, busy };
}
