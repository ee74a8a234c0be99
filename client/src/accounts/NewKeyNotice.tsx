import { useEffect, useRef } from 'react';
import type { CreatedApiKey } from './accountsApi';
import { CopyableSecret } from './CopyableSecret';

/** A key just made, shown this once: copy it now, for it is stored hashed and cannot be shown again. */
export function NewKeyNotice({ created, onDone }: { created: CreatedApiKey; onDone: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus moves here, so that keyboard and screen-reader users meet the key and its warning first.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="notice warning" aria-labelledby="new-key-title">
      <h3 id="new-key-title" tabIndex={-1} ref={heading}>
        Key “{created.name}” created
      </h3>
      <p>
        <strong>Copy it now: it will not be shown again.</strong> Entente keeps only a hash of it. Keep it where you
        keep passwords; anyone who has it can use the API with its scopes ({created.scopes.join(', ')}).
      </p>
      <CopyableSecret label="API key" value={created.key} />
      <button className="primary" onClick={onDone}>
        I have copied it
      </button>
    </section>
  );
}
