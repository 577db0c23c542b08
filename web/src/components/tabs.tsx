// Tabs after the WAI-ARIA Authoring Practices pattern with manual activation: arrow keys,
// Home and End move focus along the tabs, Enter or Space (or a click) opens one. Manual, because
// opening a panel loads (and audits) a read of personal data; moving focus should not.
import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabDef {
  id: string;
  label: ReactNode;
  /** Rendered only while the tab is selected. */
  render: () => ReactNode;
}

interface TabsProps {
  label: string;
  idPrefix: string;
  tabs: readonly TabDef[];
  selected: string;
  onSelect: (id: string) => void;
}

export function Tabs({ label, idPrefix, tabs, selected, onSelect }: TabsProps) {
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const current = tabs.some((t) => t.id === selected) ? selected : (tabs[0]?.id ?? '');

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = tabs.length - 1;
    const target = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[e.key];
    if (target === undefined) return;
    e.preventDefault();
    refs.current[tabs[target]!.id]?.focus();
  };

  return (
    <div className="tabs">
      <div role="tablist" aria-label={label} className="tab-list">
        {tabs.map((tab, index) => {
          const isSelected = tab.id === current;
          return (
            <button
              key={tab.id}
              ref={(el) => {
                refs.current[tab.id] = el;
              }}
              type="button"
              role="tab"
              id={`${idPrefix}-tab-${tab.id}`}
              aria-selected={isSelected}
              aria-controls={`${idPrefix}-panel-${tab.id}`}
              tabIndex={isSelected ? 0 : -1}
              className="tab"
              onClick={() => onSelect(tab.id)}
              onKeyDown={(e) => onKeyDown(e, index)}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`${idPrefix}-panel-${tab.id}`}
          aria-labelledby={`${idPrefix}-tab-${tab.id}`}
          tabIndex={0}
          hidden={tab.id !== current}
          className="tab-panel"
        >
          {tab.id === current ? tab.render() : null}
        </div>
      ))}
    </div>
  );
}
