import { useId, useState } from 'react';

interface Props {
  label: string;
  value: string;
  /** Focus goes to it when it shows (selecting it), so that it is not missed below the fold. */
  autoFocus?: boolean;
}

/** A secret to hand on (a key, a one-time link): read-only, selected on focus, with a Copy button. */
export function CopyableSecret({ label, value, autoFocus = false }: Props) {
  const [said, setSaid] = useState('');
  const id = useId();
  const copy = async () => {
    try {
      // Undefined outside a secure context (plain HTTP to another machine).
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(value);
      setSaid('Copied.');
    } catch {
      setSaid('The browser would not copy: select the text and press Ctrl-C.');
    }
  };
  return (
    <div className="copyable">
      <label htmlFor={id}>{label}</label>
      <div className="row">
        <input
          id={id}
          readOnly
          autoFocus={autoFocus}
          value={value}
          onFocus={(event) => event.target.select()}
          spellCheck={false}
        />
        <button onClick={() => void copy()}>Copy</button>
        <span role="status" className="hint">
          {said}
        </span>
      </div>
    </div>
  );
}
