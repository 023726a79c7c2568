// A refused file as the backend words it: the first line as the title, then one problem per line
// when it lists rows ("row 3, column month: …"), scrolling when there are many.
import { Alert, List, ScrollArea } from "@mantine/core";

export function RowProblems({ message, onClose, testId }: { message: string; onClose: () => void; testId: string }) {
  const [first = message, ...rows] = message.split("\n");
  return (
    <Alert color="red" title={first} withCloseButton onClose={onClose} data-testid={testId}>
      {rows.length > 0 && (
        <ScrollArea.Autosize mah={240}>
          <List size="sm" spacing={2}>
            {rows.map((row, i) => (
              <List.Item key={i}>{row}</List.Item>
            ))}
          </List>
        </ScrollArea.Autosize>
      )}
    </Alert>
  );
}
