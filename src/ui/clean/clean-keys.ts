/** Keyboard shortcuts of the review queue: one table drives both the handler and the listed help. */

/** A command the review queue runs from a key (or from its button). */
export type CleanCommand =
  | { kind: 'accept' }
  | { kind: 'edit' }
  | { kind: 'relabel' }
  | { kind: 'pick-class'; index: number }
  | { kind: 'exclude' }
  | { kind: 'ok' }
  | { kind: 'skip' }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'next' }
  | { kind: 'prev' }
  | { kind: 'bulk' };

/** One listed shortcut: the keys as shown and what they do. */
export interface Shortcut {
  keys: string;
  does: string;
}

/** Every shortcut, in the order the help lists them. */
export const SHORTCUTS: readonly Shortcut[] = [
  { keys: 'a', does: 'accept the suggested repair' },
  { keys: 'e', does: 'edit the flagged cell' },
  { keys: 'r', does: 'relabel (choose a class)' },
  { keys: '1–9', does: 'relabel as that class (most likely first)' },
  { keys: 'x', does: 'exclude the row' },
  { keys: 'o', does: 'mark OK (a false alarm)' },
  { keys: 's', does: 'skip for now' },
  { keys: 'u', does: 'undo the last step' },
  { keys: 'Shift+U', does: 'redo' },
  { keys: 'j / k', does: 'next / previous row' },
  { keys: 'b', does: 'preview this fix on its whole group' },
];

const SINGLE: Record<string, CleanCommand> = {
  a: { kind: 'accept' },
  e: { kind: 'edit' },
  r: { kind: 'relabel' },
  x: { kind: 'exclude' },
  o: { kind: 'ok' },
  s: { kind: 'skip' },
  u: { kind: 'undo' },
  U: { kind: 'redo' },
  j: { kind: 'next' },
  k: { kind: 'prev' },
  b: { kind: 'bulk' },
};

/** The fields of a KeyboardEvent the mapping reads. */
export interface KeyLike {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** The command a key press means, or null (modified keys and unknown keys mean nothing). */
export function commandForKey(event: KeyLike): CleanCommand | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (/^[1-9]$/.test(event.key)) return { kind: 'pick-class', index: Number(event.key) - 1 };
  if (event.key === 'u' || event.key === 'U') return event.shiftKey ? SINGLE.U : SINGLE.u;
  if (event.shiftKey) return null;
  return SINGLE[event.key] ?? null;
}

/** True when a key press belongs to a text field or a menu, not to the queue. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).tagName !== 'string') return false;
  const element = target as HTMLElement;
  const tag = element.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || element.isContentEditable;
}
