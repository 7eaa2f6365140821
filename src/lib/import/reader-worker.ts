/**
 * The worker that reads one Word or PDF file for readBounded (bounded-read.ts), so that the importer can
 * stop it at its limits. Sends back the blocks, or the reader's refusal in words.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ReaderReply, ReaderRequest } from './bounded-read.ts';

const { format, bytes, name } = workerData as ReaderRequest;

async function read(): Promise<ReaderReply> {
  try {
    if (format === 'pdf') {
      const { readPdf } = await import('./read-pdf.ts');
      return { ok: true, result: await readPdf(bytes, name) };
    }
    const { readDocx } = await import('./read-docx.ts');
    return { ok: true, result: await readDocx(bytes, name) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

parentPort!.postMessage(await read());
