// A MultiSelect whose option list is rendered only once the pointer or focus first reaches it.
// Mantine keeps a closed combobox's options mounted (hidden) so that the arrow keys find them
// the moment the list opens; but that hidden list, and its placement, is rendered into a portal
// right after the page mounts: for a row of filters the costliest part of a page's first render,
// for lists few visits open. Until then the list is rendered when it opens, as any popover's;
// from the first hover or focus on, the select is Mantine's own, arrow keys included.
import { MultiSelect, type MultiSelectProps } from "@mantine/core";
import { type FocusEvent, memo, type MouseEvent, useMemo, useState } from "react";

export const LazyMultiSelect = memo(function LazyMultiSelect({
  comboboxProps,
  wrapperProps,
  ...select
}: MultiSelectProps) {
  const [armed, setArmed] = useState(false);
  const combobox = useMemo(() => ({ ...comboboxProps, keepMounted: armed }), [comboboxProps, armed]);
  const wrapper = useMemo(
    () =>
      armed
        ? wrapperProps
        : {
            ...wrapperProps,
            onMouseEnter: (e: MouseEvent<HTMLDivElement>) => {
              setArmed(true);
              wrapperProps?.onMouseEnter?.(e);
            },
            onFocus: (e: FocusEvent<HTMLDivElement>) => {
              setArmed(true);
              wrapperProps?.onFocus?.(e);
            },
          },
    [wrapperProps, armed],
  );
  return <MultiSelect {...select} comboboxProps={combobox} wrapperProps={wrapper} />;
});
