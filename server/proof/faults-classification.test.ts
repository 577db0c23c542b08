// Which errors are faults of the database (503 with Retry-After) and which are not: the table
// behind server/http/error-handler.ts, checked with the errors the drivers really raise.
import { describe, expect, it } from 'vitest';
import { databaseFault } from '../http/error-handler.js';
import { DatabaseStoppedError } from '../db/database.js';

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('databaseFault', () => {
  it.each([
    ['server shutting down (57P01)', pgError('57P01', 'terminating connection due to administrator command')],
    ['server crashed (57P02)', pgError('57P02', 'terminating connection because of crash of another server process')],
    ['server starting (57P03)', pgError('57P03', 'the database system is starting up')],
    ['too many connections (53300)', pgError('53300', 'sorry, too many clients already')],
    ['connection failure (08006)', pgError('08006', 'connection failure')],
    ['refused', pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['reset', pgError('ECONNRESET', 'read ECONNRESET')],
    ['socket closed mid-query', new Error('Connection terminated unexpectedly')],
    ['client already broken', new Error('Client has encountered a connection error and is not queryable')],
    ['pool could not connect in time', new Error('timeout exceeded when trying to connect')],
    ['embedded database stopped', new DatabaseStoppedError(Object.assign(new Error('could not write to file "pg_wal/xlogtemp.42": No space left on device'), { code: '53100' }))],
  ])('%s → 503 unavailable', (_name, err) => {
    expect(databaseFault(err)).toEqual({ code: 'unavailable', message: expect.any(String) });
  });

  it.each([
    ['disk full (53100)', pgError('53100', 'could not extend file "base/5/16385": No space left on device')],
    ['ENOSPC from the file system', pgError('ENOSPC', 'ENOSPC: no space left on device, write')],
    ['file too large (RLIMIT_FSIZE)', pgError('EFBIG', 'EFBIG: file too large, write')],
  ])('%s → 503 storage_full', (_name, err) => {
    expect(databaseFault(err)).toEqual({ code: 'storage_full', message: expect.stringMatching(/no space left/) });
  });

  it.each([
    ['unique violation', pgError('23505', 'duplicate key value violates unique constraint')],
    ['syntax error', pgError('42601', 'syntax error at or near "x"')],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['not an error at all', 'a string'],
    ['nothing', null],
  ])('%s → not a database fault', (_name, err) => {
    expect(databaseFault(err)).toBeNull();
  });
});
