#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader: `npx inail-intake` works right after `npm install`.
import { register } from 'tsx/esm/api';

register();
await import('./inail-intake-main.ts');
