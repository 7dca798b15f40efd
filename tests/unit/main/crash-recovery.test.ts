import { describe, expect, it, vi } from 'vitest';
import { createCrashRecovery } from '../../../electron/main/crash-recovery';

describe('createCrashRecovery', () => {
  it('reloads after a crash, ignores a clean exit, and stops a crash loop', () => {
    let now = 0;
    const reload = vi.fn();
    const giveUp = vi.fn();
    const recover = createCrashRecovery({ reload, giveUp, now: () => now, maxReloads: 3, windowMs: 60_000 });
    expect(recover('clean-exit')).toBe('ignored');
    expect(recover('crashed')).toBe('reloaded');
    now += 1000;
    expect(recover('oom')).toBe('reloaded');
    now += 1000;
    expect(recover('killed')).toBe('reloaded');
    now += 1000;
    expect(recover('crashed')).toBe('gave-up');
    expect(reload).toHaveBeenCalledTimes(3);
    expect(giveUp).toHaveBeenCalledTimes(1);
    now += 120_000;
    expect(recover('crashed')).toBe('reloaded');
  });
});
