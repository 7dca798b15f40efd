import path from 'node:path';
import * as electron from 'electron';
import { startMainProcess } from './main-process';

// Built to dist/electron/main.cjs; the renderer build sits in dist/renderer beside it.
startMainProcess(electron, {
  rendererRoot: path.join(__dirname, '..', 'renderer'),
  preloadPath: path.join(__dirname, 'preload.cjs'),
  guidePath: electron.app.isPackaged
    ? path.join(process.resourcesPath, 'guida', 'guida-sportello.md')
    : path.join(__dirname, '..', '..', 'docs', 'guida-sportello.md'),
});
