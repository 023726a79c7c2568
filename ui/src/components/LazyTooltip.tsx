// A tooltip for rows of long tables: until the pointer or focus first reaches its element it is
// only that element, and then it becomes a Mantine Tooltip, opened. A Tooltip per cell costs its
// positioning hooks on every row rendered, for a label few rows ever show.
import { Tooltip, type TooltipProps } from "@mantine/core";
import { cloneElement, type FocusEvent, type MouseEvent, type ReactElement, useState } from "react";

type ChildProps = {
  onMouseEnter?: (e: MouseEvent) => void;
  onFocus?: (e: FocusEvent) => void;
};

export function LazyTooltip({
  children,
  ...tooltip
}: Omit<TooltipProps, "children"> & { children: ReactElement<ChildProps> }) {
  const [armed, setArmed] = useState(false);
  if (armed) {
    return (
      <Tooltip {...tooltip} defaultOpened>
        {children}
      </Tooltip>
    );
  }
  return cloneElement(children, {
    onMouseEnter: () => setArmed(true),
    onFocus: () => setArmed(true),
  });
}
