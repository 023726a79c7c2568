// The keyboard shortcuts, as hints beside what they do (<Kbd> keys) and as the list `?` opens;
// both read the table in ./shortcuts.
import { Group, Kbd, Modal, Table, Text } from "@mantine/core";
import { PAGE_LABEL, PAGE_ORDER } from "./navigation";
import { ACTION_SHORTCUTS, type ActionShortcut, actionKeys, keysText, pageKeys } from "./shortcuts";

/** "G then A" as keys: <Kbd>G</Kbd> then <Kbd>A</Kbd>. */
export function ShortcutKeys({ keys, size = "xs" }: { keys: readonly string[]; size?: "xs" | "sm" }) {
  return (
    <Group gap={4} wrap="nowrap" aria-label={keysText(keys)}>
      {keys.map((k, i) => (
        <Group key={`${k}-${i}`} gap={4} wrap="nowrap">
          {i > 0 && (
            <Text span size={size} c="dimmed">
              then
            </Text>
          )}
          <Kbd size={size}>{k}</Kbd>
        </Group>
      ))}
    </Group>
  );
}

const ACTIONS = Object.keys(ACTION_SHORTCUTS) as ActionShortcut[];

export function ShortcutsModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard shortcuts" size="md" centered>
      <Text size="sm" c="dimmed" mb="sm">
        They work when you are not typing in a field. Tab and Shift+Tab move through the page; Enter submits a form once
        it is complete.
      </Text>
      <Table verticalSpacing={4} fz="sm" data-testid="shortcuts-list">
        <Table.Tbody>
          {ACTIONS.map((a) => (
            <Table.Tr key={a}>
              <Table.Td>
                <ShortcutKeys keys={actionKeys(a)} />
              </Table.Td>
              <Table.Td>{ACTION_SHORTCUTS[a].label}</Table.Td>
            </Table.Tr>
          ))}
          {PAGE_ORDER.map((p) => (
            <Table.Tr key={p}>
              <Table.Td>
                <ShortcutKeys keys={pageKeys(p)} />
              </Table.Td>
              <Table.Td>Go to {PAGE_LABEL[p]}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
