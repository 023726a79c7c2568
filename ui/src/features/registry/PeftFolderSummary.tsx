// What a PEFT folder holds, as read before import: the LoRA settings and what the weights file says.
import { Badge, Group, Text, Tooltip } from "@mantine/core";
import type { PeftFolder } from "../../bindings/PeftFolder";
import { FieldGrid } from "../../components/FieldGrid";
import { HashText } from "../../components/HashText";
import { formatBytes, formatCount } from "../../lib/governance";

export const UNKNOWN_PARAMETERS_HINT = "adapter_model.bin only: parameters unknown";

/** Trainable parameters, or "unknown" with the reason when only the pickle file was found. */
export function Parameters({ count }: { count: number | null }) {
  if (count !== null) return <Text size="sm">{formatCount(count)}</Text>;
  return (
    <Tooltip label={UNKNOWN_PARAMETERS_HINT}>
      <Text size="sm" c="dimmed" fs="italic">
        unknown
      </Text>
    </Tooltip>
  );
}

export function TargetModules({ modules }: { modules: string[] }) {
  return (
    <Group gap={4}>
      {modules.map((m) => (
        <Badge miw="max-content" key={m} variant="outline" color="gray" size="sm" tt="none">
          {m}
        </Badge>
      ))}
    </Group>
  );
}

export function PeftFolderSummary({ folder }: { folder: PeftFolder }) {
  const { config, weights } = folder;
  return (
    <FieldGrid
      testId="adapter-import-preview-result"
      items={[
        ["PEFT type", config.peft_type],
        ["Base model", config.revision ? `${config.base_model} @ ${config.revision}` : config.base_model],
        ["Rank r / lora_alpha", `${config.r} / ${config.lora_alpha}`],
        ["Target modules", <TargetModules modules={config.target_modules} />],
        ["Weights file", `${weights.file.file_name} (${weights.format})`],
        ["Tensors", weights.tensor_count === null ? "unknown" : formatCount(weights.tensor_count)],
        [
          "Parameters",
          weights.parameters === null ? (
            <Text size="sm" c="orange.8">
              unknown (adapter_model.bin)
            </Text>
          ) : (
            formatCount(weights.parameters)
          ),
        ],
        ["Dtypes", weights.dtypes.length > 0 ? weights.dtypes.join(", ") : "unknown"],
        ["Size", `${formatBytes(weights.file.bytes)} (${formatCount(weights.file.bytes)} bytes)`],
        ["SHA-256", <HashText sha256={weights.file.sha256} />],
      ]}
    />
  );
}
