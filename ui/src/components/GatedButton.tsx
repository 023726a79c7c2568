// A button the backend may not allow (a role the person working lacks, a version not yet
// approved): it stays visible but disabled, with the backend's reason as its tooltip. The
// handler still checks and may refuse.
import { Button, type ButtonProps, Tooltip } from "@mantine/core";
import type { MouseEvent, ReactNode } from "react";
import type { Gate } from "../bindings/Gate";

type Props = ButtonProps & {
  gate: Gate;
  onClick: (e: MouseEvent<HTMLButtonElement>) => void;
  children: ReactNode;
  "data-testid"?: string;
};

export function GatedButton({ gate, onClick, children, disabled, ...rest }: Props) {
  // A `disabled` button swallows the pointer events a tooltip needs; data-disabled looks the same.
  const blocked = !gate.allowed;
  return (
    <Tooltip label={gate.reason} multiline maw={320} disabled={!blocked}>
      <Button
        {...rest}
        disabled={blocked ? undefined : disabled}
        data-disabled={blocked || undefined}
        aria-disabled={blocked || undefined}
        onClick={(e) => {
          if (blocked) {
            e.preventDefault();
            e.stopPropagation();
          } else {
            onClick(e);
          }
        }}
      >
        {children}
      </Button>
    </Tooltip>
  );
}
