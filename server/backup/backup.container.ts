// The encrypted backup file: a plaintext header, the gzipped payload encrypted with AES-256-GCM
// (the header is authenticated as associated data), the GCM tag, and a SHA-256 of everything
// before it. The checksum tells a truncated or damaged file at once; the tag tells a wrong key
// or a deliberate alteration. Layout:
//   "LOTSBAK1" | u32 header length | header JSON | ciphertext | tag (16) | sha256 (32)
import { createCipheriv, createDecipheriv, createHash, randomBytes, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat, unlink, type FileHandle } from 'node:fs/promises';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { StringDecoder } from 'node:string_decoder';

const MAGIC = Buffer.from('LOTSBAK1', 'latin1');
const TAG_BYTES = 16;
const SHA_BYTES = 32;

export class BackupError extends Error {}

export interface BackupHeader {
  format: 'lots-backup/1';
  cipher: 'aes-256-gcm';
  compression: 'gzip';
  iv: string;
  keyId: string;
  createdAt: string;
}

/** A short, non-secret name of the key, so a restore with the wrong key says so plainly. */
export function keyId(key: Buffer): string {
  return createHash('sha256').update('lots-backup-key-id\n').update(key).digest('hex').slice(0, 16);
}

/** The key from LOTS_BACKUP_KEY (base64 of 32 bytes) or LOTS_BACKUP_KEY_FILE; refuses without one. */
export async function loadBackupKey(env: NodeJS.ProcessEnv = process.env): Promise<Buffer> {
  let raw = env.LOTS_BACKUP_KEY?.trim();
  if (!raw && env.LOTS_BACKUP_KEY_FILE) {
    const handle = await open(env.LOTS_BACKUP_KEY_FILE, 'r').catch((e: Error) => {
      throw new BackupError(`cannot read LOTS_BACKUP_KEY_FILE: ${e.message}`);
    });
    try {
      raw = (await handle.readFile('utf8')).trim();
    } finally {
      await handle.close();
    }
  }
  if (!raw) {
    throw new BackupError('no backup key: set LOTS_BACKUP_KEY (base64 of 32 random bytes, e.g. `openssl rand -base64 32`) or LOTS_BACKUP_KEY_FILE; backups are never written unencrypted');
  }
  const key = Buffer.from(raw, 'base64');
  if (key.length !== 32 || key.toString('base64') !== raw.replace(/\s/g, '')) throw new BackupError('the backup key must be exactly 32 bytes, base64-encoded');
  return key;
}

class HashingFileWriter extends Writable {
  constructor(
    private readonly file: FileHandle,
    private readonly hash: Hash,
  ) {
    super();
  }
  override _write(chunk: Buffer, _enc: BufferEncoding, done: (e?: Error | null) => void): void {
    this.hash.update(chunk);
    this.file.write(chunk).then(() => done(), done);
  }
}

/** Writes `lines` (one JSON document each) encrypted to `path`; refuses to overwrite a file. */
export async function writeEncrypted(path: string, key: Buffer, lines: AsyncIterable<string>): Promise<{ bytes: number }> {
  const iv = randomBytes(12);
  const header: BackupHeader = { format: 'lots-backup/1', cipher: 'aes-256-gcm', compression: 'gzip', iv: iv.toString('base64'), keyId: keyId(key), createdAt: new Date().toISOString() };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(headerBytes.length);
  const prefix = Buffer.concat([MAGIC, length, headerBytes]);
  const file = await open(path, 'wx', 0o600).catch((e: NodeJS.ErrnoException) => {
    throw new BackupError(e.code === 'EEXIST' ? `${path} exists already; choose a new file name` : `cannot create ${path}: ${e.message}`);
  });
  try {
    const hash = createHash('sha256');
    hash.update(prefix);
    await file.write(prefix);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(prefix);
    const text = Readable.from((async function* () {
      for await (const line of lines) yield Buffer.from(`${line}\n`, 'utf8');
    })());
    await pipeline(text, createGzip(), cipher, new HashingFileWriter(file, hash));
    const tag = cipher.getAuthTag();
    hash.update(tag);
    await file.write(tag);
    await file.write(hash.digest());
    await file.sync();
    return { bytes: (await file.stat()).size };
  } catch (e) {
    // Never leave a half-written backup that looks like a real one.
    await file.close().catch(() => undefined);
    await unlink(path).catch(() => undefined);
    throw e;
  } finally {
    await file.close().catch(() => undefined);
  }
}

