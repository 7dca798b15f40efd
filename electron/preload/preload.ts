import { contextBridge, ipcRenderer } from 'electron';
import { createSportelloApi } from '../../shared/ipc/bridge';

contextBridge.exposeInMainWorld('sportello', createSportelloApi((channel, payload) => ipcRenderer.invoke(channel, payload)));
