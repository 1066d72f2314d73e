import { useRef, useState } from 'react';
import classes from './GradebookGrid.module.css';

/** Where the cursor goes once an edit is saved. */
export type EditExit = 'down' | 'right' | 'left' | 'stay';

/**
 * The points input inside a cell: Enter saves and goes down, Tab right
 * (Shift+Tab left), Escape cancels, leaving the cell saves in place.
 */
export function GradebookCellEditor({
  initial,
  label,
  onCommit,
  onCancel,
}: {
  initial: string;
  label: string;
  onCommit: (value: string, direction: EditExit) => void;
  onCancel: () => void;
}) {
  const [value, setValue] = useState(initial);
  // Enter, Tab or Escape end the edit; the blur that follows the input's removal must not save again.
  const done = useRef(false);
  const finish = (action: () => void) => {
    if (done.current) return;
    done.current = true;
    action();
  };
  return (
    <input
      className={classes.input}
      aria-label={label}
      inputMode="decimal"
      autoFocus
      value={value}
      onChange={(e) => setValue(e.currentTarget.value)}
      onFocus={(e) => e.currentTarget.setSelectionRange(value.length, value.length)}
      onBlur={() => finish(() => onCommit(value, 'stay'))}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') {
          e.preventDefault();
          finish(() => onCommit(value, 'down'));
        } else if (e.key === 'Tab') {
          e.preventDefault();
          finish(() => onCommit(value, e.shiftKey ? 'left' : 'right'));
        } else if (e.key === 'Escape') {
          e.preventDefault();
          finish(onCancel);
        }
      }}
    />
  );
}
