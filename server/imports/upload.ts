import busboy from 'busboy';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Request } from 'express';
import { ProblemError } from '../http/problem.js';

export interface Upload {
  path: string;
  fileName: string;
  bytes: number;
  fields: Record<string, string>;
}

const uploadDir = path.join(tmpdir(), 'entente-imports');

function uploadProblem(detail: string, location = 'body') {
  return ProblemError.badRequest(`${location}: ${detail}`, [{ location, message: detail }]);
}

/**
 * Streams a multipart upload's `file` to a temporary file (never held in memory whole) and collects its
 * text fields. A request with no file, or two, is a 400.
 */
export async function receiveUpload(req: Request): Promise<Upload> {
  if (!/^multipart\/form-data/i.test(req.get('content-type') ?? '')) {
    throw uploadProblem('send multipart/form-data with a file field "file"', 'body.file');
  }
  await mkdir(uploadDir, { recursive: true });
  const fields: Record<string, string> = Object.create(null) as Record<string, string>;
  const target = path.join(uploadDir, randomUUID());
  let file: { fileName: string; bytes: number; written: Promise<void> } | undefined;
  let problem: ProblemError | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      let parser: busboy.Busboy;
      try {
        parser = busboy({ headers: req.headers, limits: { files: 1, fields: 20, fieldSize: 1024 * 1024 } });
      } catch (error) {
        reject(uploadProblem((error as Error).message));
        return;
      }
      parser.on('field', (name, value, info) => {
        if (info.valueTruncated) problem ??= uploadProblem('a field is longer than 1 MB', `body.${name}`);
        fields[name] = value;
      });
      parser.on('file', (name, stream, info) => {
        if (name !== 'file' || file) {
          problem ??= uploadProblem(`unexpected file field "${name}"`, `body.${name}`);
          stream.resume();
          return;
        }
        const entry = { fileName: path.basename(info.filename || 'upload'), bytes: 0, written: Promise.resolve() };
        stream.on('data', (chunk: Buffer) => (entry.bytes += chunk.length));
        entry.written = pipeline(stream, createWriteStream(target));
        file = entry;
      });
      parser.on('filesLimit', () => (problem ??= uploadProblem('one file per import', 'body.file')));
      parser.on('error', (error: Error) => reject(uploadProblem(`the upload could not be read: ${error.message}`)));
      parser.on('close', () => resolve());
      req.on('aborted', () => reject(uploadProblem('the upload was cut off')));
      req.pipe(parser);
    });
    if (file) await (file as { written: Promise<void> }).written;
    if (problem) throw problem;
    if (!file) throw uploadProblem('a file field "file" is required', 'body.file');
    const received = file as { fileName: string; bytes: number };
    return { path: target, fileName: received.fileName, bytes: received.bytes, fields };
  } catch (error) {
    await rm(target, { force: true });
    throw error;
  }
}
