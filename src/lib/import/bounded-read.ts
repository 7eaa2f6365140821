/**
 * Reading a Word or PDF file with limits it cannot outgrow. The reader runs in a worker thread that the
 * importer can stop at any moment, even in the middle of synchronous work: with a ceiling on its heap
 * (the worker's resourceLimits), a ceiling on the memory the process takes while it reads (pictures and
 * inflated streams live outside the heap, so the process's resident memory is watched), and a wall-clock
 * limit. Inside, the readers count the bytes they inflate (MAX_INFLATED_BYTES). A file that reaches any
 * limit is refused in words, and nothing is written.
 */
import { Worker } from 'node:worker_threads';
import { constants as zlibConstants, createInflate, createInflateRaw } from 'node:zlib';
import type { SourceBlock } from './model.ts';

/**
 * The most the text parts of a Word file, or the streams of a PDF, may inflate to, counted as they
 * inflate. Measured: the streams of a PDF pack of 165 pages (every paper of the archive) inflate to
 * 10.5 MB, and the largest Word paper's parts to 0.3 MB.
 */
export const MAX_INFLATED_BYTES = 128 * 1024 * 1024;

/**
 * The limits a reader runs under. Measured: reading a PDF pack of 165 pages (every paper of the archive)
 * grows the process by about 100 MB and takes 6 s on two shared cores; a Word paper, about 90 MB.
 */
export const READER_LIMITS = {
  /** the worker's JavaScript heap */
  heapMb: 1024,
  /** what the process may grow by while the reader runs, pictures and buffers included: ten times a long pack */
  memoryBytes: 1024 * 1024 * 1024,
  /** how long a reader may take */
  seconds: 120,
};

export type ReaderFormat = 'pdf' | 'docx';

export interface ReaderResult {
  blocks: SourceBlock[];
  pages?: number;
  messages?: string[];
}

/** What the worker is given, and what it sends back. */
export interface ReaderRequest {
  format: ReaderFormat;
  bytes: Uint8Array;
  name: string;
}
export type ReaderReply = { ok: true; result: ReaderResult } | { ok: false; message: string };

const WHAT = { pdf: 'a PDF', docx: 'a Word document (.docx)' };

/**
 * Reads the file's bytes in a worker under READER_LIMITS (or the limits given). Rejects with an Error whose
 * message names the file and says which limit it reached, or why the reader refused it.
 */
export function readBounded(request: ReaderRequest, limits: typeof READER_LIMITS = READER_LIMITS): Promise<ReaderResult> {
  const refusal = (reason: string) => new Error(`${request.name} is not ${WHAT[request.format]} this importer can read: ${reason}; it may be built to exhaust the computer that opens it. Nothing was written.`);
  return new Promise((resolve, reject) => {
    const baseline = process.memoryUsage.rss();
    let settled = false;
    const worker = new Worker(new URL('./reader-worker.ts', import.meta.url), {
      workerData: request,
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 64 },
    });
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearInterval(watch);
      clearTimeout(clock);
      void worker.terminate();
      outcome();
    };
    const watch = setInterval(() => {
      if (process.memoryUsage.rss() - baseline > limits.memoryBytes) {
        finish(() => reject(refusal(`reading it took more than ${Math.round(limits.memoryBytes / 1024 / 1024)} MB of memory`)));
      }
    }, 25);
    const clock = setTimeout(() => finish(() => reject(refusal(`reading it took longer than ${limits.seconds} seconds`))), limits.seconds * 1000);
    worker.on('message', (reply: ReaderReply) => finish(() => (reply.ok ? resolve(reply.result) : reject(new Error(reply.message)))));
    worker.on('error', (error: Error & { code?: string }) =>
      finish(() => reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? refusal(`reading it took more than ${limits.heapMb} MB of memory`) : new Error(`${request.name} could not be read: ${error.message}`))),
    );
    worker.on('exit', (code) => finish(() => reject(new Error(`${request.name} could not be read: the reader stopped (code ${code})`))));
  });
}

/**
 * Inflates deflated data with zlib (`raw` for a zip's parts, else a zlib stream as a PDF's FlateDecode),
 * counting every byte as it comes and stopping just past `budget`, whatever any header declares. Keeps the
 * bytes only when asked; a damaged stream is counted to where it breaks, with its error.
 */
export function inflateCounted(data: Uint8Array, budget: number, { raw = false, keep = false } = {}): Promise<{ size: number; bytes?: Buffer; error?: Error }> {
  return new Promise((resolve) => {
    // in large chunks: a bomb is counted at the speed zlib inflates
    const options = { chunkSize: 256 * 1024, finishFlush: zlibConstants.Z_SYNC_FLUSH };
    const inflate = raw ? createInflateRaw(options) : createInflate(options);
    const chunks: Buffer[] = [];
    let size = 0;
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (keep) chunks.push(chunk);
      if (size > budget) {
        inflate.destroy();
        resolve({ size });
      }
    });
    inflate.on('end', () => resolve({ size, ...(keep ? { bytes: Buffer.concat(chunks) } : {}) }));
    inflate.on('error', (error) => resolve({ size, error }));
    inflate.end(data);
  });
}
