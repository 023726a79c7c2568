// A file or folder path: typed or pasted, or chosen with the system's dialog. The backend reads
// the file itself (size-bounded), so the path is what is sent, never the contents.
import { Button, Group, TextInput, type TextInputProps } from "@mantine/core";
import { IconFolderOpen } from "@tabler/icons-react";

type Props = Omit<TextInputProps, "onChange" | "value"> & {
  value: string;
  onChange: (path: string) => void;
  /** Opens the native dialog; resolves to the chosen path or null. */
  browse: () => Promise<string | null>;
  "data-testid"?: string;
};

export function PathField({ value, onChange, browse, ...rest }: Props) {
  return (
    <Group align="flex-end" gap="xs" wrap="nowrap">
      <TextInput
        {...rest}
        style={{ flex: 1 }}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        spellCheck={false}
      />
      <Button
        variant="default"
        leftSection={<IconFolderOpen size={16} />}
        onClick={async () => {
          const picked = await browse();
          if (picked !== null) onChange(picked);
        }}
      >
        Browse…
      </Button>
    </Group>
  );
}
