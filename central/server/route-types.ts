import type { z } from 'zod';
import type { CentralRoutes, RouteId, RouteSpec } from '../../shared/central-api/routes';
import type { WorkstationWithOffice } from '../storage/repository';

type Parsed<R, K extends string> = R extends { [P in K]: infer S extends z.ZodType } ? z.output<S> : undefined;

export interface HandlerInput<R extends RouteSpec> {
  params: Parsed<R, 'params'>;
  query: Parsed<R, 'query'>;
  body: Parsed<R, 'body'>;
  principal: R['auth'] extends 'workstation' ? WorkstationWithOffice : null;
}

type JsonOutput<R extends RouteSpec> = {
  [S in keyof R['responses'] & number]: { status: S; body: z.input<NonNullable<R['responses'][S]>> };
}[keyof R['responses'] & number];

export interface FileOutput {
  status: 200;
  file: string;
  mediaType: string;
  size: number;
}

export type HandlerOutput<R extends RouteSpec> = R extends { binary: true } ? FileOutput : JsonOutput<R>;

/** One handler per route of the contract; the type makes a missing or mistyped handler a compile error. */
export type CentralHandlers = {
  [K in RouteId]: (input: HandlerInput<CentralRoutes[K]>) => Promise<HandlerOutput<CentralRoutes[K]>>;
};
