import { z } from 'zod';
import { IsoDateTime, OfficeCode } from './common';

/** A workstation enrolls once with its office code and a one-time code issued by an operator. */
export const EnrollmentRequest = z
  .object({
    officeCode: OfficeCode,
    enrollmentCode: z.string().min(8).max(64),
    workstationName: z.string().min(1).max(100),
  })
  .strict();
export type EnrollmentRequest = z.infer<typeof EnrollmentRequest>;

/** `token` is shown once: the workstation keeps it in its protected store and sends it as `Authorization: Bearer`. */
export const EnrollmentResponse = z
  .object({
    workstationId: z.uuid(),
    officeCode: OfficeCode,
    workstationName: z.string(),
    token: z.string().min(32),
    enrolledAt: IsoDateTime,
  })
  .strict();
export type EnrollmentResponse = z.infer<typeof EnrollmentResponse>;

/** Who the token belongs to; also the cheap authenticated request clients use to test connectivity. */
export const WorkstationIdentity = z
  .object({
    workstationId: z.uuid(),
    officeCode: OfficeCode,
    officeName: z.string(),
    workstationName: z.string(),
    enrolledAt: IsoDateTime,
    serverTime: IsoDateTime,
  })
  .strict();
export type WorkstationIdentity = z.infer<typeof WorkstationIdentity>;
