import { useLayoutEffect, useRef, type RefObject } from 'react';

/**
 * The latest value, for handlers bound once to read what the page gives now. Updated after each render
 * (before any effect runs), never during one.
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
