import { useMemo } from 'react';
import { uprightIndex, type ImageGeometry } from '../../data/dataset/dataset';
import { greysLevel } from '../../render/greys';

/**
 * The byte values of the image as drawn (upright: EMNIST's transposed storage turned), each cell
 * shaded as the pixel it stands for. The table has its own scroll box: on a phone the columns keep
 * their width and scroll sideways, so three-digit values never run together.
 */
export function PixelTable({ pixels, geometry }: { pixels: Uint8Array; geometry: ImageGeometry }) {
  const { width, height, source } = useMemo(() => uprightIndex(geometry), [geometry]);
  const rows = Array.from({ length: height }, (_, i) => i);
  const columns = Array.from({ length: width }, (_, i) => i);
  return (
    <div className="pixel-table-scroll">
      <table className="pixel-table" aria-label="Pixel values">
        <tbody>
          {rows.map((row) => (
            <tr key={row}>
              {columns.map((col) => {
                const value = pixels[source[row * width + col]!] ?? 0;
                const grey = greysLevel(value);
                return (
                  <td key={col} style={{ background: `rgb(${grey},${grey},${grey})`, color: grey < 128 ? '#fff' : '#444' }}>
                    {value}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
