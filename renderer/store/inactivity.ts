const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Calls `onIdle` once the clerk has done nothing for `minutes`; any input restarts the count.
 * Returns the function that stops watching.
 */
export function watchInactivity(target: Window, minutes: number, onIdle: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const restart = () => {
    clearTimeout(timer);
    timer = setTimeout(onIdle, minutes * 60_000);
  };
  for (const name of ACTIVITY_EVENTS) target.addEventListener(name, restart, { passive: true, capture: true });
  restart();
  return () => {
    clearTimeout(timer);
    for (const name of ACTIVITY_EVENTS) target.removeEventListener(name, restart, { capture: true });
  };
}
