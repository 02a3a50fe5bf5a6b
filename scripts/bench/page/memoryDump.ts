// Reads a Chromium memory-infra dump (the "Memory" of chrome://tracing) for one process: how its
// private memory splits between array buffers, malloc, V8, Blink's heap, compositor tiles and
// canvases. The benchmark prints it for the app's renderer, so "memory beyond the buffers" comes
// with where that memory is, not only how much there is.

export interface MemoryDumpEvent {
  ph: string;
  pid: number;
  args?: {
    dumps?: {
      allocators?: Record<string, { attrs?: { size?: { value?: string } } } | undefined>;
      process_totals?: { private_footprint_bytes?: string };
    };
  };
}

export interface ProcessMemoryDump {
  /** What the OS charges the process with, as Chromium counts it. */
  privateFootprintBytes: number | null;
  /** Bytes per allocator: every top-level one, and the named partitions listed in DETAIL. */
  allocators: Record<string, number>;
}

/** Partitions worth naming apart from their parent allocator. */
const DETAIL = ['partition_alloc/partitions/array_buffer', 'partition_alloc/partitions/buffer', 'cc/tile_memory', 'v8/main', 'v8/workers'];

/** Dump sizes are hex strings, with or without "0x" ("1a2b", "0x1a2b"). */
const hex = (value: string | undefined): number | null => {
  const digits = value?.replace(/^0x/i, '');
  return digits && /^[0-9a-f]+$/i.test(digits) ? parseInt(digits, 16) : null;
};

/** The last detailed dump of `pid` in the trace's events, or null when there is none. */
export function processMemoryDump(events: readonly MemoryDumpEvent[], pid: number): ProcessMemoryDump | null {
  const ofProcess = events.filter((e) => e.ph === 'v' && e.pid === pid);
  const dump = ofProcess.filter((e) => e.args?.dumps?.allocators).at(-1)?.args?.dumps;
  if (!dump?.allocators) return null;
  // The totals may come in an event of their own.
  const totals = ofProcess.filter((e) => e.args?.dumps?.process_totals).at(-1)?.args?.dumps?.process_totals;
  const allocators: Record<string, number> = {};
  for (const [name, node] of Object.entries(dump.allocators)) {
    const size = hex(node?.attrs?.size?.value);
    if (size === null) continue;
    if (!name.includes('/') || DETAIL.includes(name)) allocators[name] = size;
  }
  return { privateFootprintBytes: hex(totals?.private_footprint_bytes), allocators };
}

const LABELS: Record<string, string> = {
  'partition_alloc/partitions/array_buffer': 'array buffers',
  'partition_alloc/partitions/buffer': 'Blink buffers',
  partition_alloc: 'PartitionAlloc (all)',
  malloc: 'malloc',
  v8: 'V8 (all)',
  'v8/main': 'V8 page',
  'v8/workers': 'V8 workers',
  blink_gc: 'Blink GC heap',
  'cc/tile_memory': 'compositor tiles',
  canvas: 'canvases',
  web_cache: 'resource cache',
  shared_memory: 'shared memory',
};

/** "array buffers 54.1 MB, malloc 34.2 MB, …", largest first, at most `count`. */
export function describeMemoryDump(dump: ProcessMemoryDump, count = 12): string {
  const parts = Object.entries(dump.allocators)
    .filter(([, bytes]) => bytes >= 50_000)
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, bytes]) => `${LABELS[name] ?? name} ${(bytes / 1e6).toFixed(1)} MB`);
  const total = dump.privateFootprintBytes === null ? '' : `private footprint ${(dump.privateFootprintBytes / 1e6).toFixed(1)} MB: `;
  return `${total}${parts.join(', ')}`;
}
