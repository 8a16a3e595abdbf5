// The list a text box opens as the agent types ("/" for templates, "@" for colleagues): a listbox
// whose highlighted option the text box points at (aria-activedescendant) while it keeps the focus.
"use client";
import type { ReactNode } from "react";

export const optionId = (listId: string, index: number) => `${listId}-option-${index}`;

/** For mouse down in the list: the text box keeps the focus, so a click does not blur it before the pick lands. */
export const keepFocus = (event: { preventDefault: () => void }) => event.preventDefault();

interface Props<T> {
  id: string;
  label: string;
  items: readonly T[];
  active: number;
  onPick: (item: T) => void;
  className: string;
  optionClassName: (active: boolean) => string;
  children: (item: T) => ReactNode;
}

export function PickerListbox<T extends { id: string }>({ id, label, items, active, onPick, className, optionClassName, children }: Props<T>) {
  return (
    <ul id={id} role="listbox" aria-label={label} className={className}>
      {items.map((item, index) => (
        <li key={item.id} id={optionId(id, index)} role="option" aria-selected={index === active} onMouseDown={keepFocus} onClick={() => onPick(item)} className={optionClassName(index === active)}>
          {children(item)}
        </li>
      ))}
    </ul>
  );
}
