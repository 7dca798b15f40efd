export interface CrashRecoveryDeps {
  reload: () => void;
  giveUp: () => void;
  now?: () => number;
  /** At most this many reloads within `windowMs`; past it the renderer is crash-looping. */
  maxReloads?: number;
  windowMs?: number;
}

/**
 * `render-process-gone`: reload the renderer (drafts are autosaved, so the clerk resumes the case),
 * unless it keeps crashing, in which case stop and tell the clerk instead of looping.
 */
export function createCrashRecovery(deps: CrashRecoveryDeps): (reason: string) => 'reloaded' | 'ignored' | 'gave-up' {
  const now = deps.now ?? Date.now;
  const maxReloads = deps.maxReloads ?? 3;
  const windowMs = deps.windowMs ?? 60_000;
  let recent: number[] = [];
  return (reason) => {
    if (reason === 'clean-exit') return 'ignored';
    const t = now();
    recent = recent.filter((at) => t - at < windowMs);
    if (recent.length >= maxReloads) {
      deps.giveUp();
      return 'gave-up';
    }
    recent.push(t);
    deps.reload();
    return 'reloaded';
  };
}
