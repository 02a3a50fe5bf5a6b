import { IMAGE_SIDE } from '../data/mnist';
import { greysLevel } from '../render/greys';

const COLUMNS = Array.from({ length: IMAGE_SIDE }, (_, i) => i);

/** The 28×28 byte values, each cell shaded as the pixel it stands for. */
export function PixelTable({ pixels }: { pixels: Uint8Array }) {
  return (
    <table className="pixel-table" aria-label="Pixel values">
      <tbody>
        {COLUMNS.map((row) => (
          <tr key={row}>
            {COLUMNS.map((col) => {
              const value = pixels[row * IMAGE_SIDE + col] ?? 0;
              const grey = greysLevel(value);
              return (
                <td key={col} style={{ background: `rgb(${grey},${grey},${grey})`, color: grey < 128 ? '#fff' : '#555' }}>
                  {value}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