interface Layout {
  prefix: Buffer;
  header: BackupHeader;
  cipherStart: number;
  cipherEnd: number;
  tag: Buffer;
}

async function readLayout(path: string, key: Buffer): Promise<Layout> {
  const size = (await stat(path).catch(() => null))?.size;
  if (size === undefined) throw new BackupError(`no such file: ${path}`);
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(Math.min(size, 12));
    await file.read(head, 0, head.length, 0);
    if (head.length < 12 || !head.subarray(0, 8).equals(MAGIC)) throw new BackupError(`${path} is not a Lots backup`);
    const headerLength = head.readUInt32BE(8);
    if (12 + headerLength + TAG_BYTES + SHA_BYTES > size || headerLength > 64 * 1024) throw new BackupError(`${path} is truncated or damaged (checksum cannot match)`);
    const prefix = Buffer.alloc(12 + headerLength);
    await file.read(prefix, 0, prefix.length, 0);
    const trailer = Buffer.alloc(TAG_BYTES + SHA_BYTES);
    await file.read(trailer, 0, trailer.length, size - trailer.length);
    // The checksum first: a damaged or truncated file is refused before anything is decrypted.
    const hash = createHash('sha256');
    await pipeline(createReadStream(path, { start: 0, end: size - SHA_BYTES - 1 }), new Writable({ write: (c: Buffer, _e, done) => (hash.update(c), done()) }));
    if (!hash.digest().equals(trailer.subarray(TAG_BYTES))) throw new BackupError(`${path} failed its SHA-256 checksum: the file is truncated or has been altered; it was not restored`);
    let header: BackupHeader;
    try {
      header = JSON.parse(prefix.subarray(12).toString('utf8')) as BackupHeader;
    } catch {
      throw new BackupError(`${path} has a damaged header`);
    }
    if (header.format !== 'lots-backup/1' || header.cipher !== 'aes-256-gcm') throw new BackupError(`${path} has an unknown format ${String(header.format)}`);
    if (header.keyId !== keyId(key)) throw new BackupError(`${path} was encrypted with another key (key id ${header.keyId}, this key is ${keyId(key)})`);
    return { prefix, header, cipherStart: prefix.length, cipherEnd: size - trailer.length, tag: trailer.subarray(0, TAG_BYTES) };
  } finally {
    await file.close();
  }
}

/**
 * Verifies the checksum, then decrypts and hands each line to `onLine`. The GCM tag is checked
 * at the end: a caller that writes must do so in a transaction it rolls back on failure.
 */
export async function readEncrypted(path: string, key: Buffer, onLine: (line: string) => Promise<void>): Promise<BackupHeader> {
  const layout = await readLayout(path, key);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(layout.header.iv, 'base64'));
  decipher.setAAD(layout.prefix);
  decipher.setAuthTag(layout.tag);
  const source = layout.cipherEnd > layout.cipherStart ? createReadStream(path, { start: layout.cipherStart, end: layout.cipherEnd - 1 }) : Readable.from([]);
  try {
    await pipeline(source, decipher, createGunzip(), async (chunks: AsyncIterable<Buffer>) => {
      const decoder = new StringDecoder('utf8'); // a character may straddle two chunks
      let rest = '';
      for await (const chunk of chunks) {
        const lines = (rest + decoder.write(chunk)).split('\n');
        rest = lines.pop()!;
        for (const line of lines) if (line !== '') await onLine(line);
      }
      rest += decoder.end();
      if (rest !== '') await onLine(rest);
    });
  } catch (e) {
    if (e instanceof BackupError) throw e;
    const message = e instanceof Error ? e.message : String(e);
    const code = (e as { code?: string }).code ?? '';
    if (code.startsWith('Z_') || /unable to authenticate/i.test(message)) {
      throw new BackupError(`${path} could not be authenticated (altered, or not made with this key): ${message}`);
    }
    throw e;
  }
  return layout.header;
}
