/**
 * The names of every IPC channel. Kept apart from the schemas so the preload bundles only these
 * names; `contract.ts` must give a schema for each, and the type system holds the two together.
 */
export const ipcChannels = ['app:info', 'settings:get', 'settings:update', 'log:write', 'dataKey:get', 'hotFolder:pending', 'hotFolder:acknowledge', 'document:openDraft', 'diagnostics:export', 'central:diagnose', 'caseBundle:save', 'accounts:open', 'accounts:seal', 'accounts:signIn', 'accounts:signOut', 'hotFolder:choose'] as const;
export type IpcChannel = (typeof ipcChannels)[number];
