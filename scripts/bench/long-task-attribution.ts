/**
 * Which code a page's long tasks ran, from a Chromium trace (Playwright's `browser.startTracing`
 * with TRACE_CATEGORIES): every task over `minMs` on the page's main thread, with the CPU profile
 * samples that fell inside it, summed by the deepest frame of our own code (renderer/, shared/)
 * on the stack, by the function itself (self time), and the trace events inside it (style, layout,
 * paint, GC, IndexedDB, message dispatch...). The benchmarks print this with `--attribute`.
 */

export const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
];

/** What the page logs with `console.timeStamp` where its measured window opens: tasks before it (starting the trace) are left out. */
export const WINDOW_MARK = 'long-task-window';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  id?: string;
  args?: { name?: string; data?: ProfileData & { message?: string } };
}

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileData {
  startTime?: number;
  cpuProfile?: { nodes?: Array<{ id: number; parent?: number; callFrame: CallFrame }>; samples?: number[] };
  timeDeltas?: number[];
}

export interface Share {
  what: string;
  ms: number;
}

export interface AttributedTask {
  /** Milliseconds since the first event of the trace. */
  at: number;
  ms: number;
  /** The deepest frame of our code on each sample's stack (library and native time charged to its caller). */
  ownCode: Share[];
  /** Self time by function. */
  selfTime: Share[];
  /** Trace events inside the task (nested ones count in their parent too). */
  phases: Share[];
}

/** Wrappers every task has: what they contain is what counts. */
const WRAPPERS = new Set(['RunTask', 'ThreadControllerImpl::RunTask', 'ThreadController::Task', 'RunMicrotasks', 'v8.run', 'v8.callFunction', 'FunctionCall', 'V8.Execute']);

const shortUrl = (url: string) => url.replace(/^https?:\/\/[^/]+\//, '').replace(/\?.*$/, '').replace(/^node_modules\/\.vite\/deps\//, 'deps/');
const frameName = (f: CallFrame) => (f.url ? `${f.functionName || '(anonymous)'} ${shortUrl(f.url)}:${f.lineNumber + 1}` : f.functionName);
/** The app's modules as the dev server serves them (renderer/ at the root, shared/ under /@fs/), not libraries. */
const isOwnCode = (f: CallFrame) => /^https?:/.test(f.url) && !/node_modules|\/@vite\/|@react-refresh/.test(f.url);

function top(totals: Map<string, number>, count: number): Share[] {
  return [...totals].sort((a, b) => b[1] - a[1]).slice(0, count).map(([what, us]) => ({ what, ms: Math.round(us / 100) / 10 }));
}

function add(totals: Map<string, number>, key: string, us: number): void {
  totals.set(key, (totals.get(key) ?? 0) + us);
}

/** The page's main thread: the renderer main thread that ran the most task time. */
function mainThread(events: TraceEvent[]): { pid: number; tid: number } | null {
  const names = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  let best: { pid: number; tid: number; busy: number } | null = null;
  for (const thread of names) {
    const busy = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.name === 'RunTask').reduce((sum, e) => sum + (e.dur ?? 0), 0);
    if (!best || busy > best.busy) best = { pid: thread.pid, tid: thread.tid, busy };
  }
  return best;
}

/** Samples (timestamp in µs, stack leaf-first) of the CPU profile recorded on `thread`. */
function samplesOf(events: TraceEvent[], thread: { pid: number; tid: number }): Array<{ ts: number; stack: CallFrame[] }> {
  const profile = events.find((e) => e.name === 'Profile' && e.pid === thread.pid && e.tid === thread.tid);
  if (!profile) return [];
  const nodes = new Map<number, { parent?: number; callFrame: CallFrame }>();
  const samples: Array<{ ts: number; node: number }> = [];
  let ts = profile.args?.data?.startTime ?? profile.ts;
  for (const chunk of events.filter((e) => e.name === 'ProfileChunk' && e.pid === thread.pid && e.id === profile.id)) {
    const data = chunk.args?.data;
    for (const node of data?.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
    const ids = data?.cpuProfile?.samples ?? [];
    const deltas = data?.timeDeltas ?? [];
    ids.forEach((node, i) => {
      ts += deltas[i] ?? 0;
      samples.push({ ts, node });
    });
  }
  return samples.map(({ ts: at, node }) => {
    const stack: CallFrame[] = [];
    for (let id: number | undefined = node; id !== undefined; id = nodes.get(id)?.parent) {
      const found = nodes.get(id);
      if (!found) break;
      if (found.callFrame.functionName !== '(root)') stack.push(found.callFrame);
    }
    return { ts: at, stack };
  });
}

export function attributeLongTasks(trace: Buffer | string, minMs = 50): AttributedTask[] {
  const parsed = JSON.parse(trace.toString()) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const thread = mainThread(events);
  if (!thread) return [];
  const origin = Math.min(...events.filter((e) => e.ts > 0).map((e) => e.ts));
  const onThread = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X');
  const samples = samplesOf(events, thread);
  const opened = events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === WINDOW_MARK)?.ts ?? -Infinity;
  const tasks = onThread.filter((e) => e.name === 'RunTask' && e.ts >= opened && (e.dur ?? 0) > minMs * 1000);
  return tasks.map((task) => {
    const end = task.ts + (task.dur ?? 0);
    const inside = samples.filter((s) => s.ts >= task.ts && s.ts <= end);
    const ownCode = new Map<string, number>();
    const selfTime = new Map<string, number>();
    inside.forEach((sample, i) => {
      const us = i + 1 < inside.length ? inside[i + 1].ts - sample.ts : Math.max(0, end - sample.ts);
      const own = sample.stack.find(isOwnCode);
      add(ownCode, own ? frameName(own) : '(no frame of ours)', us);
      add(selfTime, sample.stack[0] ? frameName(sample.stack[0]) : '(idle)', us);
    });
    const phases = new Map<string, number>();
    for (const e of onThread) if (e !== task && !WRAPPERS.has(e.name) && e.ts >= task.ts && e.ts < end) add(phases, e.name, e.dur ?? 0);
    return { at: Math.round((task.ts - origin) / 1000), ms: Math.round((task.dur ?? 0) / 1000), ownCode: top(ownCode, 6), selfTime: top(selfTime, 6), phases: top(phases, 5) };
  });
}

export function printAttribution(tasks: AttributedTask[]): void {
  for (const task of tasks) {
    console.log(`  task at ${task.at} ms: ${task.ms} ms`);
    console.log(`    our code: ${task.ownCode.map((s) => `${s.what} ${s.ms}`).join(' · ') || '—'}`);
    console.log(`    self:     ${task.selfTime.map((s) => `${s.what} ${s.ms}`).join(' · ') || '—'}`);
    console.log(`    browser:  ${task.phases.map((s) => `${s.what} ${s.ms}`).join(' · ') || '—'}`);
  }
}
