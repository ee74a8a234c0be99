import { useEffect, useState } from 'react';

/** True while requests are in flight for longer than 300 ms, so quick answers never flash a badge. */
export function useSlowActivity(activity: EventTarget): boolean {
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const listener = (event: Event) => {
      const count = (event as CustomEvent<number>).detail;
      clearTimeout(timer);
      if (count > 0) timer = setTimeout(() => setBusy(true), 300);
      else setBusy(false);
    };
    activity.addEventListener('change', listener);
    return () => {
      clearTimeout(timer);
      activity.removeEventListener('change', listener);
    };
  }, [activity]);
  return busy;
}
