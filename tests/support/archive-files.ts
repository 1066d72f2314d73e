import { readFile, writeFile } from 'node:fs/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import tar from 'tar-stream';

export interface ArchiveFile {
  name: string;
  data: Buffer;
}

/** The files of a .tar.gz, in order, for tests that change an archive. */
export async function unpack(path: string): Promise<ArchiveFile[]> {
  const extract = tar.extract();
  const files: ArchiveFile[] = [];
  const done = (async () => {
    for await (const entry of extract) {
      const chunks: Buffer[] = [];
      for await (const chunk of entry) chunks.push(chunk as Buffer);
      files.push({ name: entry.header.name, data: Buffer.concat(chunks) });
    }
  })();
  extract.end(gunzipSync(await readFile(path)));
  await done;
  return files;
}

export async function pack(path: string, files: ArchiveFile[]): Promise<void> {
  const packer = tar.pack();
  const chunks: Buffer[] = [];
  const done = (async () => {
    for await (const chunk of packer) chunks.push(chunk as Buffer);
  })();
  for (const file of files) packer.entry({ name: file.name, size: file.data.length }, file.data);
  packer.finalize();
  await done;
  await writeFile(path, gzipSync(Buffer.concat(chunks)));
}
