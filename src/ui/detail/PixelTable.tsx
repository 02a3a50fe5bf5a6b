import { IMAGE_SIDE } from '../../data/mnist';
import { greysLevel } from '../../render/greys';

const COLUMNS = Array.from({ length: IMAGE_SIDE }, (_, i) => i);

/**
 * The 28×28 byte values, each cell shaded as the pixel it stands for. The table has its own
 * scroll box: on a phone the 28 columns keep their width and scroll sideways, so three-digit
 * values never run together.
 */
export function PixelTable({ pixels }: { pixels: Uint8Array }) {
  return (
    <div className="pixel-table-scroll">
      <table className="pixel-table" aria-label="Pixel values">
        <tbody>
          {COLUMNS.map((row) => (
            <tr key={row}>
              {COLUMNS.map((col) => {
                const value = pixels[row * IMAGE_SIDE + col] ?? 0;
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
