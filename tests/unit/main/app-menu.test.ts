import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { applicationMenuTemplate, DEVELOPER_ROLES } from '../../../electron/main/app-menu';

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

describe('applicationMenuTemplate', () => {
  const openGuide = vi.fn();
  const all = items(applicationMenuTemplate({ openGuide }));

  it.each([...DEVELOPER_ROLES])('has no %s item', (role) => {
    expect(all.filter((i) => i.role === role)).toEqual([]);
  });

  it('has no accelerator for DevTools or reload', () => {
    const accelerators = all.map((i) => String(i.accelerator ?? '').toLowerCase());
    for (const forbidden of ['ctrl+shift+i', 'cmdorctrl+shift+i', 'f12', 'ctrl+r', 'cmdorctrl+r', 'f5', 'alt+cmd+i']) expect(accelerators).not.toContain(forbidden);
  });

  it('is in Italian, with edit, zoom and window items, and opens the clerk guide from Aiuto', () => {
    expect(applicationMenuTemplate({ openGuide }).map((m) => m.label)).toEqual(['File', 'Modifica', 'Visualizza', 'Finestra', 'Aiuto']);
    const roles = all.map((i) => i.role).filter(Boolean);
    expect(roles).toEqual(expect.arrayContaining(['copy', 'paste', 'selectAll', 'zoomIn', 'zoomOut', 'resetZoom', 'minimize', 'close']));
    for (const item of all.filter((i) => i.type !== 'separator')) expect(item.label, String(item.role)).toMatch(/\S/);
    const guide = all.find((i) => i.label === 'Guida per lo sportello')!;
    (guide.click as () => void)();
    expect(openGuide).toHaveBeenCalledOnce();
  });
});
