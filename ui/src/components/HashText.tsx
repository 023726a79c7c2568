// A SHA-256 as tables show it: the first digits, the full value in a tooltip, one click to copy.
import { ActionIcon, CopyButton, Group, Text, Tooltip } from "@mantine/core";
import { IconCheck, IconCopy } from "@tabler/icons-react";
import { shortHash } from "../lib/governance";

export function HashText({ sha256, size = "sm" }: { sha256: string; size?: "xs" | "sm" }) {
  return (
    <Group gap={2} wrap="nowrap">
      <Tooltip label={sha256} maw={360} multiline style={{ wordBreak: "break-all" }}>
        <Text size={size} ff="monospace">
          {shortHash(sha256)}
        </Text>
      </Tooltip>
      <CopyButton value={sha256}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? "Copied" : "Copy the full SHA-256"}>
            <ActionIcon
              variant="subtle"
              color={copied ? "teal" : "gray"}
              size="xs"
              aria-label="Copy the full SHA-256"
              onClick={(e) => {
                // Rows open on click; copying must not also select the row.
                e.stopPropagation();
                copy();
              }}
            >
              {copied ? <IconCheck size={12} /> : <IconCopy size={12} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
