import { z } from 'zod';

/**
 * A log entry is an event code plus a small context. Only allow-listed context keys keep their
 * values (see redaction.ts): the log never holds names, codici fiscali or document numbers.
 */
export const LogLevel = z.enum(['debug', 'info', 'warn', 'error']);
export type LogLevel = z.infer<typeof LogLevel>;

export const LogEntry = z
  .object({
    level: LogLevel,
    event: z.string().regex(/^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)*$/).max(80),
    context: z.record(z.string().max(40), z.union([z.string().max(500), z.number(), z.boolean(), z.null()])).optional(),
  })
  .strict();
export type LogEntry = z.infer<typeof LogEntry>;
