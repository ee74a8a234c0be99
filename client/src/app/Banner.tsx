export interface Message {
  kind: 'error' | 'info';
  text: string;
}

/** One message under the toolbar: an alert for errors, a polite status for the rest. */
export function Banner({ message, onDismiss }: { message: Message; onDismiss: () => void }) {
  return (
    <div className={`banner ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
      {message.text}{' '}
      <button onClick={onDismiss} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}
