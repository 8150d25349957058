import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

/** Read and written by the server's own user only: the events, the read models, the administrator's key. */
const PRIVATE_FILE = 0o600;
const PRIVATE_DIRECTORY = 0o700;

/** `dir` and any missing parent created so that no other user can list or enter them; existing ones are left as they are. */
export function createPrivateDirectory(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIRECTORY });
}

/** The data directory, created or tightened so that no other user can list or enter it. */
export function privateDirectory(dir: string): void {
  createPrivateDirectory(dir);
  chmodSync(dir, PRIVATE_DIRECTORY);
}

/**
 * A SQLite file and its companions (`-wal`, `-shm`, `-journal`) readable by the server's
 * user only. SQLite creates the companions with the main file's mode, so the main file is
 * created here, before SQLite opens it; files left by an earlier start are tightened.
 */
export function privateDatabaseFile(file: string, create = true): void {
  if (create) closeSync(openSync(file, 'a', PRIVATE_FILE));
  for (const path of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
    if (existsSync(path)) chmodSync(path, PRIVATE_FILE);
  }
}

/** A file of its own, such as a key, written readable by the server's user only. */
export function privateFile(file: string): void {
  chmodSync(file, PRIVATE_FILE);
}
