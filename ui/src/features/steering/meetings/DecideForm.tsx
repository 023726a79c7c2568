// The small form under an agenda item once an executive picks a decision: what the decision will
// do, the rationale it needs (kept in the minutes), then meetingDecide. The decision acts in the
// same transaction, so a refusal (a gate that still refuses, a stage the case cannot reach) is
// shown here, naming the reason, and nothing is recorded.
import { Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { IconGavel } from "@tabler/icons-react";
import { api } from "../../../backend";
import type { AgendaEntry } from "../../../bindings/AgendaEntry";
import type { DecisionChoice } from "../../../bindings/DecisionChoice";
import { ReasonForm } from "../../../components/ReasonForm";
import { useSaveForm } from "../../../lib/forms";
import { DECISION_CHOICE_COLOR } from "../../../lib/statusColors";
import { useWorkingAs } from "../../../shell/useWorkingAs";
import { choiceEffect, choiceLabel } from "../steeringData";

export function DecideForm({
  meetingId,
  entry,
  choice,
  onClose,
}: {
  meetingId: string;
  entry: AgendaEntry;
  choice: DecisionChoice;
  onClose: () => void;
}) {
  const { gate } = useWorkingAs();
  const form = useForm<{ rationale: string }>({
    initialValues: { rationale: "" },
    validate: {
      rationale: (v) => (v.trim() === "" ? "Give the rationale: the minutes keep why the committee decided" : null),
    },
  });
  const saver = useSaveForm({
    form,
    save: (v: { rationale: string }) =>
      api.meetingDecide({ meeting_id: meetingId, item: entry.item, decision: choice, rationale: v.rationale }),
    changes: ["steeringDecisions"],
    onSaved: (decided) => {
      notifications.show({
        color: "teal",
        title: `${choiceLabel(entry.kind, choice)}: ${entry.title}`,
        message: decided.outcome,
      });
      onClose();
    },
  });
  const label = choiceLabel(entry.kind, choice);
  return (
    <ReasonForm
      onSubmit={form.onSubmit(saver.submit)}
      context={
        <Text size="sm">
          <b>{label}.</b> {choiceEffect(entry.kind, choice)}
        </Text>
      }
      field={{
        label: "Rationale",
        description: "Why the committee decides so; kept in the minutes with your name",
        minRows: 2,
        testId: "decision-rationale",
        // Inline rather than in a dialog: the field takes the focus itself.
        inputProps: { ...form.getInputProps("rationale"), autoFocus: true },
      }}
      refusal={saver.refusal}
      refusalTitle="The decision was not recorded"
      onDismiss={saver.dismiss}
      cancel={{ label: "Cancel", onClick: onClose }}
      confirm={{
        label: `Decide: ${label}`,
        testId: "decision-submit",
        icon: <IconGavel size={16} />,
        color: DECISION_CHOICE_COLOR[choice],
        loading: saver.pending,
        gate: gate("decide_gate"),
      }}
      testId={`decision-form-${entry.item.replace(/:/g, "-")}`}
    />
  );
}
