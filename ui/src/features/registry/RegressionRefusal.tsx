// What a dialog that widens a version's reach (a deployment, a pilot's next phase) shows about
// the regression gate before saving: that it could not be read, or that it refuses, with each
// failing metric and what the person working may do about it. The dialog owns the check.
import { Alert, List, Stack, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { failing, failureText, referenceText, type useRegressionCheck } from "./RegressionGate";

export function RegressionRefusal({
  check,
  fails,
  testIdPrefix,
  title,
  unreadNote,
  mayOverride,
  overrideNote,
  remedyNote,
}: {
  check: ReturnType<typeof useRegressionCheck>;
  fails: boolean;
  /** "deploy" → deploy-gate-unread, deploy-gate-fails, deploy-gate-failing-<suite>-<metric>. */
  testIdPrefix: string;
  title: string;
  /** After the error message: when the gate still applies. */
  unreadNote: string;
  mayOverride: boolean;
  overrideNote: string;
  remedyNote: string;
}) {
  return (
    <>
      {check.isError && (
        <Alert
          color="orange"
          title="The regression gate could not be checked"
          data-testid={`${testIdPrefix}-gate-unread`}
        >
          {check.error.message}. {unreadNote}
        </Alert>
      )}
      {check.data && fails && (
        <Alert
          color="red"
          title={title}
          icon={<IconAlertTriangle size={18} />}
          data-testid={`${testIdPrefix}-gate-fails`}
        >
          <Stack gap={6}>
            <Text size="sm">{referenceText(check.data)}</Text>
            <List size="sm" spacing={2}>
              {failing(check.data).map((c) => (
                <List.Item
                  key={`${c.suite}/${c.metric}`}
                  data-testid={`${testIdPrefix}-gate-failing-${c.suite}-${c.metric}`}
                >
                  {failureText(c)}
                </List.Item>
              ))}
            </List>
            <Text size="sm">{mayOverride ? overrideNote : remedyNote}</Text>
          </Stack>
        </Alert>
      )}
    </>
  );
}
