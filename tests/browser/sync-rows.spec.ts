import { test, expect } from './fixtures';
import { caseRow, openApp, seedQueuedCase } from './sync-support';

/**
 * The "Invio" table re-renders only the row an outbox change touched. Renders are counted the way
 * React DevTools counts them: a hook React reports every commit to, walked for the `OutboxLine`
 * fibers that performed work in that commit (a memoised row that bailed out performs none).
 */
declare global {
  interface Window {
    outboxLineRenders: string[];
  }
}

test('an outbox change re-renders its own row of the Invio table, not the others', async ({ page }) => {
  await page.addInitScript(() => {
    window.outboxLineRenders = [];
    interface Fiber {
      type: unknown;
      flags: number;
      child: Fiber | null;
      sibling: Fiber | null;
      alternate: Fiber | null;
      memoizedProps: { row?: { caseId: string } };
    }
    const PERFORMED_WORK = 1;
    const walk = (first: Fiber | null) => {
      for (let fiber = first; fiber; fiber = fiber.sibling) {
        const rendered = fiber.alternate === null || (fiber.flags & PERFORMED_WORK) !== 0;
        if (typeof fiber.type === 'function' && fiber.type.name === 'OutboxLine' && rendered) window.outboxLineRenders.push(fiber.memoizedProps.row!.caseId);
        // Children React did not even clone were not rendered in this commit.
        if (fiber.child && fiber.alternate?.child !== fiber.child) walk(fiber.child);
      }
    };
    (window as unknown as { __REACT_DEVTOOLS_GLOBAL_HOOK__: unknown }).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
      supportsFiber: true,
      isDisabled: false,
      renderers: new Map(),
      inject: () => 1,
      checkDCE: () => undefined,
      onScheduleFiberRoot: () => undefined,
      onCommitFiberRoot: (_id: number, root: { current: Fiber }) => walk(root.current),
      onCommitFiberUnmount: () => undefined,
      onPostCommitFiberRoot: () => undefined,
      setStrictMode: () => undefined,
    };
  });
  await openApp(page);
  const seeded = [await seedQueuedCase(page), await seedQueuedCase(page), await seedQueuedCase(page)];
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('button', { name: 'Invio' }).click();
  for (const { number } of seeded) await expect(caseRow(page, number)).toBeVisible();
  expect(await page.evaluate(() => new Set(window.outboxLineRenders).size)).toBe(3);

  const changed = seeded[1];
  await page.evaluate(async (caseId) => {
    window.outboxLineRenders = [];
    await window.syncTest.session.useSession.getState().store!.db.outbox.update(caseId, { attempts: 7 });
  }, changed.caseId);
  await expect(caseRow(page, changed.number).locator('td').nth(1)).toHaveText('7');
  const renders = await page.evaluate(() => window.outboxLineRenders);
  expect(renders.length).toBeGreaterThan(0);
  expect(new Set(renders)).toEqual(new Set([changed.caseId]));
});
