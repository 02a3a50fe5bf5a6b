/**
 * The visitor's own files: a plain `<input type=file>` (it works in every browser, phones too).
 * Several files at once: the images and labels of one or both splits, gzip'd or raw.
 */
export function LocalFilesInput({ onFiles }: { onFiles: (files: readonly File[]) => void }) {
  return (
    <label className="control">
      <span>Files</span>
      <input type="file" multiple aria-label="Files" onChange={(e) => onFiles([...(e.target.files ?? [])])} />
    </label>
  );
}
