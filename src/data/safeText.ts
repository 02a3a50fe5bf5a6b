// Text from outside (a link, a typed URL, a file name) shown back to people: printable, with no
// character that can reorder what is around it, and short.

// C0 and C1 controls, and the bidirectional controls that can make "evil.example/moc.knab" read
// as something else: U+200E/F (marks), U+202A–U+202E (embeddings, overrides), U+2066–U+2069
// (isolates).
// eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every control and bidi control replaced by "?", cut to `max` characters with "…". */
export function safeEcho(text: string, max: number): string {
  const clean = text.replace(UNSAFE, '?');
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}
