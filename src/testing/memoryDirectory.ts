// An Origin Private File System folder in memory, with the part of the API the app uses
// (folders, files, createWritable, removeEntry, iteration), so storage and jobs run in Node
// tests with real kept files — written, read back, damaged on purpose.

class MemoryFile {
  bytes = new Uint8Array(0);
  modified = 0;
}

let clock = 1;

const notFound = (name: string) => new DOMException(`${name} not found`, 'NotFoundError');

export class MemoryFileHandle {
  readonly kind = 'file';
  readonly name: string;
  private readonly file: MemoryFile;
  constructor(name: string, file: MemoryFile) {
    this.name = name;
    this.file = file;
  }
  getFile(): Promise<File> {
    return Promise.resolve(new File([this.file.bytes.slice()], this.name, { lastModified: this.file.modified }));
  }
  createWritable(): Promise<{ write(data: Uint8Array): Promise<void>; close(): Promise<void> }> {
    const parts: Uint8Array[] = [];
    return Promise.resolve({
      write: (data: Uint8Array) => {
        parts.push(data.slice());
        return Promise.resolve();
      },
      close: () => {
        const whole = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
        let at = 0;
        for (const p of parts) {
          whole.set(p, at);
          at += p.length;
        }
        this.file.bytes = whole;
        this.file.modified = clock++;
        return Promise.resolve();
      },
    });
  }
  /** The file's bytes (tests read and damage them). */
  get contents(): Uint8Array {
    return this.file.bytes;
  }
}

export class MemoryDirectory {
  readonly kind = 'directory';
  private readonly entries = new Map<string, MemoryDirectory | MemoryFile>();
  readonly name: string;
  constructor(name = '') {
    this.name = name;
  }

  getDirectoryHandle(name: string, options: { create?: boolean } = {}): Promise<MemoryDirectory> {
    const entry = this.entries.get(name);
    if (entry instanceof MemoryDirectory) return Promise.resolve(entry);
    if (entry) return Promise.reject(new DOMException(`${name} is a file`, 'TypeMismatchError'));
    if (!options.create) return Promise.reject(notFound(name));
    const dir = new MemoryDirectory(name);
    this.entries.set(name, dir);
    return Promise.resolve(dir);
  }

  getFileHandle(name: string, options: { create?: boolean } = {}): Promise<MemoryFileHandle> {
    const entry = this.entries.get(name);
    if (entry instanceof MemoryFile) return Promise.resolve(new MemoryFileHandle(name, entry));
    if (entry) return Promise.reject(new DOMException(`${name} is a folder`, 'TypeMismatchError'));
    if (!options.create) return Promise.reject(notFound(name));
    const file = new MemoryFile();
    file.modified = clock++;
    this.entries.set(name, file);
    return Promise.resolve(new MemoryFileHandle(name, file));
  }

  removeEntry(name: string, options: { recursive?: boolean } = {}): Promise<void> {
    const entry = this.entries.get(name);
    if (!entry) return Promise.reject(notFound(name));
    if (entry instanceof MemoryDirectory && entry.entries.size > 0 && !options.recursive) return Promise.reject(new DOMException(`${name} is not empty`, 'InvalidModificationError'));
    this.entries.delete(name);
    return Promise.resolve();
  }

  [Symbol.asyncIterator](): AsyncIterator<[string, MemoryDirectory | MemoryFileHandle]> {
    const listed = [...this.entries].map(([name, entry]): [string, MemoryDirectory | MemoryFileHandle] => [name, entry instanceof MemoryFile ? new MemoryFileHandle(name, entry) : entry]);
    let at = 0;
    return { next: () => Promise.resolve(at < listed.length ? { done: false, value: listed[at++]! } : { done: true, value: undefined }) };
  }

  /** Names inside, sorted (for assertions). */
  names(): string[] {
    return [...this.entries.keys()].sort();
  }

  /** As the app sees a folder of the Origin Private File System. */
  asHandle(): FileSystemDirectoryHandle {
    return this as unknown as FileSystemDirectoryHandle;
  }
}
