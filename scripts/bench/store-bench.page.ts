/**
 * The in-browser half of `npm run bench:store` (scripts/bench/store.ts loads it through Vite):
 * the real store modules on Chromium's IndexedDB and WebCrypto, and the same modules with a
 * pass-through cipher as the baseline.
 */
import { createCaseDatabase } from '../../renderer/store/database';
import { createCaseRepository } from '../../renderer/store/case-repository';
import { createDataCipher, type DataCipher } from '../../renderer/store/data-cipher';
import { sealCase } from '../../renderer/store/case-codec';

export interface StoreBenchOptions {
  runs: number;
  caseCount: number;
  scanBytes: number;
}

export async function runStoreBench({ runs, caseCount, scanBytes }: StoreBenchOptions) {
  const encoder = new TextEncoder();
  const copy = (bytes: BufferSource) => (bytes instanceof ArrayBuffer ? bytes.slice(0) : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength).slice().buffer);
  /** Same interface, no cryptography: everything else in the store does the same work. */
  const plainCipher: DataCipher = {
    seal: async (bytes) => ({ iv: new Uint8Array(12), data: copy(bytes) }),
    open: async (sealed) => sealed.data,
    sealJson: async (value) => ({ iv: new Uint8Array(12), data: encoder.encode(JSON.stringify(value)).buffer }),
    openJson: async (sealed) => JSON.parse(new TextDecoder().decode(sealed.data)),
    blindToken: async (term) => term,
    auditKey: new Uint8Array(32),
  };
  const key = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));
  const ciphers: Record<'encrypted' | 'plain', DataCipher> = { encrypted: await createDataCipher(key), plain: plainCipher };
  const variants = ['encrypted', 'plain'] as const;
  const figures: Record<string, { encrypted: number[]; plain: number[] }> = {};
  const record = (name: string, variant: (typeof variants)[number], ms: number) => ((figures[name] ??= { encrypted: [], plain: [] })[variant].push(ms));
  const randomScan = () => {
    const bytes = new Uint8Array(scanBytes);
    for (let offset = 0; offset < bytes.length; offset += 65536) crypto.getRandomValues(bytes.subarray(offset, offset + 65536));
    return new Blob([bytes], { type: 'image/jpeg' });
  };
  const field = (value: string) => ({ value, source: 'clerk' as const, confidence: 1 });

  // 1. Saving a case with three scans.
  const saveRepos = Object.fromEntries(
    variants.map((v) => [v, createCaseRepository({ db: createCaseDatabase(`bench-save-${v}`), cipher: ciphers[v], clock: Date.now, numbering: () => ({ officeCode: 'RM01', workstationCode: '' }) })]),
  );
  for (let run = 0; run < runs; run++) {
    for (const variant of run % 2 === 0 ? variants : [...variants].reverse()) {
      const scans = [randomScan(), randomScan(), randomScan()];
      const repo = saveRepos[variant];
      const started = performance.now();
      const c = await repo.createDraft({ profile: 'MEDICO_ESTERNO', urgent: false, urgentReason: '' }, 'bench');
      for (const [name, value] of [['cognome', 'Rossi'], ['nome', 'Mario'], ['codice_fiscale', 'RSSMRA85D12H501Z'], ['data_nascita', '12/04/1985'], ['comune_nascita', 'Roma']] as const) {
        await repo.saveField(c.id, name, field(value), 'bench');
      }
      const roles = ['modulo', 'documento-fronte', 'documento-retro'] as const;
      for (let i = 0; i < 3; i++) await repo.attach(c.id, { role: roles[i], mimeType: 'image/jpeg', page: 1, bytes: scans[i] }, 'bench');
      record('save case + 3 scans', variant, performance.now() - started);
      const readStarted = performance.now();
      for (const a of await repo.listAttachments(c.id)) await repo.readAttachment(a.id);
      record('read back 3 scans', variant, performance.now() - readStarted);
    }
  }

  // 2. Listing 10,000 cases (seeded with bulk writes of sealed rows, as the repository writes them).
  const surnames = ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno', 'Gallo', 'Conti', 'De Luca', 'Mancini', 'Costa', 'Giordano', 'Rizzo', 'Lombardi', 'Moretti'];
  const names = ['Mario', 'Anna', 'Giulia', 'Luca', 'Marco', 'Sara', 'Paolo', 'Elena', 'Andrea', 'Chiara'];
  const states = ['draft', 'ready', 'queued', 'sent', 'acknowledged'] as const;
  const seedMs: Record<string, number> = {};
  const listRepos: Record<string, ReturnType<typeof createCaseRepository>> = {};
  for (const variant of variants) {
    const db = createCaseDatabase(`bench-list-${variant}`);
    const started = performance.now();
    const base = Date.now() - caseCount * 60_000;
    for (let chunk = 0; chunk < caseCount; chunk += 1000) {
      const rows = await Promise.all(
        Array.from({ length: Math.min(1000, caseCount - chunk) }, (_, j) => {
          const i = chunk + j;
          return sealCase(
            {
              id: crypto.randomUUID(),
              number: `RM01-20261123-${String(i + 1).padStart(5, '0')}`,
              profile: 'MEDICO_ESTERNO',
              urgent: i % 25 === 0,
              urgentReason: '',
              form: { cognome: field(surnames[i % surnames.length]), nome: field(names[(i >> 3) % names.length]), codice_fiscale: field(`RSSMRA85D12H${String(i % 1000).padStart(3, '0')}Z`) },
              state: states[i % states.length],
              decision: null,
              createdBy: 'bench',
              createdAt: base + i * 60_000,
              updatedAt: base + i * 60_000,
              acknowledgedAt: null,
            },
            ciphers[variant],
          );
        }),
      );
      await db.cases.bulkAdd(rows);
    }
    seedMs[variant] = performance.now() - started;
    listRepos[variant] = createCaseRepository({ db, cipher: ciphers[variant], clock: Date.now, numbering: () => ({ officeCode: 'RM01', workstationCode: '' }) });
  }
  const queries = {
    'list: first page (50)': { offset: 0, limit: 50 },
    [`list: page at offset ${caseCount / 2}`]: { offset: caseCount / 2, limit: 50 },
    'list: state filter, first page': { state: 'queued' as const, offset: 0, limit: 50 },
    'list: date range, first page': { from: Date.now() - (caseCount / 2) * 60_000, to: Date.now(), offset: 0, limit: 50 },
    'search: surname prefix "ross"': { search: 'ross', offset: 0, limit: 50 },
    'search: full codice fiscale': { search: 'RSSMRA85D12H042Z', offset: 0, limit: 50 },
  };
  for (let run = 0; run < runs; run++) {
    for (const variant of run % 2 === 0 ? variants : [...variants].reverse()) {
      for (const [name, query] of Object.entries(queries)) {
        const started = performance.now();
        const page = await listRepos[variant].listCases(query);
        record(name, variant, performance.now() - started);
        if (page.items.length === 0) throw new Error(`${name}: no result`);
      }
      const started = performance.now();
      await listRepos[variant].countByState();
      record('counts by state', variant, performance.now() - started);
    }
  }
  for (const name of ['bench-save-encrypted', 'bench-save-plain', 'bench-list-encrypted', 'bench-list-plain']) indexedDB.deleteDatabase(name);
  return { figures, seedMs };
}
