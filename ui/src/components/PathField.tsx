// A file or folder path: typed or pasted, or chosen with the system's dialog. The backend reads
// the file itself (size-bounded), so the path is what is sent, never the contents. Also the same
// field that says, above it, why the system's dialog could not open (the path can still be typed).
import { Alert, Button, Group, TextInput, type TextInputProps } from "@mantine/core";
import { IconFolderOpen } from "@tabler/icons-react";
import { useState } from "react";

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

/**
 * A PathField whose dialog, when it fails to open, says why in a dismissible alert above the
 * field (cleared when Browse… is pressed again). Its two elements sit directly in the caller's stack.
 */
export function PathFieldWithDialogAlert({ browse, ...props }: Props) {
  const [dialogProblem, setDialogProblem] = useState<string | null>(null);
  const browseOrSay = async () => {
    setDialogProblem(null);
    try {
      return await browse();
    } catch (error) {
      setDialogProblem(error instanceof Error ? error.message : String(error));
      return null;
    }
  };
  return (
    <>
      {dialogProblem && (
        <Alert
          color="red"
          title="The file dialog could not open"
          withCloseButton
          onClose={() => setDialogProblem(null)}
        >
          {dialogProblem}
        </Alert>
      )}
      <PathField {...props} browse={browseOrSay} />
    </>
  );
}
