// Moving a case to any stage, not only the next: back a step, on to retired, or past the next. The
// stages it may not move to now are disabled with the backend's reason (the same options the
// dossier editor shows); the move itself still goes through the stage gate, whose refusal shows
// here. One modal for the whole board, opened on a card.
import { Alert, Button, Group, Loader, Modal, Radio, Stack, Text } from "@mantine/core";
import { IconArrowRight } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../backend";
import type { BoardCard } from "../../bindings/BoardCard";
import type { Stage } from "../../bindings/Stage";
import { FormRefusal } from "../../components/FormRefusal";
import { keys } from "../../lib/queryKeys";
import { STAGE_LABEL } from "../../lib/recordKinds";
import { STAGES } from "../../lib/vocabulary";
import { refusalText, useStageMove } from "./boardData";

function MoveForm({ card, onClose }: { card: BoardCard; onClose: () => void }) {
  const options = useQuery({
    queryKey: keys.stageOptions(card.id),
    queryFn: () => api.useCaseStageOptions({ id: card.id }),
  });
  const move = useStageMove();
  const [to, setTo] = useState<Stage | null>(null);

  if (options.isPending) return <Loader size="sm" aria-label="Loading the stages it may move to" />;
  if (options.isError) {
    return (
      <Alert color="red" title="The stages could not be checked">
        {options.error.message}
      </Alert>
    );
  }
  const byStage = new Map(options.data.map((o) => [o.stage, o]));
  const submit = () => {
    if (to) move.mutate({ id: card.id, to }, { onSuccess: onClose });
  };
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {card.id} is in the {STAGE_LABEL[card.stage].toLowerCase()} stage. Stages it may not move to now are greyed out
        with the reason.
      </Text>
      <Radio.Group value={to} onChange={(v) => setTo(v as Stage)} data-testid="board-move-stages">
        <Stack gap={8}>
          {STAGES.map((stage) => {
            const option = byStage.get(stage);
            const current = stage === card.stage || option?.current === true;
            const refused = option !== undefined && !option.allowed && !current;
            return (
              <Radio
                key={stage}
                value={stage}
                disabled={current || refused}
                label={current ? `${STAGE_LABEL[stage]} (where it is now)` : STAGE_LABEL[stage]}
                description={refused ? option?.reason : undefined}
                data-testid={`board-move-to-${stage}`}
              />
            );
          })}
        </Stack>
      </Radio.Group>
      <FormRefusal
        refusal={move.error ? refusalText(move.error) : null}
        title={`${card.id} was not moved`}
        onClose={move.reset}
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button
          leftSection={<IconArrowRight size={16} />}
          disabled={to === null}
          loading={move.isPending}
          onClick={submit}
          data-testid="board-move-confirm"
        >
          {to ? `Move to ${STAGE_LABEL[to]}` : "Move"}
        </Button>
      </Group>
    </Stack>
  );
}

export function MoveStageModal({ card, onClose }: { card: BoardCard | null; onClose: () => void }) {
  return (
    <Modal
      opened={card !== null}
      onClose={onClose}
      title={card ? `Move ${card.id} · ${card.title}` : "Move"}
      size="md"
      centered
    >
      {card && <MoveForm key={card.id} card={card} onClose={onClose} />}
    </Modal>
  );
}
