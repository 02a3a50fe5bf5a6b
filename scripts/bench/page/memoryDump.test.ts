import { describe, expect, it } from 'vitest';
import { describeMemoryDump, processMemoryDump, type MemoryDumpEvent } from './memoryDump';

// Chromium writes sizes as bare hex digits; "0x" is accepted too.
const size = (bytes: number) => ({ attrs: { size: { value: bytes % 2 ? `0x${bytes.toString(16)}` : bytes.toString(16) } } });

describe('memory-infra dump', () => {
  const events: MemoryDumpEvent[] = [
    { ph: 'M', pid: 7 },
    // An older dump of the same process: only the last one counts.
    { ph: 'v', pid: 7, args: { dumps: { allocators: { malloc: size(1) } } } },
    {
      ph: 'v',
      pid: 7,
      args: {
        dumps: {
          allocators: {
            partition_alloc: size(60_000_000),
            'partition_alloc/partitions': size(59_000_000),
            'partition_alloc/partitions/array_buffer': size(55_000_000),
            'partition_alloc/partitions/array_buffer/buckets': size(55_000_000),
            malloc: size(30_000_000),
            v8: size(6_000_000),
            'v8/main': size(4_000_000),
            canvas: size(4_700_000),
            tiny: size(10),
            broken: { attrs: { size: { value: 'lots' } } },
          },
        },
      },
    },
    // The process totals, in an event of their own.
    { ph: 'v', pid: 7, args: { dumps: { process_totals: { private_footprint_bytes: '5f5e100' } } } },
    { ph: 'v', pid: 8, args: { dumps: { allocators: { malloc: size(99_000_000) } } } },
  ];

  it('takes the last dump of the process: top-level allocators and the named partitions only', () => {
    const dump = processMemoryDump(events, 7)!;
    expect(dump.privateFootprintBytes).toBe(100_000_000);
    expect(dump.allocators).toEqual({
      partition_alloc: 60_000_000,
      'partition_alloc/partitions/array_buffer': 55_000_000,
      malloc: 30_000_000,
      v8: 6_000_000,
      'v8/main': 4_000_000,
      canvas: 4_700_000,
      tiny: 10,
    });
    expect(processMemoryDump(events, 9)).toBeNull();
  });

  it('describes it largest first, in MB, leaving out the crumbs', () => {
    expect(describeMemoryDump(processMemoryDump(events, 7)!)).toBe(
      'private footprint 100.0 MB: PartitionAlloc (all) 60.0 MB, array buffers 55.0 MB, malloc 30.0 MB, V8 (all) 6.0 MB, canvases 4.7 MB, V8 page 4.0 MB',
    );
  });
});
