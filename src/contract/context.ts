/**
 * What a contract test receives: the target, the administrator's file service, and helpers that read
 * only the sessions and files the test itself made (a real server also lists the test's own connection).
 */
import { list } from "./check.js";
import type {
  ContractFileService,
  ContractResource,
  ContractSession,
  ContractSupports,
  ContractTarget,
} from "./types.js";

/** One contract test's view of the provider. */
export interface ContractContext {
  readonly target: ContractTarget;
  readonly supports: ContractSupports;
  /** The file service bound as the administrator. */
  readonly fso: ContractFileService;
  /** The sessions of the driver's users, in enumeration order. */
  sessions(): Promise<ContractSession[]>;
  /** The open files of the driver's users, in enumeration order. */
  resources(): Promise<ContractResource[]>;
}

/** A context for `target`, bound as its administrator. */
export async function contractContext(target: ContractTarget): Promise<ContractContext> {
  const fso = await target.bind();
  const ours = new Set(target.accounts.users.map((user) => user.toUpperCase()));
  return {
    target,
    supports: target.supports,
    fso,
    sessions: async () => (await list(fso.Sessions())).filter((s) => ours.has(s.User.toUpperCase())),
    resources: async () => (await list(fso.Resources())).filter((r) => ours.has(r.User.toUpperCase())),
  };
}
