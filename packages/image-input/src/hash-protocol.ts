import type { PdqDihedralResult, PdqOptions } from "@nexus/image-hash";

/** Main thread -> worker: one image's decoded pixels. */
export interface HashRequest {
  readonly id: number;
  readonly width: number;
  readonly height: number;
  readonly channels: number;
  readonly data: Uint8Array;
  readonly options: PdqOptions;
}

/** Worker -> main thread: the hash, or why it failed. */
export type HashResponse =
  | { readonly id: number; readonly result: PdqDihedralResult }
  | { readonly id: number; readonly error: string };
