import type { ReactNode } from 'react';

/** A link to another site, opened beside the app (it holds the data in memory: no navigation away). */
export function ExternalLink({ href, children }: { href: string; children?: ReactNode }) {
  return (
    <a href={href} target="_blank" rel="noreferrer">
      {children ?? href}
    </a>
  );
}
